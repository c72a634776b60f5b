// A month named against the reference time: "the following March", "the next June", "the
// previous October", "that December", "the same May". An encyclopedia moves on with them ("In
// 1998 the treaty was signed. The following March, …" is March 1999). "Next March" without
// "the" counts from the document date (month-alone).
import { FULL_MONTH, START, monthNumber, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { firstDay, lastDay, monthValue } from '../value.ts';

const FORWARD = /^(?:following|next|subsequent)$/i;
const BACKWARD = /^(?:previous|preceding)$/i;

export const relativeMonth: TimeRule = {
  name: 'relative-month',
  trigger: TRIGGER.month,
  also: /(?:following|next|subsequent|previous|preceding|[Tt]hat|same)\s/,
  pattern: new RegExp(
    `${START}(?:[Tt]he\\s+(following|next|subsequent|previous|preceding|same)|([Tt]hat))\\s+(${FULL_MONTH})`,
    'gd',
  ),
  extract(m) {
    const month = monthNumber(m[3]!)!;
    const step = (m[1] ?? m[2])!;
    return {
      ...matchSpan(m),
      anchor: 'previous',
      resolve: (reference) => {
        const a = firstDay(reference);
        const b = lastDay(reference);
        // The first such month after the reference ends, or the last before it begins.
        if (FORWARD.test(step)) return monthValue(month > b.m ? b.y : b.y + 1, month);
        if (BACKWARD.test(step)) return monthValue(month < a.m ? a.y : a.y - 1, month);
        // "that December": the reference's own year, when it has one.
        return a.y === b.y ? monthValue(a.y, month) : null;
      },
    };
  },
};
