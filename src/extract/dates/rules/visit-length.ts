// A visit told by its length only, in a story of its time: "came during a two-day visit by Modi
// to Mauritius" is the visit the story reports, so it is the days up to the document date
// (GUIDELINES: acts reported as happening at the time of writing take the publication date).
// Only where the sentence gives no other date and does not speak of the future ("will make a
// three-day visit"); without a document date it stays undated.
import {
  COUNT,
  FULL_MONTH,
  START,
  WEEKDAY,
  TRIGGER,
  countValue,
  speaksOfFuture,
} from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { addDays, dayValue, firstDay } from '../value.ts';

// Any other time word in the sentence dates the visit instead.
const OTHER_DATE = new RegExp(
  `\\d{4}|${FULL_MONTH}|${WEEKDAY}|\\b(?:yesterday|today|ago|last|next|earlier|later)\\b`,
);

export const visitLength: TimeRule = {
  name: 'visit-length',
  trigger: TRIGGER.unit,
  also: /-day\s/,
  pattern: new RegExp(
    `${START}(?:during\\s+)?(?:a|an|his|her|their|its)\\s+(${COUNT})-day\\s+(?:(?:state|official|working)\\s+)?(?:visit|trip|tour)\\b`,
    'gdi',
  ),
  extract(m, { text }) {
    const n = countValue(m[1]!.toLowerCase());
    if (n === null || n < 1 || n > 14) return null;
    if (speaksOfFuture(text, m.index) || OTHER_DATE.test(text)) return null;
    return {
      ...matchSpan(m),
      anchor: 'document',
      resolve: (doc) => {
        const last = firstDay(doc);
        return dayValue(addDays(last, 1 - n), last);
      },
    };
  },
};
