// Counted from the document date: "yesterday", "today", "tomorrow", "last year", "this
// month", "next week", "earlier this year". A week is either calendar week (Monday or Sunday
// first, GUIDELINES), and never runs past the document date for the past: "earlier this week"
// ends the day before it, "this week" on it unless the sentence speaks of the future. Without a
// document date these stay undated: an essay's "last year" is the writer's, which the text does not give.
import { START, END, TRIGGER, speaksOfFuture } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import {
  type Day,
  addDays,
  coarsen,
  dayValue,
  eitherWeekOf,
  firstDay,
  isoWeekday,
  lastDay,
  shiftBy,
} from '../value.ts';
import type { DateValue } from '../../types.ts';

const OFFSET: Record<string, number> = { last: -1, this: 0, next: 1, earlier: 0, later: 0 };

export const deicticUnit: TimeRule = {
  name: 'deictic-unit',
  trigger: TRIGGER.unit,
  also: /yesterday|today|tomorrow|(?:last|this|next)\s+(?:year|month|week)/i,
  pattern: new RegExp(
    `${START}(?:(yesterday|today|tomorrow)(?!['’]s)|(?<!the\\s+)(last|this|next)\\s+(year|month|week)|(earlier|later)\\s+this\\s+(year|month|week))${END}`,
    'gdi',
  ),
  extract(m, { text }) {
    const word = m[1]?.toLowerCase();
    const unit = (m[3] ?? m[5])?.toLowerCase();
    const which = (m[2] ?? m[4] ?? '').toLowerCase();
    const offset = OFFSET[which] ?? 0;
    const future = speaksOfFuture(text, m.index);
    const resolve = (doc: DateValue): DateValue => {
      const d = firstDay(doc);
      if (word)
        return dayValue(addDays(d, word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0));
      if (unit === 'week') return weekAround(d, offset, which, future);
      const p = unit === 'year' ? 'year' : 'month';
      return shiftBy(coarsen(doc, p), offset, p);
    };
    return { ...matchSpan(m), anchor: 'document', resolve };
  },
};

/** A week counted from the document day `d`, cut at it where the text speaks of the past. */
function weekAround(d: Day, offset: number, which: string, future: boolean): DateValue {
  // On a Sunday the Monday-first week ends that day: a Sunday story's "last week" is the week
  // just ended (Sunday to Sunday, either way), not the one before it.
  if (offset === -1 && isoWeekday(d) === 7) return dayValue(addDays(d, -7), d);
  const week = eitherWeekOf(addDays(d, 7 * offset));
  if (offset !== 0) return week;
  const first = firstDay(week);
  const last = lastDay(week);
  if (which === 'earlier') return dayValue(first, addDays(d, -1));
  if (which === 'later') return dayValue(addDays(d, 1), last);
  return future ? dayValue(d, last) : dayValue(first, d);
}
