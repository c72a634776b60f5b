// Where a predicate stands in its sentence: the main act, a coordinate of another act, the
// content of a verb or noun that governs it ("urged X *to withdraw*", "an offer *to host*"),
// what a speaker reported ("said Y *had violated* …"), a circumstance ("*after* X voiced
// support"), a condition ("*if* X attacks"), a purpose, or a relative clause. PLOVER codes the
// governing act: only main, coordinate and reported predicates are events of their own.
import { baseRel, childrenBy, markers, type SentenceTree } from './sentence-tree.ts';
import { closedClass, closedClasses } from '../../text/closed-class.ts';

export type ClauseRole =
  | 'main'
  | 'content'
  | 'reported'
  | 'circumstance'
  | 'condition'
  | 'purpose'
  | 'relative'
  | 'argument';

/** A predicate's place: its role, the word that governs it (-1 for the main act). */
export interface ClausePlace {
  role: ClauseRole;
  governor: number;
  /** The first conjunct when the predicate is coordinated with an earlier one ("and urged"). */
  conjunctOf: number;
}

/** Subordinators and prepositions that make a clause or phrase the circumstance of another act. */
export const CIRCUMSTANCE = closedClasses(
  ['subordinator-time', 'subordinator-contrast', 'subordinator-cause'],
  ['following', 'amid', 'despite', 'during', 'upon', 'without'],
);
/** Subordinators of condition ("if", "unless"). */
export const CONDITION = closedClass('subordinator-condition');

function placeOf(tree: SentenceTree, p: number, conjunctOf: number): ClausePlace {
  const w = tree.words[p]!;
  const marks = markers(tree, p);
  const h = w.head;
  if (marks.some((m) => CONDITION.has(m))) return { role: 'condition', governor: h, conjunctOf };
  // A fronted "After X voiced support, …" is a circumstance however the parser attached it.
  if (marks.some((m) => CIRCUMSTANCE.has(m)) && h >= 0)
    return { role: 'circumstance', governor: h, conjunctOf };
  const rel = baseRel(tree, p);
  switch (rel) {
    case 'root':
    case 'parataxis':
      return { role: 'main', governor: -1, conjunctOf };
    case 'ccomp': {
      const g = tree.words[h]!;
      const said = g.upos === 'VERB' && closedClass('reporting').has(g.lemma);
      return { role: said ? 'reported' : 'content', governor: h, conjunctOf };
    }
    case 'xcomp':
    case 'csubj':
      return { role: 'content', governor: h, conjunctOf };
    case 'acl':
      return w.deprel === 'acl:relcl'
        ? { role: 'relative', governor: h, conjunctOf }
        : { role: 'content', governor: h, conjunctOf };
    case 'advcl':
      return marks.includes('to')
        ? { role: 'purpose', governor: h, conjunctOf }
        : { role: 'circumstance', governor: h, conjunctOf };
    default:
      return { role: 'argument', governor: h, conjunctOf };
  }
}

/** The place of predicate `p`; a conjunct ("condemned … and urged") takes its first conjunct's. */
export function clausePlace(tree: SentenceTree, p: number): ClausePlace {
  let first = p;
  let steps = 0;
  while (
    tree.words[first]!.deprel === 'conj' &&
    tree.words[first]!.head >= 0 &&
    steps++ < tree.words.length
  ) {
    // A conjunct with a subordinator of its own has its own place ("… and if Y refuses").
    if (markers(tree, first).some((m) => CIRCUMSTANCE.has(m) || CONDITION.has(m))) break;
    first = tree.words[first]!.head;
  }
  return placeOf(tree, first, first === p ? -1 : first);
}

/** The predicates coordinated with `p` ("A condemned … and urged …"), in order, `p` included. */
export function coordinatedPredicates(tree: SentenceTree, p: number): number[] {
  let first = p;
  while (tree.words[first]!.deprel === 'conj' && tree.words[first]!.head >= 0)
    first = tree.words[first]!.head;
  const out: number[] = [];
  const walk = (i: number) => {
    out.push(i);
    for (const k of childrenBy(tree, i, 'conj')) walk(k);
  };
  walk(first);
  return out.sort((a, b) => a - b);
}
