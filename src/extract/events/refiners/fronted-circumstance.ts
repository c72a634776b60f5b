// A sentence that opens with a circumstance or condition ("After X voiced support for …, Y's
// envoy was summoned"): the clause heuristics read the first trigger as the governing act and
// the main clause's verb as its content. On the tree the main clause's predicate is the act and
// the opening clause its circumstance: the main act is kept, and the circumstance's own act
// takes no party from the main clause (`circumstance-roles`).
import type { TriggerHit } from '../find-triggers.ts';
import { CIRCUMSTANCE, CONDITION, clausePlace } from '../tree/clause-role.ts';
import { predicateOf } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { SentenceRefiner, SentenceState } from './state.ts';

/** Subordinators that open a fronted circumstance or condition clause. */
export const FRONTED: ReadonlySet<string> = new Set([...CIRCUMSTANCE, ...CONDITION]);

/** True when the sentence opens with a subordinator (past a quotation mark or a dash). */
export function opensWithCircumstance(s: SentenceState): boolean {
  for (const t of s.tokens.slice(0, 3)) {
    if (FRONTED.has(t.key)) return true;
    if (!/^["“'‘(—–-]$/.test(t.key)) return false;
  }
  return false;
}

/** Restores a main clause's act that the heuristics put under the opening clause's trigger. */
export const frontedCircumstance: SentenceRefiner = {
  name: 'fronted-circumstance',
  scope: 'sentence',
  run(s) {
    if (!s.governed.size || !s.actors.length || !opensWithCircumstance(s)) return undefined;
    const tree = sentenceTree(s);
    const restored: TriggerHit[] = [];
    for (const [hit, governor] of s.governed) {
      const p = predicateOf(tree, treeTrigger(s, hit));
      const g = predicateOf(tree, treeTrigger(s, governor));
      if (p < 0 || g < 0 || hit.nominal || tree.words[p]!.upos !== 'VERB') continue;
      if (clausePlace(tree, p).role !== 'main') continue;
      if (!/^(circumstance|condition)$/.test(clausePlace(tree, g).role)) continue;
      restored.push(hit);
    }
    for (const hit of restored) {
      s.governed.delete(hit);
      s.doc.trace?.(
        `keep ${hit.entry.type} '${s.tokens[hit.first]!.key}': the main clause after a fronted circumstance`,
      );
    }
    if (restored.length) s.hits = [...s.hits, ...restored].sort((a, b) => a.first - b.first);
    return undefined;
  },
};
