// "December 12, 1991", "December 12,1991" (no space after the comma), "Dec. 12th 1991",
// "February 25-26, 1992" (a range of days).
import { DAY, MONTH, START, YEAR, YEAR_END, monthNumber, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayRange } from './day-range.ts';

export const monthDayYear: TimeRule = {
  name: 'month-day-year',
  trigger: TRIGGER.year,
  also: TRIGGER.month,
  pattern: new RegExp(
    `${START}(${MONTH})\\s*(${DAY})(?:\\s*(?:[-–—]|to|and)\\s*(${DAY}))?\\s*,?\\s*(${YEAR})${YEAR_END}`,
    'gd',
  ),
  extract(m) {
    const value = dayRange(Number(m[4]), monthNumber(m[1]!)!, m[2]!, m[3]);
    return value && { ...matchSpan(m), anchor: 'absolute', value };
  },
};
