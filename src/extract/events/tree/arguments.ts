// A predicate's arguments from its dependents: the subject (`nsubj`, or the first conjunct's
// when "… and urged" shares it), the passive's patient (`nsubj:pass`) and agent (`obl:agent`,
// "by X"), objects (`obj`, `iobj`), obliques and noun modifiers with their case marker
// ("on Iran", "with Japan"), a noun's possessor ("Sweden's envoy", "Chinese exercises"). A
// coordinated list counts whole ("Brazil, Argentina and Peru"); "each other" and
// "one another" stand for the subject's own parties.
import { closedClass } from '../../text/closed-class.ts';
import type { Span } from '../../types.ts';
import { baseRel, childrenBy, headOfSpan, markers, type SentenceTree } from './sentence-tree.ts';

export type ArgumentRel = 'subject' | 'patient' | 'agent' | 'object' | 'oblique' | 'possessor';

/** One argument word of a predicate. */
export interface Argument {
  rel: ArgumentRel;
  /** The argument's head word. */
  word: number;
  /** Its case marker ("on", "with", "by"), for obliques and noun modifiers. */
  marker: string | null;
  /** Taken from the predicate it is coordinated with, or from the verb that governs it. */
  inherited: boolean;
  /** "each other", "one another": the subject's own parties on both sides. */
  reciprocal: boolean;
}

const RELATIVE_PRONOUN = closedClass('relative');
// Verbs whose object is the subject of their infinitive ("urged Peru to withdraw").
const OBJECT_CONTROL = new Set(['urge', 'ask', 'call', 'press', 'tell', 'invite', 'encourage']);

function reciprocal(tree: SentenceTree, w: number): boolean {
  const key = tree.words[w]!.key;
  if (key !== 'each' && key !== 'one') return false;
  const next = tree.words[w + 1]?.key;
  return next === 'other' || next === 'another';
}

function arg(tree: SentenceTree, rel: ArgumentRel, w: number, inherited = false): Argument {
  const marker = markers(tree, w)[0] ?? null;
  return { rel, word: w, marker, inherited, reciprocal: reciprocal(tree, w) };
}

/** True when predicate `p` is passive: a passive subject or auxiliary, or a "by" agent. */
export function isPassive(tree: SentenceTree, p: number): boolean {
  return (tree.kids[p] ?? []).some((k) =>
    /^(nsubj:pass|aux:pass|obl:agent)$/.test(tree.words[k]!.deprel),
  );
}

function ownSubjects(tree: SentenceTree, p: number): number[] {
  return (tree.kids[p] ?? []).filter((k) => /^(nsubj|csubj)(:pass)?$/.test(tree.words[k]!.deprel));
}

/** The subject of `p`, read through coordination, control and relative clauses. */
function subjectsOf(tree: SentenceTree, p: number, depth = 0): Argument[] {
  const own = ownSubjects(tree, p);
  const w = tree.words[p]!;
  const passive = isPassive(tree, p);
  const relOf = (k: number): ArgumentRel =>
    tree.words[k]!.deprel.endsWith(':pass') || passive ? 'patient' : 'subject';
  if (own.length) {
    return own.map((k) => {
      // "Sweden, which condemned …": the relative pronoun stands for the noun it modifies.
      if (RELATIVE_PRONOUN.has(tree.words[k]!.key) && w.deprel === 'acl:relcl' && w.head >= 0)
        return arg(tree, relOf(k), w.head, true);
      return arg(tree, relOf(k), k);
    });
  }
  if (depth > 4 || w.head < 0) return [];
  const rel = baseRel(tree, p);
  // "A condemned the strike and urged B …": a conjunct shares its first conjunct's subject.
  if (rel === 'conj') {
    return subjectsOf(tree, w.head, depth + 1)
      .filter((a) => a.rel === 'subject' || !passive)
      .map((a) => ({ ...a, rel: passive ? 'patient' : a.rel, inherited: true }));
  }
  // "the report, which said …" is handled above; "the country that signed" has no pronoun.
  if (w.deprel === 'acl:relcl' || (rel === 'acl' && /VBN|VERB/.test(w.upos) && passive))
    return [{ ...arg(tree, passive ? 'patient' : 'subject', w.head, true) }];
  if (rel === 'xcomp') {
    const g = w.head;
    const obj = childrenBy(tree, g, 'obj').concat(childrenBy(tree, g, 'iobj'));
    if (obj.length && OBJECT_CONTROL.has(tree.words[g]!.lemma))
      return obj.map((k) => ({ ...arg(tree, 'subject', k), inherited: true }));
    return subjectsOf(tree, g, depth + 1).map((a) => ({ ...a, inherited: true }));
  }
  return [];
}

