// "Kenya has refused to attend the hearing", "X has begun a visit", "Ankara is threatening
// retaliation": a lede told in the present perfect or progressive with no date of its own
// reports what happened at the story's time of writing, so it takes the publication date
// (GUIDELINES: the exception for acts reported as happening when the story was written). Not
// one that spans a stretch ("has long backed", "has repeatedly urged", "has imposed … in recent
// years"), nor one inside a quotation, whose time is the speaker's.
import type { TimeMention } from '../../types.ts';
import { closedClass } from '../../text/closed-class.ts';
import { headOfSpan, type SentenceTree } from '../tree/sentence-tree.ts';
import { sentenceTree } from '../tree/of-sentence.ts';
import { labelOf, type DocumentState, type TriggerRefiner, type TriggerState } from './state.ts';

// Words that make a perfect span a stretch of time rather than report a recent act.
const STRETCH = new Set([
  'long',
  'repeatedly',
  'consistently',
  'always',
  'never',
  'often',
  'frequently',
  'ever',
  'since',
  'traditionally',
  'historically',
  'increasingly',
  'continually',
  'constantly',
  'years',
  'decades',
  'months',
  'weeks',
  'times',
]);

/** The verb that carries the trigger's tense: the trigger's own word, or a noun's verb. */
export function tensedVerb(tree: SentenceTree, t: TriggerState): number {
  const { tokens } = t.s;
  const at = t.hit.lightAt ?? t.hit.first;
  const i = headOfSpan(tree, tokens[at]!.start, tokens[t.hit.lightAt ?? t.hit.last]!.end);
  if (i < 0) return -1;
  const w = tree.words[i]!;
  if (w.upos === 'VERB') return i;
  // "has signed an agreement": the noun's verb.
  if (/^(obj|nsubj:pass)$/.test(w.deprel) && tree.words[w.head]?.upos === 'VERB') return w.head;
  return -1;
}

/** Whether the verb is in the present perfect or progressive, with no modal. */
export function presentAux(tree: SentenceTree, v: number): boolean {
  let present = false;
  const progressive = tree.words[v]!.key.endsWith('ing');
  for (const k of tree.kids[v] ?? []) {
    const w = tree.words[k]!;
    if (!w.deprel.startsWith('aux')) continue;
    if (PERFECT.has(w.key) || (progressive && PROGRESSIVE.has(w.key))) present = true;
    else if (w.lemma !== 'be') return false;
  }
  return present;
}

// The present auxiliaries: of the perfect ("has refused"), of the progressive ("is threatening").
const PERFECT = closedClass('have-present');
const PROGRESSIVE = closedClass('be-present');

/** "has long backed", "has for years urged": a modifier of the verb that makes it a stretch. */
function stretch(tree: SentenceTree, v: number): boolean {
  return (tree.kids[v] ?? []).some((k) => {
    if (!/^(advmod|obl|advcl)/.test(tree.words[k]!.deprel)) return false;
    return (
      STRETCH.has(tree.words[k]!.key) ||
      (tree.kids[k] ?? []).some((c) => STRETCH.has(tree.words[c]!.key))
    );
  });
}

/** The index of the document's lede: its first sentence that ends as a sentence does. */
export function ledeOf(doc: DocumentState): number {
  const { text, sentences } = doc.ctx;
  const lede = sentences.find((x) => /[.!?]["”’)]?\s*$/.test(text.slice(x.start, x.end)));
  return lede ? lede.index : -1;
}

/** Whether the sentence quotes someone at `at` (an odd number of quotation marks before it). */
function inQuotation(text: string, from: number, at: number): boolean {
  const before = text.slice(from, at);
  const straight = (before.match(/"/g) ?? []).length;
  const open = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > 0;
}

/** Dates a lede's undated act told in the present perfect or progressive by the publication date. */
export const ledePresent: TriggerRefiner = {
  name: 'lede-present',
  scope: 'trigger',
  run(t) {
    const { s, doc } = t;
    const date = doc.ctx.date;
    if (!date || t.modality.modality !== 'asserted') return undefined;
    if (t.times.length !== 1 || t.times[0] !== null) return undefined;
    const { tokens, sentence } = s;
    const from = t.hit.lightAt !== null ? Math.min(t.hit.lightAt, t.hit.first) : t.hit.first;
    if (!tokens.some((w, j) => j < from && (PERFECT.has(w.key) || PROGRESSIVE.has(w.key))))
      return undefined;
    // Only the lede: further on, a perfect is the story's background ("Ankara has threatened to
    // close the base in past tensions").
    if (s.sentence.index !== ledeOf(doc)) return undefined;
    // Any time word in the sentence, resolved or not, is the act's own business.
    if (s.times.length) return undefined;
    if (inQuotation(doc.text, sentence.start, t.trigger.start)) return undefined;
    const tree = sentenceTree(s);
    const v = tensedVerb(tree, t);
    if (v < 0 || !presentAux(tree, v) || stretch(tree, v)) return undefined;
    const mention: TimeMention = {
      start: t.trigger.start,
      end: t.trigger.end,
      text: 'the publication date',
      value: { first: date, last: date, precision: 'day' },
      anchor: 'document',
      rule: 'lede-present',
    };
    t.times = [mention];
    doc.trace?.(`date ${labelOf(t)}: the publication date, a lede told in the present`);
    return undefined;
  },
};
