// Storing a document whole: its row, sentences, event mentions merged into stored events, and
// its other facts, in one transaction. Also the reverse (removing a document and what only it
// supported). Kept apart from ingest so imports that bring their own extraction can use it.
import { createHash } from 'node:crypto';
import { quadClass } from '../codes/plover.ts';
import type { Extraction, PloverType, Span } from '../extract/types.ts';
import { dateBounds, sameEventAsMentions, type MentionFacts } from '../merge/same-event.ts';
import { mentionFactsOfEvent } from '../store/conflicts.repo.ts';
import {
  correctionsOfDocument,
  hasCorrections,
  hasSplits,
  isSplitEvent,
  mergesInto,
  rekeyCorrection,
  rekeyMergeTargets,
  setCorrectionOutcome,
  type CorrectionRow,
} from '../store/corrections.repo.ts';
import type { Db } from '../store/db.ts';
import { deleteDocument, insertDocument, type DocumentRow } from '../store/documents.repo.ts';
import {
  addMentionToEvent,
  candidateEvents,
  deleteEvent,
  eventIdsOfDocument,
  eventOfMentionAt,
  insertEvent,
  insertMention,
  mentionsOfEvent,
  moveMentions,
  updateEventDate,
  updateEventFacts,
  type EventRow,
  type MentionFields,
} from '../store/events.repo.ts';
import { applyCorrections, type CorrectionOutcome } from './apply-corrections.ts';
import { insertFigures, insertProspects, insertStances } from '../store/facts.repo.ts';
import type { MergeIndex } from './merge-index.ts';
import { indexDocumentConflicts, refreshScopes, scopesTouchedBy } from './conflict-index.ts';
import type { DocumentClaims } from '../extract/index.ts';

/** The sha256 of a document's text: its id. */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function bounds(date: string | null): [string, string] | null {
  return dateBounds(date);
}

/** What a mention is made from: an extracted event, or an event read back from a ties export. */
export interface MentionInput {
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string | null;
  date: string | null;
  source: { code: string; text: string | null } | null;
  target: { code: string; text: string | null } | null;
  actors: string[];
  evidence: { start: number; end: number; text: string } | null;
  mentions?: { start: number; end: number; text: string }[];
  confidence: number;
  negated?: boolean;
}

/** The stored form of an event's mention in a document. */
export function mentionOf(documentId: string, e: MentionInput): MentionFields {
  const b = bounds(e.date);
  return {
    documentId,
    extractionId: e.id,
    type: e.type,
    mode: e.mode,
    cameo: e.cameo,
    date: b ? e.date : null,
    dateFirst: b?.[0] ?? null,
    dateLast: b?.[1] ?? null,
    source: e.source?.code ?? null,
    sourceText: e.source?.text ?? null,
    target: e.target?.code ?? null,
    targetText: e.target?.text ?? null,
    actors: e.actors.length
      ? e.actors
      : [e.source?.code, e.target?.code].filter((c): c is string => !!c),
    evidence: e.evidence
      ? { start: e.evidence.start, end: e.evidence.end, text: e.evidence.text }
      : null,
    moreEvidence: e.mentions ?? null,
    confidence: e.confidence,
    negated: e.negated === true,
  };
}

/** What the merge decision reads of a stored mention or event. */
export const factsOf = (
  m: Pick<MentionFields, 'type' | 'date' | 'actors' | 'source' | 'target'>,
  evidenceText: string | null,
): MentionFacts => ({
  type: m.type,
  date: m.date,
  actors: m.actors,
  source: m.source,
  target: m.target,
  evidenceText,
});

/** How many milliseconds a date interval spans (Infinity when undated): smaller is more precise. */
export const width = (first: string | null, last: string | null) =>
  first && last ? Date.parse(last) - Date.parse(first) : Infinity;

