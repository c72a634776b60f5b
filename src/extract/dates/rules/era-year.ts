// "1066 AD", "AD 1066", "480 BC". The contract has no years before 1, so a BC year is a
// mention without a value.
import { START, END, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const eraYear: TimeRule = {
  name: 'era-year',
  trigger: TRIGGER.digit,
  also: /AD|CE|BC|A\.D|C\.E|B\.C/,
  pattern: new RegExp(
    `${START}(?:(\\d{1,4})\\s*(AD|CE|A\\.D\\.|C\\.E\\.|BCE|BC|B\\.C\\.E\\.|B\\.C\\.)|(AD|A\\.D\\.)\\s*(\\d{1,4}))${END}`,
    'gd',
  ),
  extract(m) {
    const span = matchSpan(m);
    if (m[2]?.startsWith('B')) return { ...span, anchor: 'absolute', value: null };
    const y = Number(m[1] ?? m[4]);
    return y >= 1 && y <= 2100 ? { ...span, anchor: 'absolute', value: yearValue(y) } : null;
  },
};
