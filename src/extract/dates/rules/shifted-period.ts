// A step from the reference time: "the following year", "the next day", "the previous
// year", "the year before", "a year later", "five years later", "two days later", "a decade
// later", "three months earlier". With "the", "next year" is anaphoric ("the next year"
// follows the story); without it, it is deictic (see deictic-unit).
import { COUNT, START, UNIT, countValue, unitOf, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { addDays, firstDay, shiftBy, weekOf } from '../value.ts';

const FORWARD = new Set([
  'following',
  'next',
  'subsequent',
  'succeeding',
  'after',
  'later',
  'afterwards',
  'afterward',
  'thereafter',
  'on',
]);

export const shiftedPeriod: TimeRule = {
  name: 'shifted-period',
  trigger: TRIGGER.unit,
  also: /the\s+(?:following|next|subsequent|succeeding|previous|preceding|prior|day|week|month|year)\s|(?:day|week|month|year|decade|centur(?:y|ie))s?\s+(?:later|afterward|thereafter|earlier|previously|after|before|on)/i,
  pattern: new RegExp(
    `${START}(?:the\\s+(following|next|subsequent|succeeding|previous|preceding|prior)\\s+(day|week|month|year|decade)|the\\s+(day|week|month|year)\\s+(before|after)(?=\\s*[,.;:)]|\\s*$)|(${COUNT})\\s+(${UNIT})\\s+(later|afterwards?|thereafter|earlier|previously|(?:after|before|on)(?=\\s*[,.;:)]|\\s*$)))${END}`,
    'gdi',
  ),
  extract(m) {
    const direction = (m[1] ?? m[4] ?? m[7])!.toLowerCase();
    const sign = FORWARD.has(direction) ? 1 : -1;
    const n = m[5] ? countValue(m[5]) : 1;
    const unit = unitOf((m[2] ?? m[3] ?? m[6])!);
    // "The following week" is a whole week; "a week later" is seven days on.
    const wholeWeek = unit === 'week' && !m[5];
    return {
      ...matchSpan(m),
      anchor: 'previous',
      resolve: (reference) => {
        if (n === null) return null;
        if (wholeWeek && reference.precision === 'day')
          return weekOf(addDays(firstDay(reference), sign * 7));
        return shiftBy(reference, sign * n, unit);
      },
    };
  },
};