/** The most precise (narrowest) dated value among `dates`; the first wins a tie. */
export function mostPreciseDate<
  T extends { date: string | null; dateFirst: string | null; dateLast: string | null },
>(dates: T[]): T | null {
  let best: T | null = null;
  for (const d of dates) {
    if (!d.date) continue;
    if (!best || width(d.dateFirst, d.dateLast) < width(best.dateFirst, best.dateLast)) best = d;
  }
  return best;
}

/** How a mention is merged: `alone` stores it as an event of its own; with `splits`, events a split correction set apart take no other mention. */
interface MergeOptions {
  alone?: boolean;
  splits?: boolean;
}

/**
 * Stores one mention: into the best matching stored event (candidates from the index, the
 * decision from `sameEvent`), else as a new event. Events already holding a mention of this
 * document are skipped: within a document the extractor has already merged what is the same.
 * With `index`, the candidates come from memory and the index follows the writes.
 */
function mergeMention(
  db: Db,
  m: MentionFields,
  touched: Set<number>,
  index?: MergeIndex,
  options: MergeOptions = {},
): number {
  let best: { event: EventRow; score: number } | null = null;
  const facts = factsOf(m, m.evidence?.text ?? null);
  if (m.actors.length && !options.alone) {
    const candidates =
      index?.candidates(db, m) ??
      candidateEvents(db, m).map((event) => ({
        event,
        mentions: touched.has(event.id) ? [] : mentionFactsOfEvent(db, event.id),
      }));
    for (const { event, mentions } of candidates) {
      if (touched.has(event.id) || (options.splits && isSplitEvent(db, event.id))) continue;
      // Against the event's own mentions: their wording and people tell two visits in one year apart.
      const verdict = sameEventAsMentions(facts, mentions, factsOf(event, null));
      if (verdict.same && (!best || verdict.score > best.score))
        best = { event, score: verdict.score };
    }
  }
  // What a stored mention gives the merge when read back (mentionFactsOfEvent).
  const statement = { ...facts, sourceText: m.sourceText, targetText: m.targetText };
  if (!best) {
    // A new event starts as this mention's facts.
    const {
      documentId: _doc,
      extractionId: _id,
      evidence: _ev,
      moreEvidence: _more,
      ...fields
    } = m;
    const event = { ...fields, quad: quadClass(m.type) };
    const id = insertEvent(db, event, 1);
    insertMention(db, id, m);
    index?.created({ ...event, id, mentionCount: 1 }, statement);
    touched.add(id);
    return id;
  }
  const { event } = best;
  insertMention(db, event.id, m);
  const dated =
    m.date && width(m.dateFirst, m.dateLast) < width(event.dateFirst, event.dateLast) ? m : event;
  if (dated === m) updateEventDate(db, event.id, m.date, m.dateFirst, m.dateLast);
  addMentionToEvent(db, event.id, m.confidence);
  index?.merged(event.id, statement, {
    date: dated.date,
    dateFirst: dated.dateFirst,
    dateLast: dated.dateLast,
    mentionCount: event.mentionCount + 1,
    confidence: Math.max(event.confidence, m.confidence),
  });
  touched.add(event.id);
  return event.id;
}

/**
 * Recomputes a merged event from the mentions it has left: its date (the most precise), its
 * participants (the mention naming most), its confidence (the best) and count. An event left
 * without mentions is deleted; returns false then.
 */
export function recomputeEvent(db: Db, id: number): boolean {
  const mentions = mentionsOfEvent(db, id);
  const first = mentions[0];
  if (!first) {
    deleteEvent(db, id);
    return false;
  }
  const dated = mostPreciseDate(mentions);
  let widest = first;
  for (const m of mentions) if (m.actors.length > widest.actors.length) widest = m;
  updateEventFacts(
    db,
    id,
    {
      type: first.type,
      mode: first.mode,
      cameo: first.cameo,
      quad: quadClass(first.type as PloverType),
      date: dated?.date ?? null,
      dateFirst: dated?.dateFirst ?? null,
      dateLast: dated?.dateLast ?? null,
      source: widest.source,
      sourceText: widest.sourceText,
      target: widest.target,
      targetText: widest.targetText,
      actors: widest.actors,
      negated: first.negated,
      confidence: Math.max(...mentions.map((m) => m.confidence)),
    },
    mentions.length,
  );
  return true;
}

