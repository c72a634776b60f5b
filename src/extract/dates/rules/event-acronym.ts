// An event named by an acronym that the text dated earlier ("ADEX-2016" … "during ADEX").
// Acronyms name many other things (states, parties), so an unknown one is no mention.
import { START, LETTER, CAPITAL, TRIGGER } from '../lexicon.ts';
import { type TimeRule, matchSpan } from '../rule.ts';

export const eventAcronym: TimeRule = {
  name: 'event-acronym',
  trigger: TRIGGER.acronym,
  also: /[Dd]uring|[Ss]ince|[Aa]fter|[Bb]efore|[Ff]ollowing|[Aa]head/,
  pattern: new RegExp(
    `${START}([Dd]uring|[Ss]ince|[Aa]fter|[Bb]efore|[Ff]ollowing|[Aa]head\\s+of)\\s+(?:the\\s+)?([${CAPITAL}]{3,})(?![${LETTER}\\d-])`,
    'gd',
  ),
  extract(m) {
    const relation = m[1]!.toLowerCase();
    return {
      ...matchSpan(m),
      anchor: 'event',
      event: m[2]!.toLowerCase(),
      resolve: relation === 'during' || relation === 'since' ? (event) => event : null,
      optional: true,
    };
  },
};
