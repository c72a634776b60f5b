// Counted from the document date: "yesterday", "today", "tomorrow", "last year", "this
// month", "next week", "earlier this year". Weeks run Monday to Sunday. Without a document
// date these stay undated: an essay's "last year" is the writer's, which the text does not give.
import { START, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { addDays, coarsen, dayValue, firstDay, shiftBy, weekOf } from '../value.ts';
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
  extract(m) {
    const word = m[1]?.toLowerCase();
    const unit = (m[3] ?? m[5])?.toLowerCase();
    const offset = OFFSET[(m[2] ?? m[4] ?? '').toLowerCase()] ?? 0;
    const resolve = (doc: DateValue): DateValue => {
      const d = firstDay(doc);
      if (word) return dayValue(addDays(d, word === 'yesterday' ? -1 : word === 'tomorrow' ? 1 : 0));
      if (unit === 'week') return weekOf(addDays(d, 7 * offset));
      const p = unit === 'year' ? 'year' : 'month';
      return shiftBy(coarsen(doc, p), offset, p);
    };
    return { ...matchSpan(m), anchor: 'document', resolve };
  },
};
