// Parties for an act whose clause names no one, from the context:
// - "… imposed sanctions on India; the sanctions were lifted in 2001": the object of an act just
//   before (this or the previous sentence) is the same object, with the same parties; one of
//   those parties acting on it again acts on the others ("… then delayed the tariffs");
// - "Relations were restored in May 2021", "The peace treaty followed on 26 March 1979":
//   relations, and a dated act of cooperation, are the document's pair's, when the sentence
//   names no other state;
// - "agreed at a virtual summit": a meeting where an act was done is between that act's parties.
import { gazetteer } from '../../actors/gazetteer.ts';
import type { ActorMention } from '../../types.ts';
import { isCooperative } from '../transform.ts';
import type { Roles } from '../roles.ts';
import type { TriggerHit } from '../find-triggers.ts';
import { personalAct } from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import { labelOf, type SentenceState, type TriggerRefiner, type TriggerState } from './state.ts';

/** True when an actor is named inside `[start, end)`. */
function actorsIn(actors: readonly ActorMention[], start: number, end: number): boolean {
  return actors.some((a) => a.start >= start && a.end <= end);
}

// Words between "at" and a meeting noun: "at a virtual summit", "at their annual meeting".
const AT_REACH = 4;

/**
 * The token index of the "at" that makes the meeting noun `hit` where the verb `verb` was done
 * ("agreed at a virtual summit"), with no one named between them; -1 when it is not.
 */
export function meetingAt(s: SentenceState, hit: TriggerHit, verb: TriggerHit): number {
  if (!hit.nominal || hit.entry.type !== 'CONSULT' || verb.nominal || verb.last >= hit.first)
    return -1;
  const at = s.tokens.findIndex(
    (w, j) => w.key === 'at' && j < hit.first && j >= hit.first - AT_REACH && j > verb.last,
  );
  if (at < 0 || s.tokens.slice(at + 1, hit.first).some((w) => /^[,;:]$/.test(w.key))) return -1;
  if (actorsIn(s.actors, s.tokens[verb.last]!.end, s.tokens[hit.first]!.start)) return -1;
  return at;
}

/**
 * "Quad leaders agreed at a virtual summit to …": a meeting named as where an act was done
 * took place, between the parties of that act (the verb just before it, no one named between).
 */
function meetingOfAct(t: TriggerState): Roles | null {
  const { s, hit } = t;
  const last = s.lastVerb;
  if (!last) return null;
  const at = meetingAt(s, hit, last.hit);
  if (at < 0) return null;
  // Only the parties named before the meeting: a party of the act's content ("agreed at a summit
  // to address the challenges China poses") was not at it.
  const before = s.actors.filter((a) => a.end <= s.tokens[at]!.start);
  const codes = last.roles.codes.filter((c) => before.some((a) => a.codes.includes(c)));
  if (!codes.length) return null;
  const source =
    last.roles.source && codes.includes(last.roles.source.code) ? last.roles.source : null;
  return { source, target: null, codes, used: [], how: '' };
}

/**
 * True when the act's roles come only from words after it that do not join it ("summit to
 * address the challenges China brings"): they are the content's, not the meeting's.
 */
function onlyAfter(t: TriggerState): boolean {
  const { s, roles } = t;
  if (!roles?.used.length) return false;
  return roles.used.every((a) => {
    if (a.start < t.trigger.end) return false;
    const j = s.tokens.findIndex((w) => w.start >= a.start);
    return !/^(with|between|and|of)$/.test(s.tokens[j - 1]?.key ?? '');
  });
}

/**
 * Why the pair cannot be the act's parties, on the tree: "He was released in May 2017" is done to
 * a person, "the VOA host" is no act at all.
 */
function notThePair(t: TriggerState): string | null {
  const { s } = t;
  return personalAct(sentenceTree(s), treeTrigger(s, t.hit), gazetteer.privateAgents);
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
    const host = t.roles && !onlyAfter(t) ? null : meetingOfAct(t);
    if (host) {
      t.roles = { ...host, how: 'the parties of the act done at it' };
      doc.trace?.(`roles of '${t.trigger.text}' from the act done at it: [${t.roles.codes}]`);
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
    if (!relations && !(dated && isCooperative(t.hit.entry.type))) return undefined;
    const why = notThePair(t);
    if (why) {
      doc.trace?.(`not the pair's: ${labelOf(t)} ${why}`);
      return undefined;
    }
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
