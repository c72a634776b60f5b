// "recently", "lately", "in recent years": a time the text does not fix. Kept as a mention
// without a value, so that what it dates is not given the reference time instead.
import { START, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';

export const vagueRecent: TimeRule = {
  name: 'vague-recent',
  trigger: TRIGGER.recent,
  pattern: new RegExp(
    `${START}(?:recently|lately|nowadays|(?:in|over)\\s+recent\\s+(?:years|months|weeks|decades|times))${END}`,
    'gdi',
  ),
  extract(m) {
    return { ...matchSpan(m), anchor: 'document', resolve: null };
  },
};
