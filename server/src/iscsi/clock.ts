/**
 * The month iqn. dates are compared with. The name checks take it as an argument and stay pure;
 * only the features read the clock, and tests may set it.
 */
export interface YearMonth {
  readonly year: number;
  readonly month: number;
}

const HOUR = 3600 * 1000;

/** The latest month it is anywhere on Earth (UTC+14) at `date`: a name dated that month is not early. */
export function monthAt(date: Date): YearMonth {
  const ahead = new Date(date.getTime() + 14 * HOUR);
  return { year: ahead.getUTCFullYear(), month: ahead.getUTCMonth() + 1 };
}

const systemClock = (): Date => new Date();
let clock = systemClock;

/** This month, by the clock the features read. */
export function currentMonth(): YearMonth {
  return monthAt(clock());
}

/** For tests: the clock the features read; without an argument, the system clock again. */
export function setClock(read?: () => Date): void {
  clock = read ?? systemClock;
}
