// Two parties (stop 10): in a document with a main pair, an act of one of the pair with no one
// else named takes the other as its other side, whatever its type, when the sentence names no
// state outside the pair. Only an act the named party does or undergoes: on the tree its
// mention must be an argument of the act ("Tehran rejected its offer", "Iranian agents were
// accused"), not where it happened ("killed … in Haiti"), what it was about ("meetings on
// Ukraine"), or another clause's party ("Pakistan's prime minister said passengers were
// rescued"), which leave the act to parties the text does not code.
import type { ActorMention } from '../../types.ts';
import { rolesFrom } from '../roles.ts';
import { isCooperative } from '../transform.ts';
import { gazetteer } from '../../actors/gazetteer.ts';
import {
  hasDoer,
  mentionPlace,
  PERSON_OBJECT,
  partiesOnTree,
  predicateOf,
  uncodedSide,
} from '../tree/decide.ts';
import { sentenceTree, treeTrigger } from '../tree/of-sentence.ts';
import { labelOf, type TriggerRefiner, type TriggerState } from './state.ts';

// Acts done by saying: the speaker of "'… must stop,' the statement said" does them.
const VERBAL = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN', 'SUPPORT']);

// Words between a mention and the act after it that may put the mention outside the act's
// arguments: a place or topic ("in", "on"), a clause boundary, another verb's complementiser.
const BETWEEN = new RegExp(
  '^(in|at|near|on|about|over|regarding|concerning|to|that|as|while|which|who|when|after|' +
    'before|if|because|since|,|;|:|—|–|“|”|")$',
);

/**
 * True when the tree may say the mention is no party, so that the parser, the costliest step of
 * extraction, is asked only then: a mention after the act, or one before it with such a word or
 * a verb of saying between. "Lima rejected its offer" is the heuristics' own reading.
 */
function worthParsing(t: TriggerState, m: ActorMention): boolean {
  const { tokens, sayings } = t.s;
  const at = tokens[t.hit.first]!.start;
  if (m.end > at) return true;
  return tokens.some(
    (w, j) => w.start >= m.end && w.end <= at && (BETWEEN.test(w.key) || sayings.includes(j)),
  );
}

/**
 * Why the named party does not act in the trigger, on the tree; null when it does. A party that
 * is no argument of the act gives way to the act's own arguments when the tree names one
 * ("… warned Iran, as Tehran rejected its offer": Tehran rejects, not the warner).
 */
function notActing(t: TriggerState, code: string): string | null {
  const mentions = t.roles!.used.filter((m) => m.codes.includes(code));
  if (!mentions.length || !mentions.every((m) => worthParsing(t, m))) return null;
  const tree = sentenceTree(t.s);
  const trigger = treeTrigger(t.s, t.hit);
  const talks = t.hit.entry.type === 'CONSULT';
  const verbal = VERBAL.has(t.hit.entry.type) || t.modality.obligation;
  const places = mentions.map((m) => mentionPlace(tree, trigger, m, talks, verbal));
  if (places.some((p) => p === null || p === 'party')) return null;
  // Where an agreement or a visit took place is mostly one of its two parties ("signed in
  // Islamabad"); where an attack did, the place is no other side.
  if (places[0] === 'venue') return isCooperative(t.hit.entry.type) ? null : 'venue';
  if (places[0] !== 'outside') return places[0]!;
  // A verb the tagger reads as a noun ("in Bolivian funding") has a noun's arguments.
  const p = predicateOf(tree, trigger);
  const noun = !trigger.nominal && p >= 0 && tree.words[p]!.upos === 'NOUN';
  const tp = partiesOnTree(tree, noun ? { ...trigger, nominal: true } : trigger, t.s.actors);
  const party = (m: ActorMention) => mentionPlace(tree, trigger, m, talks) === 'party';
  const source = (tp?.source ?? []).filter(party);
  const target = (tp?.target ?? []).filter(party);
  // Someone the text does not code does it ("passengers were rescued"); with no one doing or
  // undergoing it on the tree, the parse lost its subject, and the pair stands.
  if (!source.length && !target.length) return hasDoer(tree, trigger) ? 'outside' : null;
  t.roles = source.length
    ? rolesFrom(source, target, `${tp!.how}, its own arguments`)
    : rolesFrom(target, [], `${tp!.how}, its own arguments`);
  t.doc.trace?.(`roles of ${labelOf(t)} from its arguments on the tree: [${t.roles.codes}]`);
  return null;
}

