// A year that heads a line of a chronology or a list: "1947: Turkey recognises Pakistan",
// "- 1954 – The two countries sign …". Only at the very start of the sentence (after a bullet)
// and only when a colon or a dash follows: a count never stands there.
import { TRIGGER, YEAR } from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const leadingYear: TimeRule = {
  name: 'leading-year',
  trigger: TRIGGER.year,
  pattern: new RegExp(`^(?:[-*•·]\\s*)?(${YEAR})\\s*(?::|[-–—]\\s)`, 'gd'),
  extract(m) {
    return { ...groupSpan(m, 1), anchor: 'absolute', value: yearValue(Number(m[1])) };
  },
};