/** Makes two events one: the mentions of `drop` join `keep`, which is recomputed. */
export function mergeEvents(db: Db, keep: number, drop: number): void {
  if (keep === drop) return;
  moveMentions(db, drop, keep);
  deleteEvent(db, drop);
  recomputeEvent(db, keep);
}

/**
 * Removes a document and what only it supported: events left without mentions go, the others
 * are recomputed from the mentions they keep. Its corrections stay (a document stored again
 * under the same text gets them back); deleting them is the caller's decision. Returns the ids
 * of the events it deleted or recomputed.
 */
export function removeDocument(db: Db, id: string): number[] {
  return db.transaction(() => {
    const eventIds = eventIdsOfDocument(db, id);
    // Its claims and conflict inputs go with it (FK cascade); the groups they were in are detected again.
    const scopes = scopesTouchedBy(db, id);
    deleteDocument(db, id);
    for (const eventId of eventIds) recomputeEvent(db, eventId);
    refreshScopes(db, scopes);
    return eventIds;
  })();
}

const SHORT = 60;

/**
 * Moves the corrections of `oldId` (a document replaced by a changed version of its file) to the
 * same text in `doc`, the occurrence nearest the old span; a correction whose text is gone stays
 * on the old document as `orphaned`, with the reason, for the user to see.
 */
function relocateCorrections(db: Db, oldId: string, doc: DocumentRow): void {
  for (const c of correctionsOfDocument(db, oldId)) {
    let best = -1;
    for (
      let at = doc.text.indexOf(c.evidence.text);
      at >= 0;
      at = doc.text.indexOf(c.evidence.text, at + 1)
    ) {
      if (best < 0 || Math.abs(at - c.evidence.start) < Math.abs(best - c.evidence.start))
        best = at;
      if (!c.evidence.text) break;
    }
    if (best < 0) {
      const text =
        c.evidence.text.length > SHORT
          ? `${c.evidence.text.slice(0, SHORT - 1)}…`
          : c.evidence.text;
      setCorrectionOutcome(
        db,
        c.uid,
        'orphaned',
        `'${text}' is no longer in the changed document ${doc.path ?? doc.id.slice(0, 12)}`,
      );
      continue;
    }
    const key = { documentId: doc.id, start: best, end: best + c.evidence.text.length };
    rekeyMergeTargets(db, { documentId: oldId, start: c.evidence.start, end: c.evidence.end }, key);
    rekeyCorrection(db, c.uid, key);
  }
}

/** Performs the `merge` corrections touching a stored document; returns their outcomes. */
function performMerges(db: Db, merges: CorrectionRow[]): CorrectionOutcome[] {
  const out: CorrectionOutcome[] = [];
  for (const c of merges) {
    const other = c.value.with;
    const a = eventOfMentionAt(db, c.documentId, c.evidence.start, c.evidence.end);
    const b = other ? eventOfMentionAt(db, other.documentId, other.start, other.end) : null;
    if (a === null)
      out.push({
        uid: c.uid,
        status: 'unmatched',
        problem: 'no event is extracted from its span any more',
      });
    else if (b === null)
      out.push({
        uid: c.uid,
        status: 'unmatched',
        problem: 'the event it was merged with is not stored',
      });
    else {
      mergeEvents(db, Math.min(a, b), Math.max(a, b));
      out.push({ uid: c.uid, status: 'applied', problem: null });
    }
  }
  return out;
}

