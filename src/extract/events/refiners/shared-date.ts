// A conjunct with no date of its own shares the one that stands before both verbs ("In 1930
// Venizelos visited Ankara and signed a treaty"). So does a clause of the same moment ("X and Y
// on Thursday signed a deal, as Modi held talks with Biden").
import type { TriggerRefiner } from './state.ts';

/** Sets the date an undated trigger shares with the verb before it. */
export const sharedDate: TriggerRefiner = {
  name: 'shared-date',
  scope: 'trigger',
  run(t) {
    const { leading, tokens } = t.s;
    if (t.dates.length || !leading) return undefined;
    if (t.conjunct) {
      t.shared = leading.hit === t.conjunct.verb ? leading.date : null;
      return undefined;
    }
    const between = tokens.slice(leading.hit.last + 1, t.hit.first);
    const sameMoment = between.some(
      (w, k) => /^(as|while)$/.test(w.lower) && between[k - 1]?.lower === ',',
    );
    t.shared = sameMoment ? leading.own : null;
    return undefined;
  },
};
