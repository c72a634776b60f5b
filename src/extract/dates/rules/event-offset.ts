// A count of units from a named event: "a year after the war", "two years before the
// election", "five years since independence", "two years into the war", and "(just) after 4
// years of its independence" (with "of", only after "after" or "within": "80 years of
// struggle" is a duration, not a date).
import { COUNT, START, UNIT, countValue, unitOf, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { shiftBy } from '../value.ts';
import { EVENT_PHRASE, headKey, namesItsYear } from './event-phrase.ts';

export const eventOffset: TimeRule = {
  name: 'event-offset',
  trigger: TRIGGER.unit,
  also: /(?:day|week|month|year|decade|centur(?:y|ie))s?\s+(?:after|before|since|following|prior|into|of)\s/i,
  pattern: new RegExp(
    `${START}(?:(after|within)\\s+)?(${COUNT})\\s+(${UNIT})\\s+(after|before|since|following|prior\\s+to|into|of)\\s+${EVENT_PHRASE}${END}`,
    'gdi',
  ),
  extract(m) {
    const relation = m[4]!.toLowerCase();
    if ((relation === 'of' && !m[1]) || namesItsYear(m[0])) return null;
    const n = countValue(m[2]!);
    const sign = relation === 'before' || relation.startsWith('prior') ? -1 : 1;
    const unit = unitOf(m[3]!);
    return {
      ...matchSpan(m),
      anchor: 'event',
      event: headKey(m[5]!),
      resolve: n === null ? null : (event) => shiftBy(event, sign * n, unit),
    };
  },
};
