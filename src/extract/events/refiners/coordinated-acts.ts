// "X imposed tariffs on Y's exports to Z, then exempted the duties, and later delayed them": the
// clause heuristics of `governing-acts` read a verb after a content word ("to", "on") as that
// trigger's content. On the tree a verb coordinated with the governing verb (`conj`), or set
// beside it (`parataxis`), is an act of its own, done by the same subject (`conjunct-subject`): it is kept. Only a sentence where a
// governed verb follows a comma or "and" within a few words is parsed.
import type { TriggerHit } from '../find-triggers.ts';
import { coordinatedPredicates } from '../tree/clause-role.ts';
import { predicateOf } from '../tree/decide.ts';
import type { SentenceTree } from '../tree/sentence-tree.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { SentenceRefiner, SentenceState } from './state.ts';

// How far before a governed verb its ", and" may stand ("and later by week's end delayed").
const JOIN_WINDOW = 6;

/** True when the governed verb may be a coordinate: a finite form after a comma or "and". */
function mayCoordinate(s: SentenceState, hit: TriggerHit): boolean {
  if (hit.nominal || hit.passive) return false;
  const { tokens } = s;
  if (!/(?:ed|[^s]s)$/.test(tokens[hit.first]!.key)) return false;
  for (let j = hit.first - 1; j >= Math.max(0, hit.first - JOIN_WINDOW); j--) {
    const w = tokens[j]!.key;
    if (w === ',' || w === 'and') return true;
    if (w === 'to' || w === 'that') return false;
  }
  return false;
}

/** True when `p` hangs from `g` through coordination (`conj`) or a clause set beside it
 * (`parataxis`: "…, then exempted the duties"), either way an act beside `g`'s. */
function joinedTo(tree: SentenceTree, p: number, g: number): boolean {
  if (coordinatedPredicates(tree, g).includes(p)) return true;
  for (let i = p, steps = 0; i >= 0 && steps < tree.words.length; steps++) {
    const w = tree.words[i]!;
    if (!/^(conj|parataxis)$/.test(w.deprel)) return false;
    if (w.head === g) return true;
    i = w.head;
  }
  return false;
}

/** Restores a governed verb that the tree coordinates with the verb said to govern it. */
export const coordinatedActs: SentenceRefiner = {
  name: 'coordinated-acts',
  scope: 'sentence',
  run(s) {
    if (!s.governed.size || !s.actors.length) return undefined;
    const asked = [...s.governed].filter(([hit, by]) => !by.nominal && mayCoordinate(s, hit));
    if (!asked.length) return undefined;
    const tree = sentenceTree(s);
    const restored: TriggerHit[] = [];
    for (const [hit, governor] of asked) {
      const p = predicateOf(tree, treeTrigger(s, hit));
      const g = predicateOf(tree, treeTrigger(s, governor));
      if (p < 0 || g < 0 || p === g || tree.words[p]!.upos !== 'VERB') continue;
      if (!joinedTo(tree, p, g)) continue;
      restored.push(hit);
    }
    for (const hit of restored) {
      s.governed.delete(hit);
      s.doc.trace?.(
        `keep ${hit.entry.type} '${s.tokens[hit.first]!.key}': coordinated with the act before on the tree`,
      );
    }
    if (restored.length) s.hits = [...s.hits, ...restored].sort((a, b) => a.first - b.first);
    return undefined;
  },
};
