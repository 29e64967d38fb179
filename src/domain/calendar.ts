import { Temporal } from 'temporal-polyfill';
import { AppError } from './errors';

/** All calendar dates of the product are dates in this zone (PRODUCT.md, Domain rules). */
export const OSLO = 'Europe/Oslo';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A calendar month 'YYYY-MM'. */
export type YearMonth = string;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR_MONTH = /^\d{4}-\d{2}$/;

function tryPlainDate(s: string): Temporal.PlainDate | null {
  if (!ISO_DATE.test(s)) return null;
  try {
    return Temporal.PlainDate.from(s, { overflow: 'reject' });
  } catch {
    return null;
  }
}

function tryPlainYearMonth(s: string): Temporal.PlainYearMonth | null {
  if (!YEAR_MONTH.test(s)) return null;
  try {
    return Temporal.PlainYearMonth.from(s, { overflow: 'reject' });
  } catch {
    return null;
  }
}

export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && tryPlainDate(s) !== null;
}

export function isYearMonth(s: string): boolean {
  return typeof s === 'string' && tryPlainYearMonth(s) !== null;
}

/** The years a date or month typed by a person may fall in (issue 14); outside is a 400. */
export const INPUT_YEARS = { min: 2000, max: 2099 } as const;

/** A real calendar date 'YYYY-MM-DD' in the years of `INPUT_YEARS`. */
export function isInputDate(s: string): boolean {
  return isIsoDate(s) && inInputYears(s);
}

/** A real calendar month 'YYYY-MM' in the years of `INPUT_YEARS`. */
export function isInputMonth(s: string): boolean {
  return isYearMonth(s) && inInputYears(s);
}

function inInputYears(s: string): boolean {
  const year = Number(s.slice(0, 4));
  return year >= INPUT_YEARS.min && year <= INPUT_YEARS.max;
}

export function parseIsoDate(s: string): IsoDate {
  toPlainDate(s);
  return s;
}

export function parseYearMonth(s: string): YearMonth {
  toPlainYearMonth(s);
  return s;
}

/** For other domain modules: strict parse to Temporal, AppError DATE_INVALID on bad input. */
export function toPlainDate(d: IsoDate): Temporal.PlainDate {
  const date = typeof d === 'string' ? tryPlainDate(d) : null;
  if (!date) throw new AppError('DATE_INVALID', { details: { value: d } });
  return date;
}

export function toPlainYearMonth(m: YearMonth): Temporal.PlainYearMonth {
  const month = typeof m === 'string' ? tryPlainYearMonth(m) : null;
  if (!month) throw new AppError('MONTH_INVALID', { details: { value: m } });
  return month;
}

export function osloNow(now: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(OSLO);
}

let lastToday: { ms: number; date: IsoDate } | null = null;

/** The Oslo calendar date at `now`; the last answer is kept, as lists ask it once per row. */
export function osloToday(now: Date): IsoDate {
  const ms = now.getTime();
  if (lastToday?.ms === ms) return lastToday.date;
  const date = osloNow(now).toPlainDate().toString();
  lastToday = { ms, date };
  return date;
}

export function firstOfMonth(d: IsoDate): IsoDate {
  return toPlainDate(d).with({ day: 1 }).toString();
}

export function endOfMonth(d: IsoDate): IsoDate {
  const date = toPlainDate(d);
  return date.with({ day: date.daysInMonth }).toString();
}

export function firstOfNextMonth(d: IsoDate): IsoDate {
  return toPlainDate(d).with({ day: 1 }).add({ months: 1 }).toString();
}

export function monthOf(d: IsoDate): YearMonth {
  return toPlainDate(d).toPlainYearMonth().toString();
}

export function firstDayOfMonth(m: YearMonth): IsoDate {
  return toPlainYearMonth(m).toPlainDate({ day: 1 }).toString();
}

export function lastDayOfMonth(m: YearMonth): IsoDate {
  const month = toPlainYearMonth(m);
  return month.toPlainDate({ day: month.daysInMonth }).toString();
}

export function daysInMonth(m: YearMonth): number {
  return toPlainYearMonth(m).daysInMonth;
}

export function addMonths(m: YearMonth, n: number): YearMonth {
  return toPlainYearMonth(m).add({ months: n }).toString();
}

export function previousMonth(m: YearMonth): YearMonth {
  return addMonths(m, -1);
}

export function addDays(d: IsoDate, n: number): IsoDate {
  return toPlainDate(d).add({ days: n }).toString();
}

/** Whether `s` is a real calendar date as YYYY-MM-DD, by arithmetic (lists compare thousands). */
function isCalendarDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string' || !ISO_DATE.test(s)) return false;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const day = Number(s.slice(8, 10));
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/**
 * Orders two dates; DATE_INVALID when either is not a real YYYY-MM-DD date. Such strings sort as
 * the dates do, so after the check a string comparison is the answer (no Temporal per call).
 */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  for (const d of [a, b]) {
    if (!isCalendarDate(d)) throw new AppError('DATE_INVALID', { details: { value: d } });
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/** Number of calendar days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toPlainDate(a).until(toPlainDate(b), { largestUnit: 'days' }).days;
}

/** The instant of 00:00 in Oslo on that date. */
export function startOfDayOslo(d: IsoDate): Date {
  return new Date(toPlainDate(d).toZonedDateTime({ timeZone: OSLO }).epochMilliseconds);
}

/** The instant of 23:59:59(.000) in Oslo on that date: the last second a ticket is valid (rule 7). */
export function endOfDayOslo(d: IsoDate): Date {
  const zoned = toPlainDate(d).toZonedDateTime({ timeZone: OSLO, plainTime: '23:59:59' });
  return new Date(zoned.epochMilliseconds);
}

/** Every month the inclusive range [from, to] touches, oldest first; [] when to is before from. */
export function monthsTouched(from: IsoDate, to: IsoDate): YearMonth[] {
  if (compareDates(from, to) > 0) return [];
  const last = monthOf(to);
  const months: YearMonth[] = [];
  for (let m = monthOf(from); m <= last; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** Days of month m inside [start, end] (end null = open-ended); 0 if none. */
export function daysValidInMonth(start: IsoDate, end: IsoDate | null, m: YearMonth): number {
  const from = maxDate(start, firstDayOfMonth(m));
  const to = end === null ? lastDayOfMonth(m) : minDate(end, lastDayOfMonth(m));
  return compareDates(from, to) > 0 ? 0 : daysBetween(from, to) + 1;
}

/** Whether the date d lies in [start, end] (end null = open-ended). */
export function isValidOn(start: IsoDate, end: IsoDate | null, d: IsoDate): boolean {
  return compareDates(start, d) <= 0 && (end === null || compareDates(d, end) <= 0);
}

// Written out here: Intl locale data for nb is not guaranteed on every Node build.
const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** '2027-03-01' → '1. mars 2027'. */
export function formatDateNb(d: IsoDate): string {
  const date = toPlainDate(d);
  return `${date.day}. ${MONTHS_NB[date.month - 1]} ${date.year}`;
}

/** '2027-03-01' → '1 March 2027'. */
export function formatDateEn(d: IsoDate): string {
  const date = toPlainDate(d);
  return `${date.day} ${MONTHS_EN[date.month - 1]} ${date.year}`;
}
