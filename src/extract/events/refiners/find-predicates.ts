// The sentence's triggers: lexicon verbs and event nouns (find-triggers.ts), outside the names
// of organisations ("Organization of Islamic Cooperation" holds a trigger word).
import { tokenizeSpan, type Token } from '../../syntax/tokenizer.ts';
import { findTriggers } from '../find-triggers.ts';
import type { SentenceRefiner } from './state.ts';

/** Reads the sentence's words from the token layer and finds its triggers. */
export const findPredicates: SentenceRefiner = {
  name: 'find-predicates',
  scope: 'sentence',
  run(s) {
    const { text } = s.doc;
    s.tokens = tokenizeSpan(text, s.sentence.start, s.sentence.end, s.sentence.index);
    const names = s.actors.filter((a) => a.kind === 'organisation' && a.end - a.start > 6);
    const skip = (t: Token) => names.some((n) => t.start >= n.start && t.end <= n.end);
    s.hits = findTriggers(s.tokens, { text, skip });
    return undefined;
  },
};
