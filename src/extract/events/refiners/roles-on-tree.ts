// Parties the clause heuristics miss, read from the trigger's arguments on the tree: a verb left
// with fewer than two parties in a sentence with a reciprocal object ("each other", "one
// another"), and a list the heuristics cut short ("Japan and South Korea, *along with* the
// Philippines, held drills"): every member of the subject's or object's phrase is a party.
// Asked only in those sentences, since the parser (about 23k words/s) cannot read every one.
import { rolesFrom } from '../roles.ts';
import { partiesOnTree } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import type { TriggerRefiner, TriggerState } from './state.ts';

const RECIPROCAL = /^(other|another)$/;
// The words that extend a list past its "and": the heuristics' groups stop before them.
const LIST_EXTENSION = /^(along|together|as|joined|including|plus)$/;

function reciprocalIn(t: TriggerState): boolean {
  const { tokens } = t.s;
  return tokens.some(
    (w, j) => RECIPROCAL.test(w.key) && /^(each|one)$/.test(tokens[j - 1]?.key ?? ''),
  );
}

function extendedList(t: TriggerState): boolean {
  const { tokens } = t.s;
  return tokens.some((w, j) => {
    if (!LIST_EXTENSION.test(w.key)) return false;
    const next = tokens[j + 1]?.key ?? '';
    return w.key === 'including' || w.key === 'plus'
      ? true
      : w.key === 'as'
        ? next === 'well'
        : next === 'with' || next === 'by';
  });
}

/** Replaces or extends the trigger's roles with the tree's parties, in the sentences above. */
export const rolesOnTree: TriggerRefiner = {
  name: 'roles-on-tree',
  scope: 'trigger',
  run(t) {
    const { s, hit } = t;
    if (hit.nominal && hit.lightAt === null) return undefined;
    if (hit.entry.words === 'receive' || s.actors.length < 2) return undefined;
    const have = new Set(t.roles?.codes ?? []);
    const named = new Set(s.actors.flatMap((a) => a.codes));
    const few = have.size < 2 && reciprocalIn(t);
    const more = have.size >= 1 && named.size > have.size && extendedList(t);
    if (!few && !more) return undefined;
    const tp = partiesOnTree(sentenceTree(s), treeTrigger(s, hit), t.roleActors);
    if (!tp) return undefined;
    const codes = new Set([...tp.source, ...tp.target].flatMap((m) => m.codes));
    if (few && codes.size >= 2) {
      t.roles = tp.source.length
        ? rolesFrom(tp.source, tp.target, tp.how)
        : rolesFrom(tp.target, [], tp.how);
    } else if (more && t.roles && [...codes].some((c) => !have.has(c))) {
      // Only a list that holds the parties already read: the tree adds members, never swaps.
      const source = new Set(tp.source.flatMap((m) => m.codes));
      if (!t.roles.source?.codes.every((c) => source.has(c))) return undefined;
      const used = new Set(t.roles.used);
      const src = [...t.roles.used.filter((m) => m.codes.every((c) => source.has(c)))];
      const tgt = t.roles.used.filter((m) => !src.includes(m));
      for (const m of tp.source) if (!used.has(m)) src.push(m);
      for (const m of tp.target) if (!used.has(m)) tgt.push(m);
      t.roles = rolesFrom(src, tgt, `${t.roles.how}; the list on the tree`);
    } else return undefined;
    s.lastVerb = { hit, roles: t.roles };
    s.doc.trace?.(`roles of '${t.trigger.text}' from the tree: [${t.roles.codes.join(', ')}]`);
    return undefined;
  },
};
