// A year before the statement or document that carries an act: "A 2020 report by the State
// Department said …", "In a 2019 statement, Kenya accused …". The year is the statement's; the
// event stage lets it date only the act the statement makes (its noun the act's subject or
// circumstance), not one done to it ("Kenya rejected a 2019 report").
import { START, STATEMENT_NOUN, YEAR, countedAfter, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const statementYear: TimeRule = {
  name: 'statement-year',
  trigger: TRIGGER.year,
  also: /\s\d{4}\s/,
  pattern: new RegExp(
    `${START}(?:[Tt]he|[Aa]|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(${YEAR})\\s+(?:[a-z]+\\s+)?(?=${STATEMENT_NOUN})`,
    'gd',
  ),
  extract(m, { text }) {
    const year = groupSpan(m, 1);
    return countedAfter(text, year.end)
      ? null
      : { ...year, anchor: 'absolute', value: yearValue(Number(m[1])) };
  },
};
