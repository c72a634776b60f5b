// A year that heads a line of a chronology or a list: "1947: Turkey recognises Pakistan",
// "- 1954 – The two countries sign …"; or a year that is a line, or a heading, of its own
// ("1977", "## 1977"), which dates the entries under it. Only at the very start of the sentence
// (after a bullet or heading marks) and only when a colon or a dash follows or the line ends
// there: a count never stands there.
import { TRIGGER, YEAR } from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const leadingYear: TimeRule = {
  name: 'leading-year',
  trigger: TRIGGER.year,
  pattern: new RegExp(
    `^(?:[-*•·]\\s*|(#{1,6})\\s+)?(${YEAR})\\s*(?::|[-–—]\\s|([.:]?\\s*$))`,
    'gd',
  ),
  extract(m) {
    const value = yearValue(Number(m[2]));
    const heading = m[1] !== undefined || m[3] !== undefined;
    return {
      ...groupSpan(m, 2),
      anchor: 'absolute',
      value,
      ...(heading ? { heading: true as const } : {}),
    };
  },
};
