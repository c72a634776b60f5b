// Negation the auxiliary chain cannot see, read on the tree: "has *no* intention of lifting",
// "made *no* attempt to contact", where "no" negates a noun that governs the act. Only a trigger
// with "no" before it in its sentence, and not yet negated, asks for the tree.
import { negatedOnTree } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { TriggerRefiner } from './state.ts';

/** Marks the trigger negated when a governing "no" negates it. */
export const negationOnTree: TriggerRefiner = {
  name: 'negation-on-tree',
  scope: 'trigger',
  run(t) {
    const { s, hit } = t;
    if (t.modality.modality === 'negated') return undefined;
    if (!s.tokens.some((w, j) => j < hit.first && w.key === 'no')) return undefined;
    const cue = negatedOnTree(sentenceTree(s), treeTrigger(s, hit));
    if (cue)
      t.modality = {
        ...t.modality,
        modality: 'negated',
        cues: [...t.modality.cues, `tree:${cue}`],
      };
    return undefined;
  },
};
