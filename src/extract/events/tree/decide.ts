// The event stage's decisions on a parsed sentence: which triggers another trigger governs (so
// PLOVER codes only the governing act), which actor mentions are a trigger's source and target,
// and whether the tree negates it. Each returns null when the tree has nothing to say, and the
// clause heuristics stand.
import type { ActorMention, Span } from '../../types.ts';
import { argumentCovering, argumentsOf, type Argument } from './arguments.ts';
import { clausePlace, type ClauseRole } from './clause-role.ts';
import { closedClass } from '../../text/closed-class.ts';
import { polarityOf, type Polarity } from './polarity.ts';
import { baseRel, headOfSpan, markers, type SentenceTree } from './sentence-tree.ts';

/** A trigger as the tree sees it: its span, and a noun's light verb ("signed" an agreement). */
export interface TreeTrigger extends Span {
  nominal: boolean;
  light: Span | null;
}

/** The predicate word of a trigger: the head of its span (-1 when the tree has no word there). */
export function predicateOf(tree: SentenceTree, t: TreeTrigger): number {
  return headOfSpan(tree, t.start, t.end);
}

// A circumstance clause ("although X has expressed interest") still reports an act of its own.
const GOVERNED = new Set<ClauseRole>(['content', 'purpose']);

/** Why a trigger is not an event of its own, or null when it is one. */
export interface Governed {
  role: ClauseRole;
  /** The index (in the triggers given) of the trigger that governs it, -1 for a non-trigger. */
  by: number;
}

/**
 * Triggers the tree puts under another trigger: the content, purpose or circumstance of a
 * governing trigger ("urged X *to withdraw*", "*after* the attack") or a condition ("*if* X
 * closes the border"), which is no event whatever governs it. `null` for a trigger that is an
 * act of its own (the main act, a coordinate of one, a reported act, a relative clause).
 */
export function governedPlaces(
  tree: SentenceTree,
  triggers: readonly TreeTrigger[],
): (Governed | null)[] {
  const preds = triggers.map((t) => predicateOf(tree, t));
  // The word each trigger stands on: a noun's light verb governs what the noun does.
  const anchors = triggers.map((t, k) => {
    const light = t.light ? headOfSpan(tree, t.light.start, t.light.end) : -1;
    return light >= 0 ? light : preds[k]!;
  });
  return preds.map((p, k) => {
    if (p < 0) return null;
    const place = clausePlace(tree, p);
    if (place.role === 'condition') return { role: place.role, by: -1 };
    if (!GOVERNED.has(place.role)) return null;
    // The governing word, or the trigger its chain of content words leads to.
    let g = place.governor;
    for (let steps = 0; g >= 0 && steps < 4; steps++) {
      const by = anchors.findIndex((a, j) => j !== k && (a === g || preds[j] === g));
      if (by >= 0) return { role: place.role, by };
      const up = clausePlace(tree, g);
      if (up.role !== 'content') break;
      g = up.governor;
    }
    return null;
  });
}

/** Source and target mentions of a trigger read from its arguments. */
export interface TreeParties {
  source: ActorMention[];
  target: ActorMention[];
  /** "each other", "one another": the source's parties act on one another. */
  reciprocal: boolean;
  how: string;
}

// Case markers that introduce the other side of an act ("talks with Japan", "sanctions on Iran").
const TARGET_MARKERS = new Set([
  'to',
  'with',
  'on',
  'against',
  'toward',
  'towards',
  'from',
  'into',
  'of',
  'for',
  'between',
  'among',
  'upon',
  'over',
]);

function side(a: Argument, passive: boolean): 'source' | 'target' | null {
  switch (a.rel) {
    case 'subject':
    case 'agent':
    case 'possessor':
      return 'source';
    case 'patient':
    case 'object':
      return 'target';
    case 'oblique':
      return a.marker && TARGET_MARKERS.has(a.marker) && !(passive && a.marker === 'by')
        ? 'target'
        : null;
  }
}

/**
 * The parties of a trigger from its arguments (and, for a noun, its light verb's): the subject,
 * passive agent or possessor acts; the object, passive patient or a marked oblique is acted on.
 * A list in one argument is every member. Null when no actor of the sentence is an argument.
 */
