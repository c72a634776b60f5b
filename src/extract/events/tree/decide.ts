// The event stage's decisions on a parsed sentence: which triggers another trigger governs (so
// PLOVER codes only the governing act), which actor mentions are a trigger's source and target,
// and whether the tree negates it. Each returns null when the tree has nothing to say, and the
// clause heuristics stand.
import type { ActorMention, Span } from '../../types.ts';
import { argumentCovering, argumentsOf, type Argument } from './arguments.ts';
import { clausePlace, type ClauseRole } from './clause-role.ts';
import { polarityOf } from './polarity.ts';
import { headOfSpan, type SentenceTree } from './sentence-tree.ts';

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
