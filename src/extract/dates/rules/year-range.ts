// Intervals of years: "between 2001 and 2004", "from 2001 to 2004", "2001–2004", "the
// 1992-95 war", "in 2014-15". A hyphen between two numbers is a year range only after a word
// that introduces a time ("in", "the", "during"); an en or em dash always is.
import {
  START,
  YEAR,
  YEAR_END,
  countedAfter,
  isChangeVerb,
  wordBefore,
  TRIGGER,
} from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

const INTRODUCERS = new Set([
  'in',
  'during',
  'the',
  'its',
  'his',
  'her',
  'their',
  'of',
  'since',
  'for',
  'by',
  'through',
  'throughout',
  'fy',
  'year',
  'years',
  'season',
]);

/** The second year of a range, written in full or as two digits ("95" after 1992). */
function secondYear(first: number, written: string): number {
  return written.length === 2 ? Math.floor(first / 100) * 100 + Number(written) : Number(written);
}

export const yearRange: TimeRule = {
  name: 'year-range',
  trigger: TRIGGER.year,
  also: /[Bb]etween|[Ff]rom|\d{4}\s*[-–—/]/,
  pattern: new RegExp(
    `${START}(?:([Bb]etween)\\s+(${YEAR})\\s+and\\s+(${YEAR})|([Ff]rom)\\s+(${YEAR})\\s*(?:to|until|till|through|[-–—])\\s*(${YEAR}|\\d{2})|(${YEAR})\\s*([-–—/])\\s*(${YEAR}|\\d{2}))${YEAR_END}(?![-/]\\d)`,
    'gd',
  ),
  extract(m, { text }) {
    const span = matchSpan(m);
    if (countedAfter(text, span.end)) return null;
    const before = wordBefore(text, span.start);
    // "increased from 1500 to 2000": amounts, not years ("grew between 2001 and 2004" is years).
    if (!m[1] && isChangeVerb(before)) return null;
    let first: number;
    let last: number;
    if (m[1]) [first, last] = [Number(m[2]), Number(m[3])];
    else if (m[4]) [first, last] = [Number(m[5]), secondYear(Number(m[5]), m[6]!)];
    else {
      [first, last] = [Number(m[7]), secondYear(Number(m[7]), m[9]!)];
      const dash = m[8]!;
      if ((dash === '-' || dash === '/') && !INTRODUCERS.has(before.toLowerCase())) return null;
      if (dash === '/' && last !== first + 1) return null;
    }
    if (last <= first || last - first > 100) return null;
    return { ...span, anchor: 'absolute', value: yearValue(first, last) };
  },
};
