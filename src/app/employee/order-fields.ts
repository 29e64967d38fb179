import type { OrderField } from '../../db/schema/companies';
import { AppError } from '../../domain/errors';
import { normaliseText } from '../../domain/text';

export type FieldValue = string | number | boolean;
type Problem = { path: string; problem: string; params?: Record<string, number> };

const TEXT = { max: 200, min: 0 } as const;

function checkOne(field: OrderField, raw: unknown): { value?: FieldValue; problem?: string } {
  const empty = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (field.type === 'checkbox') {
    if (raw !== undefined && raw !== null && typeof raw !== 'boolean') return { problem: 'wrong_type' };
    const checked = raw === true;
    if (field.required && !checked) return { problem: 'required' };
    return { value: checked };
  }
  if (empty) return field.required ? { problem: 'required' } : {};
  switch (field.type) {
    case 'text': {
      if (typeof raw !== 'string') return { problem: 'wrong_type' };
      const text = normaliseText(raw, TEXT);
      return text.ok ? { value: text.value } : { problem: text.problem };
    }
    case 'number': {
      // Kept as typed ("00789", "12,5"): an employee number's leading zeros matter; the exports
      // read its number from the text (adapters/payroll/table.ts typedNumber).
      const typed =
        typeof raw === 'number' && Number.isFinite(raw)
          ? String(raw)
          : typeof raw === 'string'
            ? raw.trim()
            : '';
      if (!/^-?\d{1,15}(?:[.,]\d{1,6})?$/.test(typed)) return { problem: 'number_invalid' };
      return { value: typed };
    }
    case 'select': {
      const choice = typeof raw === 'string' ? normaliseText(raw, TEXT) : null;
      if (!choice?.ok || !(field.options ?? []).includes(choice.value)) return { problem: 'not_allowed' };
      return { value: choice.value };
    }
  }
}

/**
 * Rule 2/5: the employee's answers to the company's extra fields — required ones present, each
 * of the right type, a select one of its options, text through the text boundary (issue 14).
 * Keys the form does not have are dropped.
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
    if (problem) problems.push({ path: `body.fields.${field.key}`, problem, params: { max: TEXT.max } });
    else if (value !== undefined) values[field.key] = value;
  }
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', { details: problems });
  return values;
}