export function partiesOnTree(
  tree: SentenceTree,
  t: TreeTrigger,
  actors: readonly ActorMention[],
): TreeParties | null {
  const p = predicateOf(tree, t);
  if (p < 0) return null;
  // A verb the tagger reads as a noun ("medical supplies to reach"): the tree disagrees on what
  // the trigger is, so it says nothing about its parties.
  if (!t.nominal && !/^(VERB|AUX)$/.test(tree.words[p]!.upos)) return null;
  const light = t.light ? headOfSpan(tree, t.light.start, t.light.end) : -1;
  const own = argumentsOf(tree, p);
  // The noun's verb lends its subject ("X signed an agreement with Y"), not the noun itself.
  const lent =
    light >= 0 && light !== p ? argumentsOf(tree, light).filter((a) => a.word !== p) : [];
  const args = [...own, ...lent];
  const passive = args.some((a) => a.rel === 'patient');
  const source: ActorMention[] = [];
  const target: ActorMention[] = [];
  for (const m of actors) {
    // The trigger's own words are no party ("the Moscow talks" aside, a name is not its act).
    if (m.start < t.end && m.end > t.start) continue;
    const a = argumentCovering(tree, args, m);
    if (!a) continue;
    const s = side(a, passive);
    if (s === 'source') source.push(m);
    else if (s === 'target') target.push(m);
  }
  if (!source.length && !target.length) return null;
  const reciprocal = args.some((a) => a.reciprocal);
  return {
    source,
    target,
    reciprocal,
    how: `tree: ${passive ? 'passive' : t.nominal ? 'noun' : 'active'}${reciprocal ? ', reciprocal' : ''}`,
  };
}

/** True when `m` is the subject of a verb of saying whose reported clause holds predicate `p`. */
function speakerOf(tree: SentenceTree, p: number, m: Span): boolean {
  let i = p;
  for (let steps = 0; steps < 6 && i >= 0; steps++) {
    const w = tree.words[i]!;
    if (w.head < 0) return false;
    const h = tree.words[w.head]!;
    const rel = baseRel(tree, i);
    if (/^(ccomp|parataxis)$/.test(rel) && closedClass('reporting').has(h.lemma)) {
      const subjects = argumentsOf(tree, w.head).filter((a) => a.rel === 'subject');
      return argumentCovering(tree, subjects, m) !== null;
    }
    // Up through what was said ("said X must stop and return …"), not out of a circumstance.
    if (!/^(ccomp|parataxis|conj|xcomp)$/.test(rel)) return false;
    i = w.head;
  }
  return false;
}

/** A place or topic phrase on the way from word `h` up to (not including) argument word `top`. */
function innerPlace(
  tree: SentenceTree,
  h: number,
  top: number,
  talks: boolean,
): 'venue' | 'topic' | null {
  for (let i = h, steps = 0; i >= 0 && i !== top && steps < 8; i = tree.words[i]!.head, steps++) {
    if (!/^(nmod|obl)$/.test(baseRel(tree, i))) continue;
    const marker = markers(tree, i)[0] ?? '';
    if (VENUE_MARKERS.has(marker)) return 'venue';
    if (TOPIC_MARKERS.has(marker) || (talks && marker === 'on')) return 'topic';
  }
  return null;
}

/** Where an actor mention stands towards a trigger on the tree. */
export type MentionPlace = 'party' | 'venue' | 'topic' | 'outside';

// Case markers of where an act took place ("talks in Quebec", "killed at the border").
const VENUE_MARKERS = new Set(['in', 'at', 'near', 'inside', 'within', 'outside']);
// Case markers of what an act is about ("concerns about China", "a dispute over Taiwan").
const TOPIC_MARKERS = new Set(['about', 'over', 'regarding', 'concerning']);
// Verbs whose object is what is talked about, not who is talked with ("discussed China").
const TOPIC_VERBS = new Set(['discuss', 'debate', 'address', 'review', 'examine', 'consider']);

/**
 * Where an actor mention stands towards a trigger: one of its parties (a subject, agent,
 * object, possessor, or an oblique that names the other side), where it took place ("in X",
 * "at X"), what it is about ("about X", "over X"; for talks also "on X", and the object of
 * "discuss"), or outside its arguments (another clause's, a circumstance's). `talks` says the
 * act is one of talking, whose "on X" is its topic ("talks on Ukraine", not "sanctions on
 * Iran"). An act done by saying (`verbal`: a demand, an accusation) also has for its party
 * the one who says it ("'X must stop,' the U.S. statement said"). Null when the tree cannot say
 * (no word there, or a verb tagged as a noun).
 */
