// The sentence's actors and times, and every official named so far. A sentence naming no one is
// read only in a document with a pair ("The treaty was signed in 1979").
import type { ActorMention, TimeMention } from '../../types.ts';
import type { SentenceRefiner } from './state.ts';

/** Collects the actors and times of the sentence; skips one naming no one outside a pair. */
export const sentenceMentions: SentenceRefiner = {
  name: 'sentence-mentions',
  scope: 'sentence',
  run(s) {
    const { doc, sentence } = s;
    const { actors: all, times: allTimes } = doc.ctx;
    // Actors and times are sorted by offset: walk them alongside the sentences.
    while (doc.actorIndex < all.length && all[doc.actorIndex]!.start < sentence.start) {
      const a = all[doc.actorIndex++]!;
      if (a.how === 'official') doc.officials.push(a);
    }
    const actors: ActorMention[] = [];
    while (doc.actorIndex < all.length && all[doc.actorIndex]!.start < sentence.end) {
      const a = all[doc.actorIndex++]!;
      if (a.end <= sentence.end) actors.push(a);
      if (a.how === 'official') doc.officials.push(a);
    }
    while (doc.timeIndex < allTimes.length && allTimes[doc.timeIndex]!.start < sentence.start)
      doc.timeIndex++;
    const times: TimeMention[] = [];
    for (let k = doc.timeIndex; k < allTimes.length && allTimes[k]!.start < sentence.end; k++)
      times.push(allTimes[k]!);
    s.actors = actors;
    s.times = times;
    if (!actors.length && !doc.ctx.pair) return 'names no one, in a document with no pair';
    return undefined;
  },
};
