// The reference time again, at the precision named: "in the same year", "that year", "the
// same month", "earlier that year", "later that month", "earlier in the day". Never finer than the reference:
// "that day" after "February 1999" is still February 1999.
import { START, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { coarsen, unitPrecision } from '../value.ts';

export const samePeriod: TimeRule = {
  name: 'same-period',
  trigger: TRIGGER.unit,
  also: /(?:same|that|in\s+the)\s+(?:year|month|day)/i,
  pattern: new RegExp(
    `${START}(?:(?:earlier|later)\\s+(?:in\\s+)?(?:that|the\\s+same)\\s+(year|month)|(?:the\\s+(?:very\\s+)?same|that)\\s+(year|month|day)|(?:earlier|later)\\s+in\\s+the\\s+(day))${END}`,
    'gdi',
  ),
  extract(m) {
    const p = unitPrecision((m[1] ?? m[2] ?? m[3])!.toLowerCase() as 'year' | 'month' | 'day');
    return { ...matchSpan(m), anchor: 'previous', resolve: (reference) => coarsen(reference, p) };
  },
};
