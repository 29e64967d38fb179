import { firstOfNextMonth, osloToday } from '../../../../domain/calendar';

/** Today in Oslo by this device's clock (the server checks the date again). */
export function todayInOslo(): string {
  return osloToday(new Date());
}

export function firstOfNextMonthInOslo(): string {
  return firstOfNextMonth(todayInOslo());
}
