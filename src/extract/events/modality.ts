// A trigger's modality: whether the text says the event happened, did not, will, may, or is
// pending. Read from the auxiliary chain left of the verb ("has not established", "would love to
// join", "will hold"), from the light verb for a noun ("has not extended … recognition"), and
// from clause-wide words ("unless", "yet", "said … would").
import type { Modality } from '../types.ts';
import type { Token } from '../syntax/tokenizer.ts';
import { closedClass, closedClasses, MODALS } from '../text/closed-class.ts';
import { cueTable, type CueClass } from './cues.ts';
import { verbForms } from './inflect.ts';
import type { TriggerHit } from './find-triggers.ts';
import { isHostile } from './transform.ts';

/** What the cues say about a trigger. */
export interface ModalityReading {
  modality: Modality;
  /** Hoped for or possible ("would love to", "can"), as opposed to planned. */
  hope: boolean;
  /** A deal or wish not concluded yet ("has expressed interest", "no deal … yet"). */
  pending: boolean;
  /** "unless" or "if": a condition, which makes a future conflict act a threat. */
  conditional: boolean;
  /** "must": a demand that someone act (PLOVER codes the demand, a REQUEST). */
  obligation: boolean;
  /** "rather than", "instead of": an alternative not taken, so no event. */
  alternative: boolean;
  /** The cue words, for traces. */
  cues: string[];
}

// Words that may stand between a modal or negation and its verb.
const CHAIN = closedClasses(
  ['be', 'have', 'do'],
  [
    'to',
    'also',
    'already',
    'still',
    'yet',
    'jointly',
    'now',
    'then',
    'soon',
    'finally',
    'again',
    'further',
    'just',
    'once',
    'ever',
    'even',
    'fully',
    'and',
    // "need to either destroy or return it"
    'either',
    'both',
    'all',
    'each',
    'only',
    'always',
    'even',
    'reportedly',
    'officially',
    'formally',
    'publicly',
    'repeatedly',
    'strongly',
    // Verbs of degree before the act they scale: "hopes to double trade", "will boost cooperation".
    'double',
    'triple',
    'boost',
    'expand',
    'increase',
    'deepen',
    'strengthen',
    'enhance',
    'raise',
    'improve',
    'intensify',
    'widen',
    'broaden',
  ],
);
const DENYING = new Set([
  'deny',
  'denies',
  'denied',
  'denying',
  'refute',
  'refutes',
  'refuted',
  'dismissed',
  'dismisses',
  'rejected',
  'rejects',
]);
const REPORTING = new Set([
  ...[...closedClass('reporting')].flatMap((v) =>
    verbForms(v).filter((f) => f !== v && !/(s|ing)$/.test(f)),
  ),
  'say',
  'says',
  'warned',
]);
// Words that may stand between "no" and the noun it negates.
const NP_INNER =
  /^(a|an|the|formal|final|new|official|such|other|further|real|concrete|firm|major|[a-z]+al|[a-z]+ary)$/;

function phraseAt(
  tokens: readonly Token[],
  start: number,
  end: number,
): { cls: CueClass; words: string } | null {
  for (const c of cueTable().phrases.get(tokens[start]?.key ?? '') ?? []) {
    if (start + c.words.length - 1 !== end) continue;
    if (c.words.every((w, k) => k === 0 || tokens[start + k]?.key === w))
      return { cls: c.cls, words: c.words.join(' ') };
  }
  return null;
}

/** The modal up to five words before "by" that a means shares: "may tease the U.S. further by". */
function meansCue(tokens: readonly Token[], by: number): { cls: CueClass; words: string } | null {
  let words = 0;
  for (let b = by - 1; b >= 0 && words < 5; b--) {
    const w = tokens[b]!.key;
    if (/^[,.;:]$/.test(w)) break;
    const p = phraseAt(tokens, b, b);
    if (p) return p;
    words++;
  }
  return null;
}

/** The "by" of the gerund a coordinated gerund at `and + 1` joins, within its clause; or -1. */
function meansBefore(tokens: readonly Token[], and: number): number {
  for (let j = and - 1; j >= Math.max(0, and - 12); j--) {
    const w = tokens[j]!.key;
    if (/^[.;:]$/.test(w) || CLAUSE_WORD.has(w)) return -1;
    if (w === 'by' && /ing$/.test(tokens[j + 1]?.key ?? '')) return j;
  }
  return -1;
}

