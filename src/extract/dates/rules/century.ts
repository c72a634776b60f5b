// "the 20th century", "late 20th century", "the twenty-first century". The nth century is the
// years (n-1)00 to (n-1)99, as it is commonly used; early, mid and late are its thirds.
import { ORDINAL, START, ordinalValue, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

const PARTS: Record<string, [number, number]> = { early: [0, 32], mid: [33, 66], late: [67, 99] };

export const century: TimeRule = {
  name: 'century',
  trigger: TRIGGER.century,
  pattern: new RegExp(
    `${START}(?:(early|mid|late)(?:-|\\s+)(?:the\\s+)?)?(${ORDINAL})(?:-|\\s+)century${END}(?!\\s*(?:BC|BCE|B\\.C\\.))`,
    'gdi',
  ),
  extract(m) {
    const n = ordinalValue(m[2]!);
    if (n === null || n < 1 || n > 21) return null;
    const start = (n - 1) * 100;
    const [a, b] = m[1] ? PARTS[m[1].toLowerCase()]! : [0, 99];
    return {
      ...matchSpan(m),
      anchor: 'absolute',
      value: yearValue(Math.max(1, start + a), start + b),
    };
  },
};
