// The verbs of saying of a sentence (cues.tsv "report"): their dates date the acts they report
// (`saying-date`), and a plan's date beside one is when it was promised (`dated-mentions`).
import { cuesIn } from '../cues.ts';
import type { SentenceRefiner } from './state.ts';

/** Finds the token indices of the sentence's verbs of saying. */
export const sayings: SentenceRefiner = {
  name: 'sayings',
  scope: 'sentence',
  run(s) {
    s.sayings = cuesIn(s.tokens, 0, s.tokens.length).flatMap((c) =>
      c.cls === 'report' ? [c.at] : [],
    );
    return undefined;
  },
};