export function mentionPlace(
  tree: SentenceTree,
  t: TreeTrigger,
  m: Span,
  talks: boolean,
  verbal = false,
): MentionPlace | null {
  const p = predicateOf(tree, t);
  if (p < 0) return null;
  // A verb the tagger reads as a noun ("a meeting on X" for "meet") has a noun's arguments.
  if (!t.nominal && !/^(VERB|AUX|NOUN)$/.test(tree.words[p]!.upos)) return null;
  // The trigger's own words name the act, not its party.
  if (m.start < t.end && m.end > t.start) return 'outside';
  const light = t.light ? headOfSpan(tree, t.light.start, t.light.end) : -1;
  const lent =
    light >= 0 && light !== p ? argumentsOf(tree, light).filter((a) => a.word !== p) : [];
  // "keep exercises with Uganda going", "resume trade with Togo": a partner after the noun an
  // act's verb governs may hang from the verb or from the noun (an attachment the parser
  // decides either way); the noun's act has it as its own.
  const head = tree.words[p]!.head;
  if (light < 0 && t.nominal && head >= 0 && baseRel(tree, p) === 'obj') {
    for (const a of argumentsOf(tree, head)) {
      if (a.rel === 'oblique' && a.marker === 'with' && a.word > p) lent.push(a);
    }
  }
  const own = argumentsOf(tree, p);
  const args = [...own, ...lent];
  // A name the parser split ("Minister of Defense Jamalov" with "Defense" the subject) is the
  // argument any of its words is.
  const a =
    argumentCovering(tree, args, m) ??
    args.find((x) => tree.words[x.word]!.start >= m.start && tree.words[x.word]!.end <= m.end);
  if (!a) return verbal && speakerOf(tree, light >= 0 ? light : p, m) ? 'party' : 'outside';
  // "meetings on Ukraine", "talks with officials in Peru": a place or topic inside the argument.
  const inner = innerPlace(tree, headOfSpan(tree, m.start, m.end), a.word, talks);
  if (inner) return inner;
  if (a.rel === 'oblique') {
    const marker = a.marker ?? '';
    if (VENUE_MARKERS.has(marker)) return 'venue';
    if (TOPIC_MARKERS.has(marker) || (talks && marker === 'on')) return 'topic';
    return side(a, false) ? 'party' : 'outside';
  }
  const verb = own.includes(a) ? tree.words[p]! : tree.words[light]!;
  if (talks && a.rel === 'object' && TOPIC_VERBS.has(verb.lemma)) return 'topic';
  return 'party';
}

/** True when the trigger has a subject, agent, patient or possessor of its own on the tree. */
export function hasDoer(tree: SentenceTree, t: TreeTrigger): boolean {
  const p = predicateOf(tree, t);
  return p >= 0 && argumentsOf(tree, p).some((a) => a.rel !== 'object' && a.rel !== 'oblique');
}

/**
 * The tree's modality of a noun that no light verb before it realises: the verb whose object it
 * is passes its own down ("will maintain trade ties", "can expand cooperation"); null when the
 * tree finds the act asserted or reads the word as no noun.
 */
export function nounModalityOnTree(tree: SentenceTree, t: TreeTrigger): Polarity | null {
  let p = predicateOf(tree, t);
  if (p < 0 || (!t.nominal && tree.words[p]!.upos !== 'NOUN')) return null;
  // "trade relations": a modifier noun stands where the noun it modifies stands.
  while (baseRel(tree, p) === 'compound' && tree.words[p]!.head >= 0) p = tree.words[p]!.head;
  const r = polarityOf(tree, p);
  return r.modality === 'asserted' ? null : r;
}

/** True when the tree reads the trigger as negated ("has no intention of lifting"). */
export function negatedOnTree(tree: SentenceTree, t: TreeTrigger): string | null {
  const p = predicateOf(tree, t);
  if (p < 0) return null;
  const light = t.light ? headOfSpan(tree, t.light.start, t.light.end) : -1;
  for (const i of light >= 0 ? [p, light] : [p]) {
    const r = polarityOf(tree, i);
    if (r.modality === 'negated') return r.cues.join(' ');
  }
  return null;
}

// Pronouns that stand for a person, never for a state ("he was released").
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'i', 'me', 'you']);

/**
 * Why the act is no state's, on the tree, or null: the lexicon's verb is a noun here ("the VOA
 * host"), or its doer or undergoer is a person or a private group ("he was released", "the
 * journalists were freed"). A proper noun says nothing: it names a person as often as a treaty
 * or a state the gazetteer lacks.
 */
export function personalAct(
  tree: SentenceTree,
  t: TreeTrigger,
  privateNouns: ReadonlySet<string>,
): string | null {
  const p = predicateOf(tree, t);
  if (p < 0) return null;
  if (!t.nominal && !/^(VERB|AUX)$/.test(tree.words[p]!.upos)) return 'a noun, not a verb';
  for (const a of argumentsOf(tree, p)) {
    if (a.rel !== 'subject' && a.rel !== 'patient' && a.rel !== 'agent') continue;
    const w = tree.words[a.word]!;
    if (PERSONAL.has(w.key)) return `done by or to '${w.text}'`;
    const group = privateHead(tree, a.word, privateNouns);
    if (group) return `done by or to the ${group}`;
  }
  return null;
}

