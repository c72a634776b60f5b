// "spring of 2008", "Winter 2014", "the winter of 2014-15". Seasons are meteorological and
// northern: "winter 2014" is the winter that holds January and February 2014, December 2013 to
// February 2014; "winter 2014-15" names both years and is December 2014 to February 2015.
import {
  PART,
  SEASON,
  START,
  YEAR,
  YEAR_END,
  countedAfter,
  seasonMonths,
  TRIGGER,
} from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { monthValue } from '../value.ts';

export const seasonYear: TimeRule = {
  name: 'season-year',
  trigger: TRIGGER.year,
  also: new RegExp(SEASON),
  pattern: new RegExp(
    `${START}${PART}?(${SEASON})\\s*,?\\s*(?:of\\s+)?(${YEAR})(?:[-–/](\\d{2}|${YEAR}))?${YEAR_END}`,
    'gd',
  ),
  extract(m, { text }) {
    const span = matchSpan(m);
    // "prices fall 2000 points": a verb before an amount.
    if (countedAfter(text, span.end)) return null;
    const [from, to] = seasonMonths(m[2]!)!;
    const y = Number(m[3]);
    const second = m[4]
      ? m[4].length === 2
        ? Math.floor(y / 100) * 100 + Number(m[4])
        : Number(m[4])
      : null;
    if (second !== null && second !== y + 1) return null;
    if (from <= to) return { ...span, anchor: 'absolute', value: monthValue(y, from, y, to) };
    const [y1, y2] = second !== null ? [y, second] : [y - 1, y];
    return { ...span, anchor: 'absolute', value: monthValue(y1, from, y2, to) };
  },
};
