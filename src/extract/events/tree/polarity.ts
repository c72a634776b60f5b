// Negation and modality on the tree: "not"/"never" under the predicate, "no" on its noun ("no
// deal", "has no intention of lifting"), a modal auxiliary ("can", "will", "must"), and what the
// governing words say: a predicate that is the content of a negated or refusing verb or noun is
// not done, and the means of a possible act ("can take advantage by investing") is possible.
import { closedClass, closedClasses } from '../../text/closed-class.ts';
import { clausePlace } from './clause-role.ts';
import { baseRel, type SentenceTree } from './sentence-tree.ts';

export type TreeModality = 'asserted' | 'negated' | 'future' | 'hypothetical' | 'obligation';

/** What the tree says about whether a predicate's act took place, with the words that say it. */
export interface Polarity {
  modality: TreeModality;
  cues: string[];
}

const NEGATION = closedClass('negator');
const FUTURE = closedClass('modal-future');
const POSSIBLE = closedClasses(['modal-possibility', 'modal-ability']);
const OBLIGED = closedClass('modal-obligation');
// Verbs and nouns whose content did not happen ("refused to sign", "failed to reach").
const REFUSING = new Set(['refuse', 'decline', 'fail', 'deny', 'reject', 'avoid', 'refusal']);

/** The negation and modal words attached to `i` itself. */
function own(tree: SentenceTree, i: number): Polarity | null {
  for (const k of tree.kids[i] ?? []) {
    const w = tree.words[k]!;
    const rel = baseRel(tree, k);
    if ((rel === 'advmod' || rel === 'det' || rel === 'aux') && NEGATION.has(w.key))
      return { modality: 'negated', cues: [w.key] };
  }
  for (const k of tree.kids[i] ?? []) {
    const w = tree.words[k]!;
    if (baseRel(tree, k) !== 'aux') continue;
    if (FUTURE.has(w.key)) return { modality: 'future', cues: [w.key] };
    if (POSSIBLE.has(w.key)) return { modality: 'hypothetical', cues: [w.key] };
    if (OBLIGED.has(w.key)) return { modality: 'obligation', cues: [w.key] };
  }
  return null;
}

/**
 * The modality of predicate `p`. A noun's light verb and the words that govern its content
 * (`xcomp`, `acl`, a means clause "by …") pass theirs down; a reported clause keeps its own.
 */
export function polarityOf(tree: SentenceTree, p: number): Polarity {
  let i = p;
  for (let steps = 0; steps < 6 && i >= 0; steps++) {
    const found = own(tree, i);
    if (found) return found;
    const w = tree.words[i]!;
    if (w.head < 0) break;
    const h = tree.words[w.head]!;
    const rel = baseRel(tree, i);
    // A noun's verb: "reached no deal", "has no intention", "did not sign the accord".
    const objectOfVerb = (rel === 'obj' || w.deprel === 'nsubj:pass') && h.upos === 'VERB';
    const content = rel === 'xcomp' || rel === 'acl' || rel === 'ccomp';
    const means =
      rel === 'advcl' &&
      (tree.kids[i] ?? []).some((k) => /^(by|through)$/.test(tree.words[k]!.key));
    if (content && REFUSING.has(h.lemma)) return { modality: 'negated', cues: [h.key] };
    // A clause with a subject of its own ("made no comment, … that India backs …") keeps its own
    // polarity; only a subjectless content ("no intention of lifting") takes its governor's.
    const subject = (tree.kids[i] ?? []).some((k) => /^nsubj/.test(tree.words[k]!.deprel));
    if (content && subject) break;
    if (w.deprel === 'acl:relcl') break;
    // "will visit Chad and sign …": a conjunct with no subject or auxiliary of its own shares
    // its first conjunct's.
    if (rel === 'conj') {
      const bare = !(tree.kids[i] ?? []).some((k) =>
        /^(nsubj|aux|csubj)/.test(tree.words[k]!.deprel),
      );
      if (!bare) break;
      i = w.head;
      continue;
    }
    if (rel === 'ccomp' && clausePlace(tree, i).role === 'reported') break;
    if (objectOfVerb || content || means) {
      i = w.head;
      continue;
    }
    break;
  }
  return { modality: 'asserted', cues: [] };
}
