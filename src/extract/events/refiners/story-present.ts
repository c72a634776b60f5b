// A news report goes on about the day it just named: "On Saturday, Erdogan spoke with Abbas. He
// denounced Israel …" dates the denouncing too, for an act asserted as done in the next sentence.
// A demand, accusation, rejection or threat reported by a saying ("X said Iran is defying …") is
// the story's news: its present, however far back that day was named. Carrying further (any
// act, any distance) cost precision on the dev stories. A day the sentence just before gave
// (sentence-present.ts), act or no act, dates its subject's undated acts: "Trump last week issued
// a string of tariff decisions. Trump at first imposed …". Only a day or a week: a month or a
// year the sentence named ("Last year Peru recalled its envoy") is a stretch the story moves on
// within, not the day of what it tells next.
// Never to an act told in the present perfect ("Algeria has since suspended …", "Bolivia has
// voiced concern"): further on than the lede, a perfect is background to the day, not on it.
import { isHostile } from '../transform.ts';
import { sentenceTree } from '../tree/of-sentence.ts';
import { closedClass } from '../../text/closed-class.ts';
import { presentAux, tensedVerb } from './lede-present.ts';
import { labelOf, type TriggerRefiner, type TriggerState } from './state.ts';

// The present auxiliaries of the perfect ("has", "'ve").
const PERFECT = closedClass('have-present');

/**
 * "Algeria has since suspended …": an act told in the present perfect. A sentence with no
 * present "have" among its words (the tree's words) has none, and is not parsed to say so.
 */
function perfect(t: TriggerState): boolean {
  if (!t.s.tokens.some((w) => PERFECT.has(w.key))) return false;
  const tree = sentenceTree(t.s);
  const v = tensedVerb(tree, t);
  return v >= 0 && presentAux(tree, v) && !tree.words[v]!.key.endsWith('ing');
}

// The acts a statement performs by being said (PLOVER's verbal types but for agreeing).
const SPEECH_ACTS = new Set(['REQUEST', 'ACCUSE', 'REJECT', 'THREATEN']);

/** Carries the story's present to an undated act; a dated asserted act sets the present. */
export const storyPresent: TriggerRefiner = {
  name: 'story-present',
  scope: 'trigger',
  run(t) {
    const { doc, s, own } = t;
    const present = doc.present;
    const asserted = t.modality.modality === 'asserted';
    // "Ankara's purchase of the S-400 violated …": a noun nothing but its possessor realises
    // names an act the story refers to, not one it reports.
    const reference = t.hit.nominal && t.hit.lightAt === null;
    const at = s.sentence.index;
    // "The official added that sanctions could follow": a hostile act the saying foresees is a
    // threat, made when the saying was.
    const threat =
      s.sayings.length > 0 &&
      (t.modality.modality === 'future' || t.modality.modality === 'hypothetical') &&
      isHostile(t.hit.entry.type);
    const undated = !reference && own[0] === null && own.length === 1 && (asserted || threat);
    // The day of the sentence just before, when no act of it set a later present.
    const day = doc.sentenceDay;
    const dayBefore =
      day &&
      day.sentence === at - 1 &&
      day.date.value?.precision === 'day' &&
      (!present || present.sentence < day.sentence) &&
      t.roles?.source &&
      day.subject.includes(t.roles.source.code)
        ? day
        : null;
    const carry = !undated
      ? null
      : dayBefore
        ? dayBefore.date
        : present &&
            (present.sentence >= at - 1 ||
              (s.sayings.length > 0 && SPEECH_ACTS.has(t.hit.entry.type)))
          ? present.date
          : null;
    // The tense last: only an act a present would date pays for reading it.
    const carried = carry && !perfect(t) ? carry : null;
    if (carried) {
      t.times = [carried];
      if (threat) t.said = carried;
      doc.trace?.(`date ${labelOf(t)}: '${carried.text}' carried from the story's present`);
    }
    if (own.length === 1 && own[0]?.value && own[0].anchor === 'document' && asserted)
      doc.present = { date: own[0], sentence: s.sentence.index };
    return undefined;
  },
};