// Pronouns that stand for a person undergoing an act ("charged him"), never for a state.
export const PERSON_OBJECT: ReadonlySet<string> = new Set(['him', 'her', 'himself', 'herself']);

/**
 * Who the act is done by or to, on the tree, when that is no state (GUIDELINES: people and
 * private groups are not coded): a private group as its doer ("commentators suggested …",
 * "militants attacked …"); as what it is done to, a person or a private group ("charged him",
 * "arrested ten journalists"), or a bare proper name no actor mention covers where `names`
 * says it is a person's ("praised Kwesi Mensah"), also in the act's content ("agreed to pay
 * Kofi Boateng"). `names`: 'always'; 'content', when the act's own object may be a thing's name
 * (what an agreement signs, what talks attend: "signed the Volta Charter"); 'never', when it
 * may be a place's or an armed group's (an attack's: "occupied Badme", "fought al-Shabaab").
 * Null when an object names a party, or the tree has nothing to say.
 */
export function uncodedSide(
  tree: SentenceTree,
  t: TreeTrigger,
  actors: readonly ActorMention[],
  privateNouns: ReadonlySet<string>,
  names: 'always' | 'content' | 'never',
): string | null {
  const p = predicateOf(tree, t);
  if (p < 0) return null;
  const args = argumentsOf(tree, p);
  const covered = (xs: readonly Argument[]) =>
    new Set(actors.map((m) => argumentCovering(tree, xs, m)).filter((a) => a !== null));
  const own = covered(args);
  for (const a of args) {
    if (own.has(a) || (a.rel !== 'subject' && a.rel !== 'agent')) continue;
    const group = privateHead(tree, a.word, privateNouns);
    if (group) return `done by the ${group}`;
  }
  // The act's own objects, then its content's ("offered to pay X").
  const content = (tree.kids[p] ?? []).filter((k) => baseRel(tree, k) === 'xcomp');
  for (const q of [p, ...content]) {
    const qargs = q === p ? args : argumentsOf(tree, q);
    const objects = qargs.filter((a) => a.rel === 'object' || a.rel === 'patient');
    const parties = q === p ? own : covered(qargs);
    if (objects.some((a) => parties.has(a))) return null;
    for (const a of objects) {
      const w = tree.words[a.word]!;
      if (PERSON_OBJECT.has(w.key)) return `done to '${w.text}'`;
      const group = privateHead(tree, a.word, privateNouns);
      if (group) return `done to the ${group}`;
      const inMention = actors.some((m) => m.start < w.end && w.start < m.end);
      const bare = !(tree.kids[a.word] ?? []).some((k) => baseRel(tree, k) === 'det');
      const person = names === 'always' || (names === 'content' && q !== p);
      if (w.upos === 'PROPN' && bare && person && !inMention)
        return `done to ${nameAt(tree, a.word)}, no state`;
    }
  }
  return null;
}

/** A proper name as written: its head word and the names set flat or compound under it. */
function nameAt(tree: SentenceTree, h: number): string {
  const flat = (tree.kids[h] ?? []).filter(
    (k) => /^(flat|compound)$/.test(baseRel(tree, k)) && tree.words[k]!.upos === 'PROPN',
  );
  return [h, ...flat]
    .sort((x, y) => x - y)
    .map((k) => tree.words[k]!.text)
    .join(' ');
}

/** The agent noun of no state's organ that word `h` heads ("crime syndicate"), or null. */
function privateHead(
  tree: SentenceTree,
  h: number,
  privateNouns: ReadonlySet<string>,
): string | null {
  // The noun and the compound words just before it: "organized crime group", "crime syndicate".
  let first = h;
  while (first > 0) {
    const w = tree.words[first - 1]!;
    if (w.head < first || w.head > h || !/^(compound|amod)$/.test(baseRel(tree, first - 1))) break;
    first--;
  }
  // Any run of them may be the agent noun ("organized crime" in "organized crime group").
  for (let k = first; k <= h; k++) {
    for (let e = h; e >= k; e--) {
      const words = tree.words.slice(k, e + 1);
      if (privateNouns.has(words.map((w) => w.key).join(' ')))
        return words.map((w) => w.text).join(' ');
    }
  }
  return null;
}
