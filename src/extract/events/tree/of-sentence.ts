// The sentence's dependency tree for the refiners that read it: parsed once, on first need, so
// that only the sentences a tree decision is asked about pay for the parser (decision 0013).
import type { TriggerHit } from '../find-triggers.ts';
import type { SentenceState } from '../refiners/state.ts';
import type { TreeTrigger } from './decide.ts';
import { parseWords, type SentenceTree } from './sentence-tree.ts';

/** The tree of the sentence's tokens (word k is token k), parsed on the first call. */
export function sentenceTree(s: SentenceState): SentenceTree {
  s.tree ??= parseWords(s.tokens);
  return s.tree;
}

/** A trigger's span and its light verb's, as the tree decisions take them. */
export function treeTrigger(s: SentenceState, hit: TriggerHit): TreeTrigger {
  const { tokens } = s;
  const light = hit.lightAt === null ? null : tokens[hit.lightAt]!;
  return {
    start: tokens[hit.first]!.start,
    end: tokens[hit.last]!.end,
    nominal: hit.nominal,
    light: light && { start: light.start, end: light.end },
  };
}