/** One document to store with what was extracted from it. */
export interface DocumentToStore {
  doc: DocumentRow;
  extraction: Extraction;
  sentences: Span[];
  /** Ids of older versions of the same path, removed first. */
  replace?: string[];
  /** The claims conflict detection compares; read from the text when missing. */
  claims?: DocumentClaims;
}

// A document's writes, inside a transaction the caller holds.
function writeDocument(
  db: Db,
  { doc, extraction, sentences, replace = [], claims }: DocumentToStore,
  index?: MergeIndex,
): number {
  const corrected = hasCorrections(db);
  for (const old of replace) {
    // Removing deletes and recomputes events: the index reads those again (only those: dropping
    // it whole made replacing a document cost reading every merge key it touched from the store).
    const changed = removeDocument(db, old);
    if (index) index.refresh(db, changed);
    if (corrected && old !== doc.id) relocateCorrections(db, old, doc);
  }
  if (!insertDocument(db, doc, sentences)) return 0;
  const touched = new Set<number>();
  if (!corrected) {
    for (const e of extraction.events) mergeMention(db, mentionOf(doc.id, e), touched, index);
  } else {
    const corrections = correctionsOfDocument(db, doc.id);
    const applied = applyCorrections(doc.text, extraction.events, corrections);
    const splits = corrections.some((c) => c.kind === 'split') || hasSplits(db);
    for (const e of applied.events)
      mergeMention(db, mentionOf(doc.id, e), touched, index, {
        alone: applied.split.has(e),
        splits,
      });
    const merges = [
      ...corrections.filter(
        (c) =>
          c.kind === 'merge' &&
          applied.outcomes.some((o) => o.uid === c.uid && o.status === 'applied'),
      ),
      ...mergesInto(db, doc.id),
    ];
    const merged = performMerges(db, merges);
    if (merged.length) index?.clear();
    const byUid = new Map([...applied.outcomes, ...merged].map((o) => [o.uid, o]));
    for (const o of byUid.values())
      setCorrectionOutcome(db, o.uid, o.status, o.problem, o.original);
  }
  insertProspects(
    db,
    doc.id,
    extraction.prospects.map((prospect) => ({ prospect, bounds: bounds(prospect.date) })),
  );
  insertFigures(
    db,
    doc.id,
    extraction.figures.map((figure) => ({ figure, bounds: bounds(figure.date) })),
  );
  insertStances(db, doc.id, extraction.stances);
  indexDocumentConflicts(db, doc, claims ?? null);
  return extraction.events.length;
}

/**
 * Stores a document with its sentences and everything extracted from it, in one transaction:
 * after a crash the document is there with all its facts, or not at all.
 */
export function storeDocument(
  db: Db,
  doc: DocumentRow,
  extraction: Extraction,
  sentences: Span[],
  replace: string[] = [],
  claims?: DocumentClaims,
): number {
  return db
    .transaction(() => writeDocument(db, { doc, extraction, sentences, replace, claims }))
    .immediate();
}

/**
 * Stores several documents in one transaction (a batch ingest): after a crash each is there with
 * all its facts or not at all, as with `storeDocument`, but the commit (every index page a
 * document touches, the FTS segment) is paid once per batch. With `index` (kept across the
 * batches of one ingest), the merge reads its candidates from memory. Returns each one's stored
 * mention count, or the error that kept it out; when one fails, the others are stored one at a time.
 */
export function storeDocuments(
  db: Db,
  items: DocumentToStore[],
  index?: MergeIndex,
): (number | Error)[] {
  try {
    return db
      .transaction(() => {
        index?.sync(db);
        return items.map((item) => writeDocument(db, item, index));
      })
      .immediate();
  } catch {
    // Rolled back whole, the index's view with it: store each alone so that only the failing document fails.
    index?.clear();
    return items.map((item) => {
      try {
        return storeDocument(
          db,
          item.doc,
          item.extraction,
          item.sentences,
          item.replace,
          item.claims,
        );
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  }
}
