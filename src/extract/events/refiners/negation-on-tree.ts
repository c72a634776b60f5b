// Negation and modality the auxiliary chain cannot see, read on the tree: "has *no* intention of
// lifting", "made *no* attempt to contact", where "no" negates a noun that governs the act; and
// a noun that no light verb before it realises, whose governing verb carries the modal ("*will*
// maintain trade ties"). Only a trigger with such a word before it in its sentence, and not yet
// negated, asks for the tree.
import { closedClasses, MODALS } from '../../text/closed-class.ts';
import { negatedOnTree, nounModalityOnTree } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { TriggerRefiner } from './state.ts';

const MODAL = closedClasses(MODALS);

/** Marks the trigger negated when a governing "no" negates it, or gives a bare noun its verb's modal. */
export const negationOnTree: TriggerRefiner = {
  name: 'negation-on-tree',
  scope: 'trigger',
  run(t) {
    const { s, hit } = t;
    const m = t.modality;
    if (m.modality === 'negated') return undefined;
    const before = s.tokens.slice(0, hit.first);
    if (before.some((w) => w.key === 'no')) {
      const cue = negatedOnTree(sentenceTree(s), treeTrigger(s, hit));
      if (cue) {
        t.modality = { ...m, modality: 'negated', cues: [...m.cues, `tree:${cue}`] };
        return undefined;
      }
    }
    if ((m.modality !== 'asserted' && m.modality !== 'reported') || m.obligation) return undefined;
    if (hit.nominal && hit.lightAt !== null && hit.lightAt < hit.first) return undefined;
    if (!before.some((w) => MODAL.has(w.key))) return undefined;
    // A verb of the lexicon the tree reads as a noun ("maintain trade ties") is a noun too.
    const r = nounModalityOnTree(sentenceTree(s), treeTrigger(s, hit));
    if (!r) return undefined;
    const cues = [...m.cues, `tree:${r.cues.join(' ')}`];
    // "said they would …": a reported "would" is the future the speaker announced.
    const future =
      r.modality === 'future' ||
      (r.modality === 'hypothetical' && r.cues[0] === 'would' && m.modality === 'reported');
    // A negation the chain missed is left to it: "wouldn't prejudge … whether we have a deal".
    if (future) t.modality = { ...m, modality: 'future', cues };
    else if (r.modality === 'hypothetical')
      t.modality = { ...m, modality: 'hypothetical', hope: true, cues };
    else if (r.modality === 'obligation') t.modality = { ...m, obligation: true, cues };
    return undefined;
  },
};
