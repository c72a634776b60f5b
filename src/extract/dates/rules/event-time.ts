// The time of a named event: "during the exhibition", "since independence", "at the time of
// the war", "in the massacre". "After the war" and "before the independence" are anchored to the
// event but not fixed by it: kept, undated. "In the …" and "at the …" are common enough in other
// senses that they only count when the event is known.
import { START, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { EVENT_PHRASE, headKey, namesItsYear } from './event-phrase.ts';

const SAME = new Set([
  'during',
  'since',
  'throughout',
  'amid',
  'at the time of',
  'in the year of',
  'in the wake of',
]);
const VAGUE = new Set(['in', 'at']);

export const eventTime: TimeRule = {
  name: 'event-time',
  trigger: TRIGGER.event,
  pattern: new RegExp(
    `${START}(during|since|throughout|amid|at\\s+the\\s+time\\s+of|in\\s+the\\s+year\\s+of|in\\s+the\\s+wake\\s+of|after|before|following|prior\\s+to|until|till|ahead\\s+of|(?:in|at)(?=\\s+the\\s))\\s+${EVENT_PHRASE}${END}`,
    'gdi',
  ),
  extract(m) {
    if (namesItsYear(m[0])) return null;
    const relation = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    return {
      ...matchSpan(m),
      anchor: 'event',
      event: headKey(m[2]!),
      resolve: SAME.has(relation) || VAGUE.has(relation) ? (event) => event : null,
      optional: VAGUE.has(relation),
    };
  },
};
