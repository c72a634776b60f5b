// A year before the statement or document that carries an act: "A 2020 report by the State
// Department said …", "In a 2019 statement, Kenya accused …". The year is the statement's; the
// event stage lets it date only the act the statement makes (its noun the act's subject or
// circumstance), not one done to it ("Kenya rejected a 2019 report").
import { START, STATEMENT_NOUN, YEAR, TRIGGER } from '../lexicon.ts';
import type { TimeRule } from '../rule.ts';
import { attributiveYear } from './attributive-year.ts';

export const statementYear: TimeRule = {
  name: 'statement-year',
  trigger: TRIGGER.year,
  also: /\s\d{4}\s/,
  pattern: new RegExp(
    `${START}(?:[Tt]he|[Aa]|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\\s+(${YEAR})\\s+(?:[a-z]+\\s+)?(?=${STATEMENT_NOUN})`,
    'gd',
  ),
  // The year itself, read as an attributive year is.
  extract: attributiveYear.extract,
};
