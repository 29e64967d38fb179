import type { Settings } from '../types';
import type { FieldValues } from './ExtraFieldInputs';

export type Body = {
  firstName: string;
  lastName: string;
  phone: string;
  zoneIds: string[];
  categoryId: string;
  startDate: string;
};
export type CreateRequest = Body & {
  fields: FieldValues;
  idempotencyKey: string;
  departmentId?: string | null;
};

/** Which form field a server error belongs to. */
export const FIELD_OF_CODE: Record<string, keyof Body> = {
  PHONE_INVALID: 'phone',
  ZONES_REQUIRED: 'zoneIds',
  ZONE_UNKNOWN: 'zoneIds',
  CATEGORY_UNKNOWN: 'categoryId',
  START_DATE_INVALID: 'startDate',
  DATE_INVALID: 'startDate',
};

/** One key per form: a double click or a retry creates one subscription. */
export function newKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** Only the company's current fields; empty text is "not filled in"; numbers go as typed ("00789"). */
export function cleanFields(values: FieldValues, settings: Settings | undefined): FieldValues {
  const out: FieldValues = {};
  for (const f of settings?.orderForm.kind === 'custom' ? settings.orderForm.fields : []) {
    const v = values[f.key];
    if (v === undefined || v === '') continue;
    out[f.key] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}
