// "2019-03-04" and "2019/03/04": year first is never ambiguous.
import { START, YEAR, LETTER, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { dayValue, isValidDay } from '../value.ts';

export const isoDate: TimeRule = {
  name: 'iso-date',
  trigger: TRIGGER.year,
  also: /\d{4}[-/]\d\d[-/]\d\d/,
  pattern: new RegExp(
    `${START}(?<![-/.])(${YEAR})([-/])(\\d{2})\\2(\\d{2})(?![${LETTER}\\d]|[-/.]\\d)`,
    'gd',
  ),
  extract(m) {
    const [y, mo, d] = [Number(m[1]), Number(m[3]), Number(m[4])];
    return isValidDay(y, mo, d)
      ? { ...matchSpan(m), anchor: 'absolute', value: dayValue({ y, m: mo, d }) }
      : null;
  },
};
