// The claims conflict detection compares, read once when a document is stored: ranks with the
// event each is about, spans of years, period starts, and what each figure is about. Stored
// with the document (decision 0012), so no query re-reads its text.
import type { ExtractedEvent, Sentence, Span } from '../types.ts';
import { figureSubject, isPartOfTotal } from '../figures/subject.ts';
import { sentenceAt, type FactContext } from './context.ts';
import {
  findDurations,
  findPeriodStarts,
  type DurationFinding,
  type PeriodStartFinding,
} from './durations.ts';
import { findOrdinals, type OrdinalFinding } from './ordinals.ts';

/** A rank claim with the extracted event it ranks (its `id`), when one was found. */
export interface RankClaim extends OrdinalFinding {
  eventId: string | null;
}

/** What a figure is about ("Khojaly Massacre"), and whether it counts a part of a total. */
export interface FigureSubjectClaim {
  figureId: string;
  about: string | null;
  part: boolean;
}

/** A document's claims as conflict detection reads them. */
export interface DocumentClaims {
  ordinals: RankClaim[];
  durations: DurationFinding[];
  periodStarts: PeriodStartFinding[];
  subjects: FigureSubjectClaim[];
}

const distance = (a: Span, b: Span) =>
  a.end < b.start ? b.start - a.end : b.end < a.start ? a.start - b.end : 0;

/** An event as rank claims are attached to it: its id, evidence and participants. */
export interface ClaimEvent {
  id: string;
  evidence: Span;
  actors: string[];
}

/** A figure as its subject is read: its id and evidence. */
export interface ClaimFigure {
  id: string;
  evidence: Span;
}

/** An extracted event as a stored mention sees it: its actors, else its source and target (persist's `mentionOf`). */
export const claimEventOf = (e: ExtractedEvent): ClaimEvent => ({
  id: e.id,
  evidence: e.evidence,
  actors: e.actors.length
    ? e.actors
    : [e.source?.code, e.target?.code].filter((c): c is string => !!c),
});

/** Reads the claims of a document from the layers the pipeline found. */
export function findDocumentClaims(
  text: string,
  sentences: Sentence[],
  ctx: FactContext,
  events: readonly ClaimEvent[],
  figures: readonly ClaimFigure[],
): DocumentClaims {
  const ordinals = findOrdinals(text, sentences, ctx).map((o): RankClaim => {
    // The event the rank is about: same sentence, the holder taking part, nearest evidence.
    const sentence = sentenceAt(sentences, o.evidence.start);
    const event = events
      .filter((e) => sentence && e.evidence.start < sentence.end && e.evidence.end > sentence.start)
      .filter((e) => !o.holder || e.actors.includes(o.holder))
      .sort((a, b) => distance(a.evidence, o.evidence) - distance(b.evidence, o.evidence))[0];
    return { ...o, eventId: event?.id ?? null };
  });
  const subjects: FigureSubjectClaim[] = [];
  for (const f of figures) {
    const sentence = sentenceAt(sentences, f.evidence.start);
    const about = sentence ? figureSubject(text, sentence, f.evidence) : null;
    const part = sentence ? isPartOfTotal(text, sentence, f.evidence.start) : false;
    if (about || part) subjects.push({ figureId: f.id, about, part });
  }
  return {
    ordinals,
    durations: findDurations(text, sentences, ctx),
    periodStarts: findPeriodStarts(text, sentences, ctx),
    subjects,
  };
}
