// "… came during a two-day visit by Modi to Mauritius. … Mauritius conferred its highest honour
// on Modi, and the prime ministers signed eight pacts. Modi announced that India would invest …":
// the undated acts of a visit's parties in the sentences just after a dated visit are its acts,
// and take its date; a promise made there is dated by it too (dated-mentions). A date outside
// the visit's days, a new paragraph or a few sentences end the visit. A dated meeting, summit or
// round of talks (any act of consultation) is a visit too: "Their second summit was in February.
// Washington's call for … and Pyongyang's demand for … ended it without a deal".
// A visit or meeting the lede tells of is what the whole document reports (a press release:
// "On 14 March, Minister X held a meeting with Y. … 2. Y thanked Japan and invited X to visit"):
// its parties' acts told in the simple past take its date in every paragraph after it, until a
// date outside it; a perfect ("has long supported") or a bare noun there is background.
import { IRREGULAR_PASTS } from '../inflect.ts';
import type { SentenceTree } from '../tree/sentence-tree.ts';
import { sentenceTree } from '../tree/of-sentence.ts';
import { ledeOf, tensedVerb } from './lede-present.ts';
import { labelOf, type TriggerRefiner, type TriggerState } from './state.ts';

/** How many sentences after the visit its acts may stand. */
const VISIT_REACH = 4;

const VISIT = /^(?:visit|trip|tour|state visit|official visit)/;

/** Whether the act opens a stretch of acts done there: a visit, or a meeting of its parties. */
function opensVisit(t: TriggerState): boolean {
  return VISIT.test(t.hit.entry.words) || t.hit.entry.type === 'CONSULT';
}

const PASTS = new Set(IRREGULAR_PASTS);

/** Whether verb `v` is told in the simple past: "signed", "met", "were signed"; not "has signed". */
function simplePast(tree: SentenceTree, v: number): boolean {
  const w = tree.words[v]!;
  if (/^(xcomp|acl|amod|csubj)/.test(w.deprel)) return false;
  let passive = false;
  for (const k of tree.kids[v] ?? []) {
    const a = tree.words[k]!;
    if (a.deprel === 'mark' && a.key === 'to') return false;
    if (!a.deprel.startsWith('aux')) continue;
    if (a.key === 'was' || a.key === 'were') passive = true;
    else return false;
  }
  return passive || w.key.endsWith('ed') || PASTS.has(w.key);
}

/** Whether the act is told in the simple past, as a release tells what was done at its meeting. */
function toldInPast(t: TriggerState): boolean {
  const tree = sentenceTree(t.s);
  const v = tensedVerb(tree, t);
  return v >= 0 && simplePast(tree, v);
}

/** Dates an undated act of a visit's parties by the visit; a dated visit opens one. */
export const visitActs: TriggerRefiner = {
  name: 'visit-acts',
  scope: 'trigger',
  run(t) {
    const { doc, s } = t;
    const codes = t.roles?.codes ?? [];
    const m = t.modality.modality;
    const v = doc.visit;
    let far = false;
    if (v) {
      const range = v.date.value!;
      const outside = s.times.some(
        (d) => d.value && (d.value.first < range.first || d.value.last > range.last),
      );
      const gone =
        s.sentence.paragraph !== v.paragraph || s.sentence.index - v.sentence > VISIT_REACH;
      if (outside || (gone && !v.lede)) doc.visit = null;
      far = gone;
    }
    const visit = doc.visit;
    if (
      visit &&
      t.times.length === 1 &&
      t.times[0] === null &&
      (m === 'asserted' || m === 'future') &&
      codes.length > 0 &&
      codes.every((c) => visit.codes.includes(c)) &&
      (!far || (m === 'asserted' && toldInPast(t)))
    ) {
      t.times = [visit.date];
      t.visitDate = visit.date;
      doc.trace?.(`date ${labelOf(t)}: '${visit.date.text}' from the visit it was done at`);
      return undefined;
    }
    const date = t.times.length === 1 ? t.times[0] : null;
    if (opensVisit(t) && date?.value && m === 'asserted' && codes.length > 1 && !doc.visit?.lede)
      doc.visit = {
        lede: s.sentence.index <= ledeOf(doc) + 1,
        date,
        codes: [...new Set(codes)],
        sentence: s.sentence.index,
        paragraph: s.sentence.paragraph,
      };
    return undefined;
  },
};
