// What the clause heuristics of `governing-acts` miss, read on the tree: a trigger inside a
// condition ("*if* sanctions are lifted") is no event; one that is the content or purpose of
// another trigger ("offered troops *to help*") is that trigger's. Only a sentence with a
// condition word before a trigger is parsed.
import { closedClass } from '../../text/closed-class.ts';
import type { TriggerHit } from '../find-triggers.ts';
import { governedPlaces } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { SentenceRefiner, SentenceState } from './state.ts';

// Words that open a condition.
const CONDITION = closedClass('subordinator-condition');

/**
 * True when the tree may say something the heuristics did not: a trigger stands after a
 * condition word. (Content clauses the heuristics already read from "to", "that", "of"; the
 * parser is too slow, at about 23k words/s, to ask it about every sentence with two triggers.)
 */
function worthParsing(s: SentenceState): boolean {
  const { hits, tokens } = s;
  if (!hits.length || !s.actors.length) return false;
  const last = hits[hits.length - 1]!.first;
  return tokens.some((t, j) => j < last && CONDITION.has(t.key));
}

/** Drops the triggers the tree puts under a condition or another trigger. */
export const governedOnTree: SentenceRefiner = {
  name: 'governed-on-tree',
  scope: 'sentence',
  run(s) {
    if (!worthParsing(s)) return undefined;
    const tree = sentenceTree(s);
    const places = governedPlaces(
      tree,
      s.hits.map((h) => treeTrigger(s, h)),
    );
    const dropped = new Set<TriggerHit>();
    places.forEach((g, k) => {
      if (!g) return;
      const hit = s.hits[k]!;
      dropped.add(hit);
      if (g.by >= 0) s.governed.set(hit, s.hits[g.by]!);
      if (s.doc.trace) {
        const words = s.doc.text.slice(s.tokens[hit.first]!.start, s.tokens[hit.last]!.end);
        const by = g.by >= 0 ? ` of '${s.tokens[s.hits[g.by]!.first]!.key}'` : '';
        s.doc.trace(`drop ${hit.entry.type} '${words}': the ${g.role}${by} on the tree`);
      }
    });
    if (dropped.size) s.hits = s.hits.filter((h) => !dropped.has(h));
    return undefined;
  },
};
