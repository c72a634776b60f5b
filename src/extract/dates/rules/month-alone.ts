// A month without a year after a word of time: "in March", "by May", "early June"; "last
// March" and "next March" count from the document date. A month name alone is no date ("May"
// the modal verb, "March" the verb), so the word before it is required.
import { FULL_MONTH, START, monthNumber, speaksOfFuture, headsEntry, TRIGGER } from '../lexicon.ts';
import { type TimeRule, groupSpan, matchSpan } from '../rule.ts';
import { firstDay, monthValue } from '../value.ts';
import { inYearOf } from './in-year-of.ts';

export const monthAlone: TimeRule = {
  name: 'month-alone',
  trigger: TRIGGER.month,
  pattern: new RegExp(
    `${START}(?:([Ii]n|[Oo]n|[Bb]y|[Ss]ince|[Uu]ntil|[Tt]ill|[Dd]uring|[Ff]rom|[Tt]hrough|[Bb]efore|[Aa]fter|[Tt]hroughout)\\s+|((?:[Ee]arly|[Mm]id|[Ll]ate)(?:-|\\s+))|([Ll]ast|[Nn]ext|[Tt]his)\\s+)(${FULL_MONTH})(?!\\s*,?\\s*\\d)`,
    'gd',
  ),
  extract(m, { text }) {
    const month = monthNumber(m[4]!)!;
    const deixis = m[3]?.toLowerCase();
    if (deixis) {
      return {
        ...matchSpan(m),
        anchor: 'document',
        resolve: (doc) => {
          const d = firstDay(doc);
          if (deixis === 'this') return monthValue(d.y, month);
          if (deixis === 'last') return monthValue(month < d.m ? d.y : d.y - 1, month);
          return monthValue(month > d.m ? d.y : d.y + 1, month);
        },
      };
    }
    const span = m[2] ? matchSpan(m) : groupSpan(m, 4);
    return {
      ...span,
      anchor: 'previous',
      sameParagraph: true,
      resolve: inYearOf(
        (y) => monthValue(y, month),
        speaksOfFuture(text, m.index) && !headsEntry(text, span.start, span.end),
      ),
    };
  },
};
