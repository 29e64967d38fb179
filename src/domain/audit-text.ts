import { formatDateEn, formatDateNb, isIsoDate } from './calendar';
import { formatNok } from './money';

export type AuditLang = 'nb' | 'en';

/** One audit entry as stored: who did what to which entity, before and after (rule 13). */
export interface AuditFacts {
  action: string;
  actorType: string;
  before: unknown;
  after: unknown;
}

/** Names resolved by the reader's side: the actor's and the employee's, zones and categories. */
export interface AuditNames {
  /** The person who acted (an admin's name, else the e-mail); null for the system. */
  actor: string | null;
  /** The employee the entry is about (a subscription's holder), or null. */
  subject: string | null;
  zone: (id: string) => string;
  category: (id: string) => string;
}

/** A readable difference: a field's label and its value before and after, in words. */
export type AuditChange = { label: string; before: string; after: string };

/** An entry as a person reads it: one sentence and the differences, no ids and no JSON. */
export type AuditText = { sentence: string; changes: AuditChange[] };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const T = {
  nb: {
    system: 'Systemet',
    operator: 'Operatøren',
    employee: 'Den ansatte',
    someone: 'en ansatt',
    none: 'ingen',
    openEnded: 'løpende',
    yes: 'ja',
    no: 'nei',
    from: 'fra',
    labels: {
      zones: 'Soner',
      category: 'Reisendekategori',
      startDate: 'Startdato',
      endDate: 'Sluttdato',
      status: 'Status',
      reason: 'Begrunnelse',
      selfService: 'Selvbetjening',
      subsidy: 'Tilskudd',
      orderForm: 'Bestillingsskjema',
      deductionTerms: 'Vilkår for lønnstrekk',
      email: 'E-post',
      month: 'Måned',
      format: 'Format',
      rows: 'Rader',
      name: 'Navn',
      street: 'Fakturaadresse',
      postalCode: 'Postnummer',
      city: 'Poststed',
      invoiceEmail: 'Faktura-e-post',
      buyerReference: 'Fakturareferanse (EHF)',
      peppolEndpoint: 'Peppol-adresse',
      role: 'Rolle',
      department: 'Avdeling',
      invoiceSplit: 'Faktura',
      costCentre: 'Koststed',
      invoiceAddress: 'Egen fakturaadresse',
    } as Record<string, string>,
    status: {
      pending: 'venter',
      approved: 'godkjent',
      active: 'aktiv',
      ended: 'avsluttet',
      rejected: 'avvist',
      cancelled: 'kansellert',
    } as Record<string, string>,
    selfService: {
      disabled: 'av',
      manual: 'behandles av administrator',
      automatic: 'godkjennes automatisk',
    } as Record<string, string>,
    changed: 'endret',
    invoiceSplit: { company: 'én for hele bedriften', department: 'én per avdeling' } as Record<
      string,
      string
    >,
    roles: { full: 'full tilgang', payroll: 'lønn', department: 'avdelingsadministrator' } as Record<
      string,
      string
    >,
    sentences: {
      'subscription.created': '{actor} la til abonnement for {subject}',
      'subscription.ordered': '{actor} bestilte abonnement',
      'subscription.approved': '{actor} godkjente bestillingen til {subject}',
      'subscription.rejected': '{actor} avviste bestillingen til {subject}',
      'subscription.zones_changed': '{actor} endret soner for {subject}',
      'subscription.category_changed': '{actor} endret reisendekategori for {subject}',
      'subscription.ended': '{actor} avsluttet abonnementet til {subject}',
      'subscription.end_changed': '{actor} endret sluttdatoen for {subject}',
      'subscription.end_withdrawn': '{actor} trakk tilbake avslutningen av abonnementet til {subject}',
      'subscription.cancelled': '{actor} kansellerte abonnementet til {subject}',
      'subscription.ending': '{actor} sa opp abonnementet til {subject}',
      'subscriptions.imported': '{actor} importerte abonnementer',
      'company.registered': '{actor} registrerte bedriften',
      'company.settings_updated': '{actor} endret innstillingene',
      'company.order_link_rotated': '{actor} lagde en ny bestillingslenke',
      'company.deactivated': '{actor} deaktiverte bedriften',
      'company.reactivated': '{actor} aktiverte bedriften igjen',
      'company.master_data_updated': '{actor} endret bedriftens navn eller fakturaopplysninger',
      'admin.invited': '{actor} inviterte en administrator',
      'admin.invitation_resent': '{actor} sendte invitasjonen på nytt',
      'admin.invitation_accepted': '{actor} godtok invitasjonen',
      'admin.removed': '{actor} fjernet en administrator',
      'user.password_reset': '{actor} endret passordet sitt',
      'user.password_changed': '{actor} endret passordet sitt',
      'user.logged_in_with_link': '{actor} logget inn med en innloggingslenke',
      'subscription.deduction_consented': '{actor} godtok det nye lønnstrekket',
      'payroll.exported': '{actor} lastet ned lønnstrekkgrunnlaget',
      'invoice.credited': '{actor} krediterte en faktura',
      'department.created': '{actor} la til avdelingen {name}',
      'department.updated': '{actor} endret avdelingen {name}',
      'department.deleted': '{actor} slettet avdelingen {name}',
      'subscription.department_changed': '{actor} flyttet {subject} til en annen avdeling',
    } as Record<string, string>,
    other: '{actor} gjorde en endring ({action})',
  },
  en: {
    system: 'The system',
    operator: 'The operator',
    employee: 'The employee',
    someone: 'an employee',
    none: 'none',
    openEnded: 'open-ended',
    yes: 'yes',
    no: 'no',
    from: 'from',
    labels: {
      zones: 'Zones',
      category: 'Traveller category',
      startDate: 'Start date',
      endDate: 'End date',
      status: 'Status',
      reason: 'Reason',
      selfService: 'Self-service',
      subsidy: 'Subsidy',
      orderForm: 'Order form',
      deductionTerms: 'Deduction terms',
      email: 'Email',
      month: 'Month',
      format: 'Format',
      rows: 'Rows',
      name: 'Name',
      street: 'Invoice address',
      postalCode: 'Postcode',
      city: 'City',
      invoiceEmail: 'Invoice email',
      buyerReference: 'Buyer reference (EHF)',
      peppolEndpoint: 'Peppol endpoint',
      role: 'Role',
      department: 'Department',
      invoiceSplit: 'Invoice',
      costCentre: 'Cost centre',
      invoiceAddress: 'Own invoice address',
    } as Record<string, string>,
    status: {
      pending: 'pending',
      approved: 'approved',
      active: 'active',
      ended: 'ended',
      rejected: 'rejected',
      cancelled: 'cancelled',
    } as Record<string, string>,
    selfService: {
      disabled: 'off',
      manual: 'handled by an administrator',
      automatic: 'approved automatically',
    } as Record<string, string>,
    changed: 'changed',
    invoiceSplit: { company: 'one for the whole company', department: 'one per department' } as Record<
      string,
      string
    >,
    roles: { full: 'full access', payroll: 'payroll', department: 'department admin' } as Record<
      string,
      string
    >,
    sentences: {
      'subscription.created': '{actor} added a subscription for {subject}',
      'subscription.ordered': '{actor} ordered a subscription',
      'subscription.approved': "{actor} approved {subject}'s order",
      'subscription.rejected': "{actor} rejected {subject}'s order",
      'subscription.zones_changed': '{actor} changed the zones for {subject}',
      'subscription.category_changed': '{actor} changed the traveller category for {subject}',
      'subscription.ended': "{actor} ended {subject}'s subscription",
      'subscription.end_changed': "{actor} changed the end date of {subject}'s subscription",
      'subscription.end_withdrawn': "{actor} withdrew the end of {subject}'s subscription",
      'subscription.cancelled': "{actor} cancelled {subject}'s subscription",
      'subscription.ending': "{actor} cancelled {subject}'s subscription",
      'subscriptions.imported': '{actor} imported subscriptions',
      'company.registered': '{actor} registered the company',
      'company.settings_updated': '{actor} changed the settings',
      'company.order_link_rotated': '{actor} made a new order link',
      'company.deactivated': '{actor} deactivated the company',
      'company.reactivated': '{actor} reactivated the company',
      'company.master_data_updated': "{actor} changed the company's name or invoice details",
      'admin.invited': '{actor} invited an administrator',
      'admin.invitation_resent': '{actor} sent the invitation again',
      'admin.invitation_accepted': '{actor} accepted the invitation',
      'admin.removed': '{actor} removed an administrator',
      'user.password_reset': '{actor} changed their password',
      'user.password_changed': '{actor} changed their password',
      'user.logged_in_with_link': '{actor} signed in with a sign-in link',
      'subscription.deduction_consented': '{actor} agreed to the new deduction',
      'payroll.exported': '{actor} downloaded the payroll basis',
      'invoice.credited': '{actor} credited an invoice',
      'department.created': '{actor} added the department {name}',
      'department.updated': '{actor} changed the department {name}',
      'department.deleted': '{actor} deleted the department {name}',
      'subscription.department_changed': '{actor} moved {subject} to another department',
    } as Record<string, string>,
    other: '{actor} made a change ({action})',
  },
};

