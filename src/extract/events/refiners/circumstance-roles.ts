// The act of an opening circumstance clause ("After X voiced support for …, Y's envoy was
// summoned") takes its parties from that clause only: the main clause's actors are another
// act's. Asks for the tree only of a sentence that opens with a subordinator, so its decision
// never depends on which refiner happened to parse the sentence first.
import { clausePlace } from '../tree/clause-role.ts';
import { predicateOf } from '../tree/decide.ts';
import { rolesFrom } from '../roles.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import { subtree } from '../tree/sentence-tree.ts';
import { opensWithCircumstance } from './fronted-circumstance.ts';
import type { TriggerRefiner } from './state.ts';

/** Keeps a fronted circumstance's parties inside its own clause. */
export const circumstanceRoles: TriggerRefiner = {
  name: 'circumstance-roles',
  scope: 'trigger',
  run(t) {
    const { s, hit, roles } = t;
    if (!roles?.used.length || !opensWithCircumstance(s)) return undefined;
    const tree = sentenceTree(s);
    const p = predicateOf(tree, treeTrigger(s, hit));
    if (p < 0 || clausePlace(tree, p).role !== 'circumstance') return undefined;
    // Only a clause that opens the sentence, before its main act.
    const root = tree.words.findIndex((w) => w.head < 0);
    if (root < 0 || tree.words[root]!.start < t.trigger.end) return undefined;
    // The span of its clause, as the parser bounded it.
    const clause = [...subtree(tree, p)].map((k) => tree.words[k]!);
    const lo = Math.min(...clause.map((w) => w.start));
    const hi = Math.max(...clause.map((w) => w.end));
    const inside = (m: { start: number; end: number }) => m.start >= lo && m.end <= hi;
    if (roles.used.every(inside)) return undefined;
    const source = roles.used.filter((m) => inside(m) && m === roles.source);
    const rest = roles.used.filter((m) => inside(m) && m !== roles.source);
    t.roles =
      source.length || rest.length
        ? rolesFrom(
            source.length ? source : rest,
            source.length ? rest : [],
            `${roles.how}; its own clause on the tree`,
          )
        : null;
    s.doc.trace?.(`roles of '${t.trigger.text}' kept to its circumstance clause`);
    return undefined;
  },
};
