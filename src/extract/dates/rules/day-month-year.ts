// "12 December 1991", "12th of December, 1991", "25-26th February, 1992" and "25–26 February
// 1992" (a night or a stay across days: an interval of days).
import { DAY, MONTH, START, YEAR, YEAR_END, monthNumber, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayRange } from './day-range.ts';

export const dayMonthYear: TimeRule = {
  name: 'day-month-year',
  trigger: TRIGGER.year,
  also: TRIGGER.month,
  pattern: new RegExp(
    `${START}(${DAY})(?:\\s*(?:[-–—/]|to|and)\\s*(${DAY}))?\\s+(?:of\\s+)?(${MONTH})\\s*,?\\s*(${YEAR})${YEAR_END}`,
    'gd',
  ),
  extract(m) {
    const value = dayRange(Number(m[4]), monthNumber(m[3]!)!, m[1]!, m[2]);
    return value && { ...matchSpan(m), anchor: 'absolute', value };
  },
};