function date(value: unknown, lang: AuditLang): string | null {
  const s = str(value);
  if (s === null || !isIsoDate(s)) return null;
  return lang === 'nb' ? formatDateNb(s) : formatDateEn(s);
}

/** A value in words: dates written out, lists joined, yes/no, nothing as "none"; never an id or JSON. */
function words(key: string, value: unknown, names: AuditNames, lang: AuditLang): string {
  const t = T[lang];
  if (value === null || value === undefined || value === '') return key === 'endDate' ? t.openEnded : t.none;
  if (key === 'zoneIds' && Array.isArray(value))
    return value.map((z) => names.zone(String(z))).join(', ') || t.none;
  if (key === 'categoryId') return names.category(String(value));
  if (key === 'status') return t.status[String(value)] ?? String(value);
  if (key === 'selfService') return t.selfService[String(value)] ?? String(value);
  if (key === 'role') return t.roles[String(value)] ?? String(value);
  if (key === 'invoiceSplit') return t.invoiceSplit[String(value)] ?? String(value);
  if (key === 'invoiceAddress') {
    const a = obj(value);
    return [str(a.street), [str(a.postalCode), str(a.city)].filter(Boolean).join(' ')]
      .filter(Boolean)
      .join(', ');
  }
  if (key === 'subsidy') {
    const s = obj(value);
    if (s.type === 'percent') return `${s.value} %`;
    if (s.type === 'fixed' && Number.isInteger(s.value)) return formatNok(s.value as number, lang);
    return t.none;
  }
  if (key === 'orderForm') {
    const fields = Array.isArray(obj(value).fields) ? (obj(value).fields as Obj[]) : [];
    return fields.map((f) => String(f.label ?? '')).join(', ') || t.none;
  }
  const asDate = date(value, lang);
  if (asDate) return asDate;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return t.changed;
}

