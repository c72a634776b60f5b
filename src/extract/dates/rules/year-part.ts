// "mid-2015", "early 2015", "the end of 2015", "the first half of 2015": a part of a year is
// dated to the year, the finest precision that is certain.
import { PART, START, YEAR, YEAR_END, countedAfter, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const yearPart: TimeRule = {
  name: 'year-part',
  trigger: TRIGGER.year,
  also: /[Ee]arly|[Mm]id|[Ll]ate|of\s+\d{4}/,
  pattern: new RegExp(
    `${START}(?:${PART}|((?:[Ee]nd|[Bb]eginning|[Ss]tart|[Mm]iddle|(?:[Ff]irst|[Ss]econd|[Ll]atter)\\s+half|[Cc]ourse|[Rr]est)\\s+of\\s+))(${YEAR})${YEAR_END}`,
    'gd',
  ),
  extract(m, { text }) {
    const span = matchSpan(m);
    return countedAfter(text, span.end)
      ? null
      : { ...span, anchor: 'absolute', value: yearValue(Number(m[3])) };
  },
};
