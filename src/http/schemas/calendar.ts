import { INPUT_YEARS, isInputDate, isInputMonth, isIsoDate, isYearMonth } from '../../domain/calendar';
import { checkedString } from './text';

/**
 * The one date schema and the one month schema of every route (issue 14): a real calendar date
 * `YYYY-MM-DD` or month `YYYY-MM` in the years 2000–2099. A bad format is `date_invalid` /
 * `month_invalid`, a year outside is `year_out_of_range`: a 400 naming the field, with the code
 * DATE_INVALID / MONTH_INVALID when it is the request's only problem.
 */
export const calendar = {
  date: () =>
    checkedString(
      (raw) =>
        isInputDate(raw)
          ? { ok: true, value: raw }
          : {
              ok: false,
              issue: {
                problem: isIsoDate(raw) ? 'year_out_of_range' : 'date_invalid',
                code: 'DATE_INVALID',
                ...INPUT_YEARS,
              },
            },
      { format: 'date', pattern: '^20\\d{2}-\\d{2}-\\d{2}$', example: '2027-02-01' },
    ),
  month: () =>
    checkedString(
      (raw) =>
        isInputMonth(raw)
          ? { ok: true, value: raw }
          : {
              ok: false,
              issue: {
                problem: isYearMonth(raw) ? 'year_out_of_range' : 'month_invalid',
                code: 'MONTH_INVALID',
                ...INPUT_YEARS,
              },
            },
      { pattern: '^20\\d{2}-(0[1-9]|1[0-2])$', example: '2027-02' },
    ),
};
