// "March 2013", "May of 2003", "February, 2014", "mid-March 2013", and two months: "March–April
// 2013", "from March to May 2003" and "between May and July 2003" are one interval; "in May and
// July 2003" is two months.
import { MONTH, PART, START, YEAR, YEAR_END, monthNumber, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan, matchSpan } from '../rule.ts';
import { monthValue } from '../value.ts';

export const monthYear: TimeRule = {
  name: 'month-year',
  trigger: TRIGGER.year,
  also: TRIGGER.month,
  pattern: new RegExp(
    `${START}(?:([Bb]etween|[Ff]rom)\\s+)?${PART}?(${MONTH})(?:\\s*([-–—]|to|until|till|through|and)\\s*(${MONTH}))?\\s*,?\\s*(?:of\\s+)?(${YEAR})${YEAR_END}`,
    'gd',
  ),
  extract(m) {
    const y = Number(m[6]);
    const a = monthNumber(m[3]!)!;
    const b = m[5] ? monthNumber(m[5])! : a;
    if (b < a) return null;
    // "in May and July 2003": two months, each a mention.
    if (m[4] === 'and' && !m[1]) {
      const second = groupSpan(m, 5);
      return [
        { start: m.index, end: groupSpan(m, 3).end, anchor: 'absolute', value: monthValue(y, a) },
        {
          start: second.start,
          end: m.index + m[0].length,
          anchor: 'absolute',
          value: monthValue(y, b),
        },
      ];
    }
    // "early March" is still March: the month is the finest precision the text gives.
    const span = matchSpan(m);
    if (m[1] && !m[5]) span.start = groupSpan(m, m[2] ? 2 : 3).start;
    return { ...span, anchor: 'absolute', value: monthValue(y, a, y, b) };
  },
};
