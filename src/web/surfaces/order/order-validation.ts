import type { TFunction } from 'i18next';
import type { ApiError } from '../../api';
import type { FieldValues } from './ExtraFields';
import type { OrderField } from './types';

export interface Draft {
  firstName: string;
  lastName: string;
  zoneIds: string[];
  categoryId: string;
  /** The department chosen, '' for none (issue 16 item 3; only when the company has departments). */
  departmentId: string;
  fields: FieldValues;
  consent: boolean;
}

/** Error keys: firstName, lastName, zones, category, department, consent, field:<key>. */
export type Errors = Record<string, string>;

/** What the browser can check before sending; the server checks it all again. */
export function checkDraft(d: Draft, form: OrderField[], t: TFunction<'order'>): Errors {
  const e: Errors = {};
  if (!d.firstName.trim()) e.firstName = t('form.required', { field: t('form.firstName') });
  if (!d.lastName.trim()) e.lastName = t('form.required', { field: t('form.lastName') });
  for (const f of form) {
    const v = d.fields[f.key];
    const empty = v === undefined || v === '' || v === false;
    if (f.required && empty) e[`field:${f.key}`] = t('form.required', { field: f.label });
    else if (
      f.type === 'number' &&
      typeof v === 'string' &&
      v.trim() &&
      !Number.isFinite(Number(v.replace(',', '.')))
    )
      e[`field:${f.key}`] = t('form.numberInvalid', { field: f.label });
  }
  if (d.zoneIds.length === 0) e.zones = t('form.zonesRequired');
  if (!d.categoryId) e.category = t('form.categoryRequired');
  if (!d.consent) e.consent = t('form.consentRequired');
  return e;
}

/** Maps a refused order to the fields it names; null when it is not about one field. */
export function serverErrors(error: ApiError, form: OrderField[], t: TFunction<'order'>): Errors | null {
  switch (error.code) {
    case 'ZONE_UNKNOWN':
    case 'ZONES_REQUIRED':
      return { zones: error.message };
    case 'CATEGORY_UNKNOWN':
      return { category: error.message };
    case 'DEPARTMENT_UNKNOWN':
      return { department: error.message };
    case 'CONSENT_REQUIRED':
      return { consent: error.message };
    case 'VALIDATION_FAILED': {
      const details = Array.isArray(error.details) ? (error.details as { path?: string }[]) : [];
      const e: Errors = {};
      for (const { path = '' } of details) {
        const key = path.replace(/^body\./, '');
        if (key === 'firstName' || key === 'lastName')
          e[key] = t('form.required', { field: t(`form.${key}`) });
        else if (key.startsWith('fields.')) {
          const f = form.find((x) => x.key === key.slice(7));
          if (f) e[`field:${f.key}`] = t('form.fieldInvalid', { field: f.label });
        }
      }
      return Object.keys(e).length > 0 ? e : null;
    }
    default:
      return null;
  }
}
