// Parties for an act whose clause names no one, from the context:
// - "… imposed sanctions on India; the sanctions were lifted in 2001": the object of an act just
//   before (this or the previous sentence) is the same object, with the same parties; one of
//   those parties acting on it again acts on the others ("… then delayed the tariffs");
// - "Relations were restored in May 2021", "The peace treaty followed on 26 March 1979":
//   relations, and a dated act of cooperation, are the document's pair's, when the sentence
//   names no other state.
import type { ActorMention } from '../../types.ts';
import { isCooperative } from '../transform.ts';
import type { TriggerRefiner } from './state.ts';

/** True when an actor is named inside `[start, end)`. */
function actorsIn(actors: readonly ActorMention[], start: number, end: number): boolean {
  return actors.some((a) => a.start >= start && a.end <= end);
}

/** Gives an act with no roles and no one named in its clause the parties of its context. */
export const partiesFromContext: TriggerRefiner = {
  name: 'parties-from-context',
  scope: 'trigger',
  run(t) {
    const { s, doc, object } = t;
    const [cs, ce] = t.clause;
    const antecedent = object ? doc.byObject.get(object) : undefined;
    const recent = antecedent && s.sentence.index - antecedent.sentence <= 1;
    // "imposed tariffs on Canada, … then delayed the tariffs": one party of the object's last
    // act acting on it again acts on that act's other parties.
    if (t.roles && recent && new Set(t.roles.codes).size === 1) {
      const codes = antecedent.roles.codes;
      if (codes.includes(t.roles.codes[0]!) && new Set(codes).size > 1) {
        t.roles = { ...t.roles, codes: [...new Set([...t.roles.codes, ...codes])] };
        t.roles.how += `; the other parties of the ${object} before`;
        doc.trace?.(`roles of '${t.trigger.text}' from the ${object} before: [${t.roles.codes}]`);
      }
      return undefined;
    }
    if (t.roles || actorsIn(s.actors, s.tokens[cs]!.start, s.tokens[ce - 1]!.end)) return undefined;
    if (antecedent && recent) {
      t.roles = { ...antecedent.roles, used: [], how: `the parties of the ${object} before` };
      return undefined;
    }
    const pair = doc.ctx.pair;
    if (
      !pair ||
      !s.actors.every((a) => a.kind !== 'state' || a.codes.every((code) => pair.includes(code)))
    )
      return undefined;
    const relations = object === 'relation' || object === 'tie';
    const dated = t.dates.length > 0 || s.heading !== null;
    if (relations || (dated && isCooperative(t.hit.entry.type)))
      t.roles = {
        source: null,
        target: null,
        codes: [...pair],
        used: [],
        how: "the document's pair",
      };
    return undefined;
  },
};
