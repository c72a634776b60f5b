// "25/02/1992", "02.25.1992": day and month are told apart only when one of them is over 12
// (or both are the same); "04/03/2019" could be either, so only its year is kept.
import { START, YEAR, LETTER, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayValue, isValidDay, yearValue } from '../value.ts';

export const numericDate: TimeRule = {
  name: 'numeric-date',
  trigger: TRIGGER.year,
  also: /\d[-/.]\d{1,2}[-/.]\d{4}/,
  pattern: new RegExp(
    `${START}(?<![-/.])(\\d{1,2})([-/.])(\\d{1,2})\\2(${YEAR})(?![${LETTER}\\d]|[-/.]\\d)`,
    'gd',
  ),
  extract(m) {
    const [a, b, y] = [Number(m[1]), Number(m[3]), Number(m[4])];
    const span = matchSpan(m);
    if (a === b || (a > 12 && b <= 12)) {
      return isValidDay(y, b, a)
        ? { ...span, anchor: 'absolute', value: dayValue({ y, m: b, d: a }) }
        : null;
    }
    if (b > 12 && a <= 12) {
      return isValidDay(y, a, b)
        ? { ...span, anchor: 'absolute', value: dayValue({ y, m: a, d: b }) }
        : null;
    }
    // Both readings must at least be plausible for the year alone to be believed.
    if (a < 1 || b < 1 || a > 12 || b > 12) return null;
    return { ...span, anchor: 'absolute', value: yearValue(y) };
  },
};