/** Cues in the auxiliary chain ending just before token `anchor`. */
function chainCues(tokens: readonly Token[], anchor: number): { cls: CueClass; words: string }[] {
  const found: { cls: CueClass; words: string }[] = [];
  let j = anchor - 1;
  let steps = 0;
  while (j >= 0 && steps++ < 10) {
    const t = tokens[j]!.key;
    // "wo|n't", "ca|n't": the layer splits the negation off its auxiliary; both are cues.
    if (t === "n't") {
      found.push({ cls: 'negation', words: t });
      const aux = tokens[j - 1]?.key;
      if (aux === 'wo') found.push({ cls: 'future', words: "wo n't" });
      if (aux === 'ca') found.push({ cls: 'hope', words: "ca n't" });
      j -= aux === 'wo' || aux === 'ca' ? 2 : 1;
      continue;
    }
    let matched = false;
    for (let len = 4; len >= 1 && !matched; len--) {
      const start = j - len + 1;
      if (start < 0) continue;
      const p = phraseAt(tokens, start, j);
      if (p) {
        found.push(p);
        j = start - 1;
        matched = true;
      }
    }
    if (matched) continue;
    // The means of an act shares the modality of the act it serves: "can take advantage by
    // investing", "could benefit by exporting".
    if (t === 'by') {
      const p = meansCue(tokens, j);
      if (p) found.push(p);
      break;
    }
    // "… by seizing ships and attacking ports": a gerund joined to the means is a means too.
    if ((t === 'and' || t === 'or') && j === anchor - 1 && /ing$/.test(tokens[anchor]!.key)) {
      const by = meansBefore(tokens, j);
      const p = by >= 0 ? meansCue(tokens, by) : null;
      if (p) {
        found.push(p);
        break;
      }
    }
    // "needs to either return or destroy them": the second of two coordinated bare verbs
    // shares the first one's chain.
    if ((t === 'or' || t === 'and') && /^(to|either)$/.test(tokens[j - 2]?.key ?? '')) {
      j -= 2;
      continue;
    }
    // Quotation marks are no words: they are not “marching” in step.
    if (CHAIN.has(t) || /ly$/.test(t) || /^["“”'‘’]$/.test(t)) {
      j--;
      continue;
    }
    break;
  }
  return found;
}

const QUOTE = /^["“”]$/;
const CLAUSE_WORD = closedClasses(
  ['relative', 'subordinator-contrast'],
  ['when', 'but', 'because'],
);
const MODAL = closedClasses(MODALS);

/** The cue of a modal just after a noun or after its prepositional phrase ("on Iran"). */
function modalAfter(
  tokens: readonly Token[],
  last: number,
  clauseEnd: number,
): { cls: CueClass; words: string }[] {
  const end = Math.min(clauseEnd, last + 6);
  for (let j = last + 1; j < end; j++) {
    const t = tokens[j]!.key;
    if (MODAL.has(t)) {
      const p = phraseAt(tokens, j, j);
      return p ? [p] : [];
    }
    if (j === last + 1 && !/^(on|against|of|from|by|to)$/.test(t)) return [];
    if (/^[,;:.]$|^(that|which|who|and|but)$/.test(t)) return [];
  }
  return [];
}

// Where a clause may start: a gerund right after one of these is its subject's head.
const CLAUSE_OPENING = /^(["“”,;:(—]|that)$/;
// How far the modal may stand after the gerund phrase ("holding a summit … in June would").
const GERUND_REACH = 24;

/**
 * "Holding a summit with Japan in June would not be provocative": a gerund opening its clause is
 * the subject of the verb after its phrase, and shares that verb's modal.
 */
function gerundSubjectModal(
  tokens: readonly Token[],
  anchor: number,
  last: number,
  clauseEnd: number,
): { cls: CueClass; words: string }[] {
  if (!/ing$/.test(tokens[anchor]!.key)) return [];
  if (anchor > 0 && !CLAUSE_OPENING.test(tokens[anchor - 1]!.key)) return [];
  const end = Math.min(clauseEnd, last + GERUND_REACH);
  for (let j = Math.max(anchor, last) + 1; j < end; j++) {
    const t = tokens[j]!.key;
    if (MODAL.has(t)) {
      const p = phraseAt(tokens, j, j);
      return p ? [p] : [];
    }
    if (/^[,;:.!?"“”]$|^(that|which|who|and|but|is|are|was|were|has|have|had)$/.test(t)) return [];
  }
  return [];
}

/** Reads the modality of a trigger from the tokens of its clause `[clauseStart, clauseEnd)`. */
export function readModality(
  tokens: readonly Token[],
  hit: TriggerHit,
  clauseStart: number,
  clauseEnd: number,
): ModalityReading {
  const anchor = hit.nominal
    ? hit.lightAt !== null && hit.lightAt < hit.first
      ? hit.lightAt
      : null
    : hit.first;
  const cues = anchor !== null ? chainCues(tokens, anchor) : [];
  // A bare noun, or the noun a passive verb takes as its subject ("no formal deal has been
  // reached"): "no" inside that noun phrase negates the event.
  const noun =
    anchor === null
      ? hit.first
      : hit.passive && hit.objAt !== null && hit.objAt < hit.first
        ? hit.objAt
        : null;
  if (noun !== null) {
    for (let j = noun - 1; j >= Math.max(clauseStart, noun - 4); j--) {
      const t = tokens[j]!.key;
      if (t === 'no') {
        cues.push({ cls: 'negation', words: 'no' });
        break;
      }
      if (!NP_INNER.test(t)) break;
    }
  }
  // A bare noun that is the subject of a modal ("sanctions could follow if …", "sanctions on
  // Iran would follow"): the modal after it says whether the act is done.
  if (anchor === null) cues.push(...modalAfter(tokens, hit.last, clauseEnd));
  else cues.push(...gerundSubjectModal(tokens, anchor, hit.last, clauseEnd));
  const classes = new Set(cues.map((c) => c.cls));
  let reported = false;
  let conditional = false;
  let denied = false;
  // Quotation marks between a word and the trigger: an odd count puts one inside a quotation and
  // the other outside ("“… and deny use of its soil,” the military said, repeating a demand").
  let quotesBefore = 0;
  for (let j = clauseStart; j < hit.first; j++) if (QUOTE.test(tokens[j]!.key)) quotesBefore++;
  for (let j = clauseStart; j < clauseEnd; j++) {
    const w = tokens[j]!.key;
    if (QUOTE.test(w)) quotesBefore--;
    if (w === 'unless' || w === 'if') conditional = true;
    else if (j < hit.first && REPORTING.has(w)) reported = true;
    // "The Kremlin denied a report that Russia planned to deploy missiles": what is denied is
    // neither an event nor a plan.
    // "expects Peru to deny shelter", "should deny": a denial asked for, not one made.
    else if (
      j < hit.first &&
      DENYING.has(w) &&
      quotesBefore % 2 === 0 &&
      tokens[j - 1]?.key !== 'to' &&
      !MODAL.has(tokens[j - 1]?.key ?? '')
    )
      denied = true;
    // "… denied the claims and accused Y": a second act joined by "and" is not what was denied.
    else if (j < hit.first && w === 'and') denied = false;
  }
  if (denied) {
    cues.push({ cls: 'negation', words: 'denied' });
    classes.add('negation');
  }
  const after = tokens.slice(hit.last + 1, clauseEnd).map((t) => t.key);
  const pending = classes.has('pending') || (classes.has('negation') && after.includes('yet'));
  // "would" after a reporting verb is a reported future ("said they would boycott"); alone, a wish.
  const wouldIsFuture = classes.has('conditional') && reported;
  const hope =
    classes.has('hope') ||
    (classes.has('conditional') && !wouldIsFuture) ||
    tokens[tokens.length - 1]?.key === '?';
  // A question asks; it does not report ("Could Germany and Poland cooperate more closely?").
  const question = tokens[tokens.length - 1]?.key === '?';
  // "sanctions could follow if Ankara activates the system": a hostile act made to hang on a
  // condition is announced, a threat (PLOVER), not a hope.
  const threat = hope && conditional && !question && isHostile(hit.entry.type);
  let modality: Modality = 'asserted';
  if (question) modality = 'hypothetical';
  else if (threat && !classes.has('negation')) modality = 'future';
  else if (classes.has('negation')) modality = 'negated';
  else if (classes.has('future') || wouldIsFuture) modality = 'future';
  else if (hope) modality = 'hypothetical';
  else if (reported) modality = 'reported';
  return {
    modality,
    hope: hope && !threat,
    pending,
    conditional,
    obligation: classes.has('obligation'),
    alternative: classes.has('alternative'),
    cues: cues.map((c) => `${c.cls}:${c.words}`),
  };
}
