// A day and month without a year: "on 5 March", "March 23rd". Its year is the reference
// time's, when the same paragraph gave one, else the document date's: the most recent such
// day on or before it, or the next one on or after it when the sentence speaks of the future.
// Without either it stays undated. Before a name ("23rd March Parade") it is no date at all.
import {
  DAY,
  MONTH,
  START,
  isDateNameHead,
  monthNumber,
  speaksOfFuture,
  headsEntry,
  wordAfter,
  END,
  TRIGGER,
} from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayRange } from './day-range.ts';
import { inYearOf } from './in-year-of.ts';

export const dayMonth: TimeRule = {
  name: 'day-month',
  trigger: TRIGGER.month,
  pattern: new RegExp(
    `${START}(?:(${DAY})(?:\\s*(?:[-–—]|to|and)\\s*(${DAY}))?\\s+(?:of\\s+)?(${MONTH})|(${MONTH})\\s+(${DAY})(?:\\s*(?:[-–—]|to|and)\\s*(${DAY}))?)${END}(?!\\s*,?\\s*\\d)`,
    'gd',
  ),
  extract(m, { text }) {
    const span = matchSpan(m);
    if (isDateNameHead(wordAfter(text, span.end))) return null;
    const month = monthNumber((m[3] ?? m[4])!)!;
    const from = (m[1] ?? m[5])!;
    const to = m[2] ?? m[6];
    if (!dayRange(2000, month, from, to)) return null;
    return {
      ...span,
      anchor: 'previous',
      sameParagraph: true,
      resolve: inYearOf(
        (y) => dayRange(y, month, from, to),
        speaksOfFuture(text, m.index) && !headsEntry(text, span.start, span.end),
      ),
    };
  },
};
