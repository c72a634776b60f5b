// A weekday, counted from the document date: "on Tuesday" is the most recent Tuesday on or
// before it (news reports the past), or the next one on or after it when the sentence speaks of
// the future ("will meet on Tuesday"); "last Tuesday" and "on Monday last" are strictly before,
// "next Tuesday" strictly after, "this Tuesday" in the document's week. A weekday before a
// written date ("Tuesday, 3 March 2015") is left to the date.
import {
  DAY,
  MONTH,
  START,
  WEEKDAY,
  speaksOfFuture,
  weekdayNumber,
  END,
  TRIGGER,
} from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { addDays, dayValue, firstDay, isoWeekday } from '../value.ts';

export const weekday: TimeRule = {
  name: 'weekday',
  trigger: TRIGGER.weekday,
  also: new RegExp(WEEKDAY),
  pattern: new RegExp(
    `${START}(?:([Ll]ast|[Nn]ext|[Tt]his)\\s+)?(${WEEKDAY})(?:\\s+(last|next))?${END}(?!\\s*,?\\s*(?:${DAY}|${MONTH}))`,
    'gd',
  ),
  extract(m, { text }) {
    const dow = weekdayNumber(m[2]!)!;
    const which = (
      m[1] ??
      m[3] ??
      (speaksOfFuture(text, m.index) ? 'coming' : 'latest')
    ).toLowerCase();
    const start = m[1] ? groupSpan(m, 1).start : groupSpan(m, 2).start;
    const end = m[3] ? groupSpan(m, 3).end : groupSpan(m, 2).end;
    return {
      start,
      end,
      anchor: 'document',
      resolve: (doc) => {
        const d = firstDay(doc);
        const back = (isoWeekday(d) - dow + 7) % 7; // days since the latest such weekday, 0–6
        let n: number;
        if (which === 'latest') n = -back;
        else if (which === 'last') n = back === 0 ? -7 : -back;
        else if (which === 'coming') n = (7 - back) % 7;
        else if (which === 'next') n = back === 0 ? 7 : 7 - back;
        else n = dow - isoWeekday(d); // this
        return dayValue(addDays(d, n));
      },
    };
  },
};
