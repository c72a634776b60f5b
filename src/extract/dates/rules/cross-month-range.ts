// A range of days across months, with one year at the end: "27 September to 10 November 2020",
// "September 27 – November 10, 2020", "from 30 June to 2 July 2019".
import { DAY, MONTH, START, YEAR, YEAR_END, monthNumber, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayValue, isValidDay } from '../value.ts';

const S = '\\s';
const TO = `${S}*(?:[-–—]|to|until|till|through)${S}*`;

export const crossMonthRange: TimeRule = {
  name: 'cross-month-range',
  trigger: TRIGGER.year,
  also: TRIGGER.month,
  pattern: new RegExp(
    `${START}(?:(${DAY})${S}+(?:of${S}+)?(${MONTH})${TO}(${DAY})${S}+(?:of${S}+)?(${MONTH})|(${MONTH})${S}*(${DAY})${TO}(${MONTH})${S}*(${DAY}))${S}*,?${S}*(${YEAR})${YEAR_END}`,
    'gd',
  ),
  extract(m) {
    const y = Number(m[9]);
    const [d1, m1, d2, m2] = m[1] ? [m[1], m[2]!, m[3]!, m[4]!] : [m[6]!, m[5]!, m[8]!, m[7]!];
    const a = { y, m: monthNumber(m1)!, d: parseInt(d1, 10) };
    const b = { y, m: monthNumber(m2)!, d: parseInt(d2, 10) };
    if (!isValidDay(a.y, a.m, a.d) || !isValidDay(b.y, b.m, b.d) || b.m <= a.m) return null;
    return { ...matchSpan(m), anchor: 'absolute', value: dayValue(a, b) };
  },
};