const LABEL_OF: Record<string, string> = {
  zoneIds: 'zones',
  categoryId: 'category',
  startDate: 'startDate',
  endDate: 'endDate',
  status: 'status',
  reason: 'reason',
  selfService: 'selfService',
  subsidy: 'subsidy',
  orderForm: 'orderForm',
  deductionTerms: 'deductionTerms',
  email: 'email',
  month: 'month',
  format: 'format',
  rows: 'rows',
  name: 'name',
  street: 'street',
  postalCode: 'postalCode',
  city: 'city',
  invoiceEmail: 'invoiceEmail',
  buyerReference: 'buyerReference',
  peppolEndpoint: 'peppolEndpoint',
  role: 'role',
  department: 'department',
  invoiceSplit: 'invoiceSplit',
  costCentre: 'costCentre',
  invoiceAddress: 'invoiceAddress',
};

/** The fields that differ between before and after, labelled; ids, effective flags and JSON left out. */
export function auditChanges(facts: AuditFacts, names: AuditNames, lang: AuditLang): AuditChange[] {
  const before = obj(facts.before);
  const after = obj(facts.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => k in LABEL_OF);
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const b = words(key, before[key], names, lang);
    const a = words(key, after[key], names, lang);
    if (key in before && key in after && b === a) continue;
    const label = T[lang].labels[LABEL_OF[key]!]!;
    changes.push({ label, before: key in before ? b : '–', after: key in after ? a : '–' });
  }
  return changes;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}

