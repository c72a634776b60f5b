// Stretches of time that end or lie back from the document date: "in the past two years" (an
// interval ending at the document date, at the precision of its unit), "over the last decade",
// "three days ago". A vague count ("the past few years", "several months ago") stays undated.
import { COUNT, START, UNIT, countValue, unitOf, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan, matchSpan } from '../rule.ts';
import { type Unit, coarsen, shiftBy, unitPrecision } from '../value.ts';
import type { DateValue } from '../../types.ts';

/** From `n` units before the document date to the document date, at the unit's precision. */
function backTo(doc: DateValue, n: number, unit: Unit): DateValue {
  const p = unitPrecision(unit);
  const end = coarsen(doc, p);
  const start = shiftBy(end, -n, unit);
  return { first: start.first, last: end.last, precision: p };
}

export const deicticSpan: TimeRule = {
  name: 'deictic-span',
  trigger: TRIGGER.unit,
  also: /(?:past|last)\s|\sago/i,
  pattern: new RegExp(
    `${START}(?:(?:(in|over|during|within|throughout|for)\\s+)?((?:the\\s+)?(past|last)\\s+(?:(${COUNT})\\s+)?(${UNIT}))|(${COUNT})\\s+(${UNIT})\\s+ago)${END}`,
    'gdi',
  ),
  extract(m) {
    if (m[7]) {
      const n = countValue(m[6]!);
      const unit = unitOf(m[7]);
      return {
        ...matchSpan(m),
        anchor: 'document',
        resolve: n === null ? null : (doc) => coarsen(shiftBy(doc, -n, unit), unitPrecision(unit)),
      };
    }
    const unitWord = m[5]!;
    const plural = /s$/i.test(unitWord);
    // "the last year" alone may be a final year ("the last year of the war"); it is a stretch
    // back from now only after a preposition, or as "the past year".
    if (!m[1] && !m[4] && m[3]!.toLowerCase() === 'last') return null;
    const n = m[4] ? countValue(m[4]) : plural ? null : 1;
    const unit = unitOf(unitWord);
    return {
      ...groupSpan(m, 2),
      anchor: 'document',
      resolve: n === null ? null : (doc) => backTo(doc, n, unit),
    };
  },
};
