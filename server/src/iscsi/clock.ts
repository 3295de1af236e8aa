/**
 * The month iqn. dates are compared with. The name checks take it as an argument and stay pure;
 * the features read it from the call's clock (ModeContext.now), which tests set.
 */
import type { ModeContext } from '../service/types';

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

/** This month, by the clock of the call (ModeContext.now; the system clock without one). */
export function currentMonth(ctx: ModeContext): YearMonth {
  return monthAt(ctx.now ? ctx.now() : new Date());
}
