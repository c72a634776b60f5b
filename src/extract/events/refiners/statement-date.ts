// "… the diplomats said in a joint statement Friday. … The statement said the G7 countries
// affirmed their support for Ukraine": a statement named again as the subject of a saying is the
// one dated before, so the undated verbal acts it makes (praise, demands, accusations…) take that
// statement's day; the deeds it reports do not. An act dated in a
// sentence that names a statement records it; a new paragraph forgets it. The day it gives is the
// story's present for the next sentence ("They called on China …": story-present).
import type { Token } from '../../syntax/tokenizer.ts';
import { labelOf, type TriggerRefiner } from './state.ts';

const STATEMENT = /^(?:statement|communiqué|communique|declaration)$/;

// What a statement does by being made: PLOVER's verbal types (not the deeds it reports).
const STATED = new Set(['SUPPORT', 'AGREE', 'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

/** "The (joint) statement said": a statement noun within three words before a verb of saying. */
function statementSays(tokens: readonly Token[], sayings: readonly number[]): boolean {
  return sayings.some((k) => {
    for (let j = k - 1; j >= Math.max(0, k - 3); j--)
      if (STATEMENT.test(tokens[j]!.key)) return true;
    return false;
  });
}

/** Dates an undated act that "the statement" reports; a dated act in a statement records it. */
export const statementDate: TriggerRefiner = {
  name: 'statement-date',
  scope: 'trigger',
  run(t) {
    const { doc, s } = t;
    const { tokens, sayings, sentence } = s;
    const known = doc.statement;
    if (known && known.paragraph !== sentence.paragraph) doc.statement = null;
    const date = t.times.length === 1 ? t.times[0] : null;
    if (
      date === null &&
      doc.statement &&
      STATED.has(t.hit.entry.type) &&
      statementSays(tokens, sayings)
    ) {
      t.times = [doc.statement.date];
      // "… They called on China to …": the statement's day is the story's present for the
      // next sentence's acts, as a day the story named itself.
      if (t.modality.modality === 'asserted' || t.modality.modality === 'reported')
        doc.present = { date: doc.statement.date, sentence: sentence.index };
      doc.trace?.(
        `date ${labelOf(t)}: '${doc.statement.date.text}' from the statement named before`,
      );
    } else if (
      date?.value &&
      date.anchor === 'document' &&
      date.value.precision === 'day' &&
      tokens.some((w) => STATEMENT.test(w.key))
    ) {
      doc.statement = { date, paragraph: sentence.paragraph };
    }
    return undefined;
  },
};
