// The value of a day, or of a range of days in one month, as written ("25", "26th").
import type { DateValue } from '../../types.ts';
import { dayValue, isValidDay } from '../value.ts';

/** Day `from` (to day `to`) of month `m` of year `y`; null when not a real day or backwards. */
export function dayRange(y: number, m: number, from: string, to?: string): DateValue | null {
  const a = parseInt(from, 10);
  const b = to === undefined ? a : parseInt(to, 10);
  if (!isValidDay(y, m, a) || !isValidDay(y, m, b) || b < a) return null;
  return dayValue({ y, m, d: a }, { y, m, d: b });
}
