// A year that modifies a name or an event: "the 2016 Azerbaijan International Defense
// Exhibition", "Pakistan's 2018 elections", "the 2008 war".
import { EVENT_NOUN, START, YEAR, countedAfter, LETTER, CAPITAL, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const attributiveYear: TimeRule = {
  name: 'attributive-year',
  trigger: TRIGGER.year,
  also: /\s\d{4}\s/,
  pattern: new RegExp(
    `${START}(?:[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Oo]ur|[Tt]his|[Tt]hat|[${LETTER}]+['’]s?)\\s+(${YEAR})\\s+(?=[${CAPITAL}]|(?:${EVENT_NOUN}))`,
    'gd',
  ),
  extract(m, { text }) {
    const year = groupSpan(m, 1);
    return countedAfter(text, year.end)
      ? null
      : { ...year, anchor: 'absolute', value: yearValue(Number(m[1])) };
  },
};
