// "Trump last week issued a string of tariff decisions. Trump at first imposed …": a sentence
// dated against the document date gives the day of its subject's acts told just after it, even
// when its own verb is no act of ours (story-present.ts carries it, to the next sentence only).
import type { SentenceRefiner } from './state.ts';

/** Records the one date the sentence counts from the document date, and who it is about. */
export const sentencePresent: SentenceRefiner = {
  name: 'sentence-present',
  scope: 'sentence',
  run(s) {
    const own = s.times.filter(
      (d) => d.value && d.anchor === 'document' && !d.possessive && !d.opensClause,
    );
    if (own.length !== 1) return undefined;
    // Who the dated sentence is about: the parties named before its date ("Trump last week …").
    const subject = s.actors.filter((a) => a.end <= own[0]!.start).flatMap((a) => a.codes);
    s.doc.sentenceDay = { date: own[0]!, sentence: s.sentence.index, subject };
    s.doc.trace?.(`day '${own[0]!.text}' @${own[0]!.start}`);
    return undefined;
  },
};
