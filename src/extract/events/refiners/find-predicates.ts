// The sentence's triggers: lexicon verbs and event nouns (find-triggers.ts), outside the names
// of organisations ("Organization of Islamic Cooperation" holds a trigger word).
import { tokenize, type Token } from '../../text/tokens.ts';
import { findTriggers } from '../find-triggers.ts';
import type { SentenceRefiner } from './state.ts';

/** Tokenizes the sentence and finds its triggers. */
export const findPredicates: SentenceRefiner = {
  name: 'find-predicates',
  scope: 'sentence',
  run(s) {
    const { text } = s.doc;
    s.tokens = tokenize(text, s.sentence.start, s.sentence.end);
    const names = s.actors.filter((a) => a.kind === 'organisation' && a.end - a.start > 6);
    const skip = (t: Token) => names.some((n) => t.start >= n.start && t.end <= n.end);
    s.hits = findTriggers(s.tokens, { text, skip });
    return undefined;
  },
};
