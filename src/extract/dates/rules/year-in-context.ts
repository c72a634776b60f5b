// A bare number is a year only where a year is expected: after a preposition of time ("in
// 1991", "since 2003", "by 2010", "In 1991,"), after "year" or "FY", after "the end of", and
// in a list that such a word starts ("in 2015 and 2016" is two mentions). Counts ("2000
// troops") and amounts ("increased by 2000") are not years.
import {
  EVENT_NOUN,
  START,
  YEAR,
  YEAR_END,
  countedAfter,
  isChangeVerb,
  wordBefore,
  TRIGGER,
} from '../lexicon.ts';
import { type AbsoluteFinding, type TimeRule, groupSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

const CONTEXT = [
  'in',
  'since',
  'by',
  'from',
  'until',
  'till',
  'through',
  'during',
  'before',
  'after',
  'around',
  'circa',
  'ca\\.',
  'c\\.',
  'throughout',
  'as\\s+of',
  'up\\s+to',
  'prior\\s+to',
  'year',
  'years',
  `(?:${EVENT_NOUN})\\s+of`,
].join('|');
const NEXT_YEAR = new RegExp(YEAR, 'g');

export const yearInContext: TimeRule = {
  name: 'year-in-context',
  trigger: TRIGGER.year,
  pattern: new RegExp(
    `${START}(?:(${CONTEXT})\\s+|(FY|fiscal(?:\\s+year)?)[\\s-]*)(${YEAR})((?:\\s*,\\s*${YEAR})*(?:\\s*,?\\s*(?:and|or|&)\\s+${YEAR})?)${YEAR_END}`,
    'gdi',
  ),
  extract(m, { text }) {
    const end = m.index + m[0].length;
    if (countedAfter(text, end)) return null;
    // "increased by 2000", "rose from 1200 to 1500": amounts.
    const context = m[1]?.toLowerCase();
    if ((context === 'by' || context === 'from') && isChangeVerb(wordBefore(text, m.index)))
      return null;
    const first = groupSpan(m, 3);
    const findings: AbsoluteFinding[] = [
      { ...first, anchor: 'absolute', value: yearValue(Number(m[3])) },
    ];
    if (m[4]) {
      const at = groupSpan(m, 4).start;
      for (const y of m[4].matchAll(NEXT_YEAR)) {
        const start = at + y.index;
        findings.push({
          start,
          end: start + 4,
          anchor: 'absolute',
          value: yearValue(Number(y[0])),
        });
      }
    }
    return findings;
  },
};