/** The argument words of predicate `p`, each with its relation. */
export function argumentsOf(tree: SentenceTree, p: number): Argument[] {
  const out: Argument[] = subjectsOf(tree, p);
  const isNoun = /^(NOUN|PROPN)$/.test(tree.words[p]!.upos);
  for (const k of tree.kids[p] ?? []) {
    const d = tree.words[k]!.deprel;
    const rel = baseRel(tree, k);
    if (d === 'obl:agent') out.push(arg(tree, 'agent', k));
    else if (rel === 'obj' || rel === 'iobj') out.push(arg(tree, 'object', k));
    else if (d === 'nmod:poss') out.push(arg(tree, 'possessor', k));
    else if (isNoun && /^(amod|compound)$/.test(rel) && k < p) out.push(arg(tree, 'possessor', k));
    else if ((rel === 'obl' || rel === 'nmod') && !/tmod|npmod/.test(d)) {
      const a = arg(tree, 'oblique', k);
      // "the massacre by X", "was attacked by X": the agent.
      out.push(a.marker === 'by' ? { ...a, rel: 'agent' } : a);
    }
  }
  return out;
}

// Relations that start another clause: a word under one of them is not an argument of `p`.
const CLAUSE = /^(acl|advcl|ccomp|xcomp|csubj|parataxis|root)/;

/**
 * The words an argument covers: its head, what it coordinates ("A, B and C") and sets in
 * apposition, and their modifiers; not the clauses under it.
 */
export function argumentWords(tree: SentenceTree, a: Argument): Set<number> {
  const out = new Set<number>();
  const walk = (i: number) => {
    if (out.has(i)) return;
    out.add(i);
    for (const k of tree.kids[i] ?? []) {
      const w = tree.words[k]!;
      // A verb coordinated under a noun is a misattached second act, not part of the phrase.
      if (CLAUSE.test(w.deprel) || (w.deprel === 'conj' && /^(VERB|AUX)$/.test(w.upos))) continue;
      walk(k);
    }
  };
  walk(a.word);
  return out;
}

/**
 * The argument of `p` whose phrase holds the span (an actor mention): the mention's head word
 * climbs to an argument word through its list, its modifiers and the phrases it heads, but not
 * out of a clause, and not out of an apposition, which renames its party ("Pakistan, a key
 * *U.S.* ally, …" names one). Null when the mention is no argument of `p`.
 */
export function argumentCovering(
  tree: SentenceTree,
  args: readonly Argument[],
  span: Span,
): Argument | null {
  const h = headOfSpan(tree, span.start, span.end);
  if (h < 0) return null;
  let cur = h;
  for (let steps = 0; cur >= 0 && steps < tree.words.length; steps++) {
    const found = args.find((a) => a.word === cur);
    if (found) return found;
    const w = tree.words[cur]!;
    if (CLAUSE.test(w.deprel) || (w.deprel === 'conj' && /^(VERB|AUX)$/.test(w.upos))) return null;
    if (w.deprel === 'appos') return null;
    cur = w.head;
  }
  return null;
}
