import type { OrderField } from '../../db/schema/companies';
import { AppError } from '../../domain/errors';

export type FieldValue = string | number | boolean;
type Problem = { path: string; message: string };

const TEXT_MAX = 200;

function checkOne(field: OrderField, raw: unknown): { value?: FieldValue; problem?: string } {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (field.type === 'checkbox') {
    if (raw !== undefined && raw !== null && typeof raw !== 'boolean')
      return { problem: 'must be true or false' };
    const checked = raw === true;
    if (field.required && !checked) return { problem: 'required' };
    return { value: checked };
  }
  if (empty) return field.required ? { problem: 'required' } : {};
  switch (field.type) {
    case 'text':
      if (typeof raw !== 'string') return { problem: 'must be text' };
      if (raw.trim().length > TEXT_MAX) return { problem: `at most ${TEXT_MAX} characters` };
      return { value: raw.trim() };
    case 'number': {
      // Kept as typed ("00789", "12,5"): an employee number's leading zeros matter; the exports
      // read its number from the text (adapters/payroll/table.ts typedNumber).
      const typed =
        typeof raw === 'number' && Number.isFinite(raw)
          ? String(raw)
          : typeof raw === 'string'
            ? raw.trim()
            : '';
      if (!/^-?\d{1,15}(?:[.,]\d{1,6})?$/.test(typed)) return { problem: 'must be a number' };
      return { value: typed };
    }
    case 'select':
      if (typeof raw !== 'string' || !(field.options ?? []).includes(raw))
        return { problem: 'not one of the options' };
      return { value: raw };
  }
}

/**
 * Rule 2/5: the employee's answers to the company's extra fields — required ones present, each
 * of the right type, a select one of its options. Keys the form does not have are dropped.
 * VALIDATION_FAILED details name each field as `body.fields.<key>`.
 */
export function validateOrderFields(
  form: OrderField[],
  input: Record<string, unknown>,
): Record<string, FieldValue> {
  const values: Record<string, FieldValue> = {};
  const problems: Problem[] = [];
  for (const field of form) {
    const { value, problem } = checkOne(field, input[field.key]);
    if (problem) problems.push({ path: `body.fields.${field.key}`, message: problem });
    else if (value !== undefined) values[field.key] = value;
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  return values;
}