/** Adds the pair's other side to an act of one of the pair. */
export const otherSideFromPair: TriggerRefiner = {
  name: 'other-side-from-pair',
  scope: 'trigger',
  run(t) {
    const pair = t.doc.ctx.pair;
    const roles = t.roles!;
    if (roles.codes.length !== 1 || !pair || !pair.includes(roles.codes[0]!)) return undefined;
    const sentenceStates = t.s.actors.flatMap((a) => (a.kind === 'state' ? a.codes : []));
    if (!sentenceStates.every((c) => pair.includes(c))) return undefined;
    const other = pair.find((c) => c !== roles.codes[0])!;
    let place = notActing(t, roles.codes[0]!);
    // A place in one of the pair while the sentence names the other: the act is theirs, as
    // PLOVER codes people by where they are ("prisoners rioted in Dili … independence from
    // Indonesian rule").
    if (place === 'venue' && sentenceStates.includes(other)) place = null;
    if (place) {
      t.doc.trace?.(
        `keep ${labelOf(t)} with no other side: ${roles.codes[0]} is ${PLACE_WORDS[place]} ` +
          'on the tree',
      );
      return undefined;
    }
    // The act's own arguments (read when the named party was none) may be both of the pair.
    if (t.roles!.codes.length !== 1) return undefined;
    const uncoded = worthReading(t) ? doneByOrTo(t) : null;
    if (uncoded) {
      t.doc.trace?.(`keep ${labelOf(t)} with no other side: ${uncoded}`);
      return undefined;
    }
    fill(t, pair);
    return undefined;
  },
};

/**
 * True when the sentence has a word that may make the act a person's or a private group's, so
 * that the parser is asked only then: a private agent noun, "him"/"her", or a capitalised word
 * after the act outside every actor mention (a person's name).
 */
function worthReading(t: TriggerState): boolean {
  const { tokens, actors } = t.s;
  const at = tokens[t.hit.last]!.end;
  return tokens.some(
    (w) =>
      gazetteer.privateAgents.has(w.key) ||
      PERSON_OBJECT.has(w.key) ||
      (w.start >= at &&
        /^\p{Lu}/u.test(w.text) &&
        !actors.some((m) => m.start < w.end && w.start < m.end)),
  );
}

/**
 * "Commentators suggested …", "charged him with …", "agreed to pay Ivanov …": the act is
 * done by or to someone the guidelines do not code, so its other side is not the pair's (why),
 * or null.
 */
function doneByOrTo(t: TriggerState): string | null {
  const type = t.hit.entry.type;
  const names = !isCooperative(type)
    ? 'never'
    : type === 'CONSULT' || type === 'AGREE'
      ? 'content'
      : 'always';
  const tree = sentenceTree(t.s);
  return uncodedSide(tree, treeTrigger(t.s, t.hit), t.s.actors, gazetteer.privateAgents, names);
}

/** The pair's other side as the act's second participant. */
function fill(t: TriggerState, pair: readonly [string, string]): void {
  const roles = t.roles!;
  if (!pair.includes(roles.codes[0]!)) return;
  const other = pair.find((c) => c !== roles.codes[0])!;
  t.roles = {
    ...roles,
    codes: [...roles.codes, other],
    how: `${roles.how}; other side from the document's pair`,
  };
  t.doc.trace?.(`change ${labelOf(t)}: ${other}, the other side of the document's pair`);
}

const PLACE_WORDS: Record<string, string> = {
  venue: 'where it took place',
  topic: 'what it is about',
  outside: "no argument of the act's",
};