/** Which sentence an entry gets: an end that moves an earlier planned end reads as "changed the end date". */
function sentenceKey(facts: AuditFacts): string {
  if (facts.action === 'subscription.ended') {
    const before = obj(facts.before);
    const after = obj(facts.after);
    if (str(before.endDate) && str(after.endDate) && after.status !== 'ended')
      return 'subscription.end_changed';
  }
  if (facts.action === 'subscription.created' && facts.actorType === 'employee')
    return 'subscription.ordered';
  return facts.action;
}

/**
 * Issue 16, item 7: an audit entry as one sentence in the reader's language with the employee
 * named ("Kari Nordmann endret soner for Ola Hansen: Kristiansand → Kristiansand, Vennesla, fra
 * 1. mars 2027") and the readable differences. Unknown actions get a general sentence.
 */
export function describeAudit(facts: AuditFacts, names: AuditNames, lang: AuditLang): AuditText {
  const t = T[lang];
  const actor =
    names.actor ??
    (facts.actorType === 'employee'
      ? (names.subject ?? t.employee)
      : facts.actorType === 'operator'
        ? t.operator
        : t.system);
  const subject = names.subject ?? t.someone;
  const key = sentenceKey(facts);
  const template = t.sentences[key] ?? t.other;
  const before = obj(facts.before);
  const after = obj(facts.after);
  const name = str(after.name) ?? str(before.name) ?? '';
  let sentence = fill(template, { actor, subject, action: facts.action, name });
  const changes = auditChanges(facts, names, lang);
  if (key === 'subscription.zones_changed') {
    sentence += `: ${words('zoneIds', before.zoneIds, names, lang)} → ${words('zoneIds', after.zoneIds, names, lang)}`;
    const from = date(after.from, lang);
    if (from) sentence += `, ${t.from} ${from}`;
  } else if (key === 'subscription.category_changed') {
    sentence += `: ${words('categoryId', before.categoryId, names, lang)} → ${words('categoryId', after.categoryId, names, lang)}`;
    const from = date(after.newStartDate, lang);
    if (from) sentence += `, ${t.from} ${from}`;
  } else if (key === 'subscription.end_changed') {
    sentence += `: ${date(before.endDate, lang)} → ${date(after.endDate, lang)}`;
  } else if (key === 'subscription.ended' || key === 'subscription.ending') {
    const last = date(after.endDate, lang);
    if (last) sentence += lang === 'nb' ? `, siste dag ${last}` : `, last day ${last}`;
  } else if (key === 'subscription.end_withdrawn') {
    const was = date(before.endDate, lang);
    if (was) sentence += ` (${was})`;
  } else if (
    key === 'subscription.approved' ||
    key === 'subscription.created' ||
    key === 'subscription.ordered'
  ) {
    const from = date(after.startDate, lang);
    if (from) sentence += `, ${t.from} ${from}`;
  } else if (key === 'admin.invited' || key === 'admin.removed') {
    const email = str(after.email) ?? str(before.email);
    if (email) sentence += `: ${email}`;
  } else if (key === 'subscription.deduction_consented') {
    const ore = after.deductionOre;
    if (typeof ore === 'number' && Number.isInteger(ore))
      sentence += lang === 'nb' ? `: ${formatNok(ore, lang)} per måned` : `: ${formatNok(ore, lang)} a month`;
  } else if (key === 'subscription.department_changed') {
    sentence += `: ${words('department', before.department, names, lang)} → ${words('department', after.department, names, lang)}`;
  } else if (key === 'payroll.exported') {
    const month = str(after.month);
    if (month) sentence += ` (${month})`;
  }
  return { sentence, changes };
}
