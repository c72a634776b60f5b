// Parts of the document's day and its weekend, counted from the document date: "this morning",
// "this afternoon", "this evening" and "tonight" are the document day, "last night" the day
// before it (the evening before the story); "at the weekend", "over the weekend" and "this
// weekend" are the latest Saturday and Sunday not after it (the next ones when the sentence
// speaks of the future), "last weekend" the one before the weekend the document day is in.
// Without a document date they stay undated, as every deictic expression does.
import { START, END, speaksOfFuture } from '../lexicon.ts';
import { type TimeRule, groupSpan, matchSpan } from '../rule.ts';
import { type Day, addDays, dayValue, firstDay, isoWeekday } from '../value.ts';
import type { DateValue } from '../../types.ts';

export const dayPart: TimeRule = {
  name: 'day-part',
  trigger: /[Mm]orning|[Aa]fternoon|[Ee]vening|[Nn]ight|[Ww]eekend/,
  pattern: new RegExp(
    `${START}(?:(this)\\s+(morning|afternoon|evening)|(tonight)|(last)\\s+(night|evening)` +
      `|(?:at|over|during)\\s+(the\\s+weekend)|((this(?:\\s+past)?|last|past)\\s+weekend))` +
      `${END}(?!['’]s)`,
    'gdi',
  ),
  extract(m, { text }) {
    const future = speaksOfFuture(text, m.index);
    const resolve = (doc: DateValue): DateValue => {
      const d = firstDay(doc);
      if (m[2] || m[3]) return dayValue(d);
      if (m[4]) return dayValue(addDays(d, -1));
      return weekend(d, (m[8] ?? '').toLowerCase(), future);
    };
    // "over the weekend": the span leaves the preposition out, as every mention's does.
    const span = m[6] ? groupSpan(m, 6) : matchSpan(m);
    return { ...span, anchor: 'document', resolve };
  },
};

/** The weekend a past or future sentence means, from the document day `d`. */
function weekend(d: Day, which: string, future: boolean): DateValue {
  const dow = isoWeekday(d); // Monday 1 … Sunday 7
  // The Saturday of the weekend the day is in, or of the latest one before it.
  const saturday = addDays(d, dow >= 6 ? 6 - dow : -(dow + 1));
  if (which === 'last') {
    const back = dow >= 6 ? -7 : 0;
    return dayValue(addDays(saturday, back), addDays(saturday, back + 1));
  }
  if (future && dow < 6) return dayValue(addDays(saturday, 7), addDays(saturday, 8));
  if (future) return dayValue(d, addDays(saturday, 1));
  // The past never runs after the document day: a Saturday story's weekend is that Saturday.
  return dayValue(saturday, dow === 6 ? d : addDays(saturday, 1));
}
