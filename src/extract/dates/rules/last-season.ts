// "last summer", "last winter": the latest such season that ended before the document date
// (from 15 March 2024, "last winter" is December 2023 to February 2024, "last spring" March to
// May 2023). Seasons are meteorological and northern, as in season-year. Without a document
// date it stays undated.
import { SEASON, START, END, seasonMonths } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { monthValue } from '../value.ts';
import type { DateValue } from '../../types.ts';

export const lastSeason: TimeRule = {
  name: 'last-season',
  trigger: new RegExp(SEASON),
  also: /[Ll]ast\s/,
  pattern: new RegExp(`${START}[Ll]ast\\s+(${SEASON})${END}(?!['’]s)`, 'gd'),
  extract(m) {
    const [from, to] = seasonMonths(m[1]!)!;
    const resolve = (doc: DateValue): DateValue => {
      // The season ending in year y (a winter starts the year before); the latest that ended
      // before the document date's first day.
      let y = Number(doc.first.slice(0, 4));
      let v = season(from, to, y);
      while (v.last >= doc.first) v = season(from, to, --y);
      return v;
    };
    return { ...matchSpan(m), anchor: 'document', resolve };
  },
};

function season(from: number, to: number, y: number): DateValue {
  return from <= to ? monthValue(y, from, y, to) : monthValue(y - 1, from, y, to);
}
