// A year inside an event's name: "AMAN-2013", "ADEX-2016". The name is registered with the
// year, so that a later "during ADEX" resolves.
import { START, YEAR, LETTER, CAPITAL, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';
import { yearValue } from '../value.ts';

export const eventNameYear: TimeRule = {
  name: 'event-name-year',
  trigger: TRIGGER.year,
  also: /-\d{4}/,
  pattern: new RegExp(
    `${START}([${CAPITAL}]{2,}[${LETTER}]*)-(${YEAR})(?![${LETTER}\\d]|[-.,]\\d)`,
    'gd',
  ),
  extract(m) {
    return {
      ...matchSpan(m),
      anchor: 'absolute',
      value: yearValue(Number(m[2])),
      names: [m[1]!.toLowerCase()],
    };
  },
};
