import { compareDates, firstOfMonth, type IsoDate, isIsoDate } from '../../domain/calendar';
import { AppError } from '../../domain/errors';

/**
 * A new price version is entered ahead (rule 1): it starts on the 1st of a month after today,
 * since a month is priced with the prices valid on its first day.
 */
export function assertVersionAhead(validFrom: IsoDate, today: IsoDate): IsoDate {
  if (!isIsoDate(validFrom)) throw new AppError('DATE_INVALID', { details: { validFrom } });
  if (firstOfMonth(validFrom) !== validFrom || compareDates(validFrom, today) <= 0) {
    throw new AppError('PRICE_VERSION_NOT_AHEAD', { details: { validFrom, today } });
  }
  return validFrom;
}

/** Prices valid from today or earlier are history: never changed, always readable. */
export function assertNotInForce(validFrom: IsoDate, today: IsoDate): void {
  if (compareDates(validFrom, today) <= 0) {
    throw new AppError('PRICE_VERSION_IN_FORCE', { details: { validFrom, today } });
  }
}
