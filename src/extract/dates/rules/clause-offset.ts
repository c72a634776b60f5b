// A count of units before a clause: "His remarks came two days after Erdogan denounced Israel",
// "The summit opened a week before they signed". The clause after "after" happened that long
// before the time the text is at (the reference), "before" that long after it. The finding dates
// the clause it opens, not the one before it (event-dates.ts). A bare event noun after the
// count ("a year after the war") is event-offset's, whose longer span wins.
import { COUNT, START, UNIT, countValue, unitOf, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { shiftBy } from '../value.ts';

// What opens a clause after "after": a name or a personal pronoun, then a word.
const SUBJECT = String.raw`(?=(?:[A-Z][\w'’.-]*|he|she|they|it|we)\s+[a-z])`;

export const clauseOffset: TimeRule = {
  name: 'clause-offset',
  trigger: TRIGGER.unit,
  also: /(?:day|week|month|year|decade)s?\s+(?:after|before)\s/i,
  pattern: new RegExp(`${START}((${COUNT})\\s+(${UNIT})\\s+(after|before))\\s+${SUBJECT}`, 'gdi'),
  extract(m) {
    const n = countValue(m[2]!);
    if (n === null) return null;
    const sign = m[4]!.toLowerCase() === 'after' ? -1 : 1;
    const unit = unitOf(m[3]!);
    return {
      ...groupSpan(m, 1),
      anchor: 'previous',
      opensClause: true,
      resolve: (reference) => shiftBy(reference, sign * n, unit),
    };
  },
};
