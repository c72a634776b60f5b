// A conjunct with no date of its own shares the one that stands before both verbs ("In 1930
// Venizelos visited Ankara and signed a treaty"). So does a clause of the same moment ("X and Y
// on Thursday signed a deal, as Modi held talks with Biden"), and a visit named by its participle
// right after the act done to the visitor ("On 3 May X assured visiting Y …"), and the meeting
// an act was done at ("On 3 May X and Y agreed at a summit …").
import type { TimeMention } from '../../types.ts';
import { attributiveVisit } from '../subordinate.ts';
import { meetingAt } from './parties-from-context.ts';
import type { TriggerRefiner, TriggerState } from './state.ts';

/**
 * "X condemned the crackdown, as eight protesters were killed Friday": a clause of the same
 * moment after the act dates it, by its first date counted from the document date.
 */
function sameMomentAfter(t: TriggerState): TimeMention | null {
  const { tokens, times } = t.s;
  const k = tokens.findIndex(
    (w, j) => j > t.hit.last && /^(as|while)$/.test(w.key) && tokens[j - 1]?.key === ',',
  );
  if (k < 0) return null;
  const from = tokens[k]!.end;
  const next = tokens.findIndex((w, j) => j > k && (w.key === ',' || w.key === ';'));
  const to = next < 0 ? Infinity : tokens[next]!.start;
  return (
    times.find(
      (d) => d.start >= from && d.end <= to && d.value && d.anchor === 'document' && !d.possessive,
    ) ?? null
  );
}

/** Sets the date an undated trigger shares with the verb before it. */
export const sharedDate: TriggerRefiner = {
  name: 'shared-date',
  scope: 'trigger',
  run(t) {
    const { leading, tokens } = t.s;
    if (t.dates.length) return undefined;
    if (!leading) {
      t.shared = sameMomentAfter(t);
      return undefined;
    }
    if (t.conjunct) {
      t.shared = leading.hit === t.conjunct.verb ? leading.date : null;
      return undefined;
    }
    if (
      (leading.hit.last + 1 === t.hit.first && attributiveVisit(t.hit, tokens, t.doc.text)) ||
      meetingAt(t.s, t.hit, leading.hit) >= 0
    ) {
      t.shared = leading.own;
      return undefined;
    }
    const between = tokens.slice(leading.hit.last + 1, t.hit.first);
    const sameMoment = between.some(
      (w, k) => /^(as|while)$/.test(w.key) && between[k - 1]?.key === ',',
    );
    t.shared = sameMoment ? leading.own : sameMomentAfter(t);
    return undefined;
  },
};
