// "… came during a two-day visit by Modi to Mauritius. … Mauritius conferred its highest honour
// on Modi, and the prime ministers signed eight pacts. Modi announced that India would invest …":
// the undated acts of a visit's parties in the sentences just after a dated visit are its acts,
// and take its date; a promise made there is dated by it too (dated-mentions). A date outside
// the visit's days, a new paragraph or a few sentences end the visit. A dated meeting, summit or
// round of talks (any act of consultation) is a visit too: "Their second summit was in February.
// Washington's call for … and Pyongyang's demand for … ended it without a deal".
import { labelOf, type TriggerRefiner, type TriggerState } from './state.ts';

/** How many sentences after the visit its acts may stand. */
const VISIT_REACH = 4;

const VISIT = /^(?:visit|trip|tour|state visit|official visit)/;

/** Whether the act opens a stretch of acts done there: a visit, or a meeting of its parties. */
function opensVisit(t: TriggerState): boolean {
  return VISIT.test(t.hit.entry.words) || t.hit.entry.type === 'CONSULT';
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
    if (v) {
      const range = v.date.value!;
      const outside = s.times.some(
        (d) => d.value && (d.value.first < range.first || d.value.last > range.last),
      );
      const gone =
        s.sentence.paragraph !== v.paragraph || s.sentence.index - v.sentence > VISIT_REACH;
      if (outside || gone) doc.visit = null;
    }
    const visit = doc.visit;
    if (
      visit &&
      t.times.length === 1 &&
      t.times[0] === null &&
      (m === 'asserted' || m === 'future') &&
      codes.length > 0 &&
      codes.every((c) => visit.codes.includes(c))
    ) {
      t.times = [visit.date];
      t.visitDate = visit.date;
      doc.trace?.(`date ${labelOf(t)}: '${visit.date.text}' from the visit it was done at`);
      return undefined;
    }
    const date = t.times.length === 1 ? t.times[0] : null;
    if (opensVisit(t) && date?.value && m === 'asserted' && codes.length > 1)
      doc.visit = {
        date,
        codes: [...new Set(codes)],
        sentence: s.sentence.index,
        paragraph: s.sentence.paragraph,
      };
    return undefined;
  },
};
