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
  eventKeys,
  eventsWithoutMentions,
  eventsById,
  eventOfMentionAt,
  insertEvent,
  insertMention,
  mentionsOfEvent,
  mentionsOfEvents,
  MERGE_MENTIONS,
  moveMentions,
  setMentionEvent,
  updateEventDate,
  updateEventFacts,
  type EventFields,
  type EventRow,
  type MentionFields,
  type StoredMention,
} from '../store/events.repo.ts';
import { fromDay, toDay } from '../store/days.ts';
import { groupMentions, type GroupedMention } from '../merge/regroup.ts';
import { applyCorrections, type CorrectionOutcome } from './apply-corrections.ts';
import { insertFigures, insertProspects, insertStances } from '../store/facts.repo.ts';
import type { MergeIndex } from './merge-index.ts';
import { storeClauseWording } from './clause-wording.ts';
import {
  indexDocumentConflicts,
  type WrittenMention,
  refreshScopes,
  scopesOfEvents,
  scopesTouchedBy,
} from './conflict-index.ts';
import type { DocumentClaims } from '../extract/index.ts';
import { spanKey } from '../extract/claims/clause-wording.ts';

/** The sha256 of a document's text: its id. */
export function documentId(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
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
  const b = dateBounds(e.date);
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
  /**
   * Collects the event of a mention that met any stored event (whether it joined one or not):
   * what the canonical grouping must look at. A mention that met none is an event alone, which
   * no order could group otherwise.
   */
  seeds?: Set<number>;
  /** Collects each stored mention with its id and event, for the conflict index to read. */
  written?: WrittenMention[];
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
  wording: string | null = null,
): number {
  let best: { event: EventRow; score: number } | null = null;
  let met = false;
  const facts = factsOf(m, m.evidence?.text ?? null);
  if (m.actors.length && !options.alone) {
    const candidates =
      index?.candidates(db, m) ??
      candidateEvents(db, m).map((event) => ({
        event,
        mentions: touched.has(event.id) ? [] : mentionFactsOfEvent(db, event.id),
      }));
    met = candidates.length > 0;
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
    const mentionId = insertMention(db, id, m, wording);
    options.written?.push({ mentionId, eventId: id, mention: m });
    index?.created({ ...event, id, mentionCount: 1 }, statement);
    touched.add(id);
    if (met) options.seeds?.add(id);
    return id;
  }
  const { event } = best;
  const mentionId = insertMention(db, event.id, m, wording);
  options.written?.push({ mentionId, eventId: event.id, mention: m });
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
  options.seeds?.add(event.id);
  return event.id;
}

/**
 * Recomputes a merged event from the mentions it has left: its date (the most precise), its
 * participants (the mention naming most), its confidence (the best) and count. An event left
 * without mentions is deleted; returns false then.
 */
export function recomputeEvent(db: Db, id: number): boolean {
  const mentions = mentionsOfEvent(db, id);
  if (!mentions.length) {
    deleteEvent(db, id);
    return false;
  }
  updateEventFacts(db, id, factsOfMentions(mentions), mentions.length);
  return true;
}

/**
 * An event's facts from its mentions: type, mode and CAMEO code of the first, the most precise
 * date, the participants of the mention naming most (the first on a tie), the best confidence.
 */
function factsOfMentions(mentions: StoredMention[]): EventFields {
  const first = mentions[0]!;
  const dated = mostPreciseDate(mentions);
  let widest = first;
  for (const m of mentions) if (m.actors.length > widest.actors.length) widest = m;
  return {
    type: first.type,
    mode: first.mode,
    cameo: first.cameo,
    quad: quadClass(first.type),
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
  };
}

const sameFacts = (a: EventFields, b: EventFields) =>
  a.type === b.type &&
  a.mode === b.mode &&
  a.cameo === b.cameo &&
  a.date === b.date &&
  a.dateFirst === b.dateFirst &&
  a.dateLast === b.dateLast &&
  a.source === b.source &&
  a.sourceText === b.sourceText &&
  a.target === b.target &&
  a.targetText === b.targetText &&
  a.actors.join() === b.actors.join() &&
  a.negated === b.negated &&
  a.confidence === b.confidence;

const byDocumentAndOffset = (a: StoredMention, b: StoredMention) =>
  (a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0) ||
  (a.evidence?.start ?? -1) - (b.evidence?.start ?? -1) ||
  (a.extractionId < b.extractionId ? -1 : a.extractionId > b.extractionId ? 1 : 0);

const grouped = (m: StoredMention): GroupedMention => ({
  id: m.id,
  documentId: m.documentId,
  start: m.evidence?.start ?? -1,
  extractionId: m.extractionId,
  first: toDay(m.dateFirst),
  last: toDay(m.dateLast),
  type: m.type,
  date: m.date,
  actors: m.actors,
  source: m.source,
  target: m.target,
  evidenceText: m.evidence?.text ?? null,
  sourceText: m.sourceText,
  targetText: m.targetText,
});

/**
 * Groups again, in the canonical order of `groupMentions`, every mention of the merge keys of
 * `seeds` (event ids) whose dates overlap theirs, transitively: what the greedy merge grouped by
 * arrival becomes what the same mentions give in any order (issue 15). Events keep their ids
 * where a group keeps most of an event's mentions; events left empty are deleted. Not done when
 * the store holds corrections: a split or merge a user made is not the merge's to undo.
 * Returns the ids of the events whose mentions changed (deleted ones included) and of every
 * event recomputed, for the conflict groups and the merge index to follow.
 */
export function regroupAround(
  db: Db,
  seeds: number[],
  index?: MergeIndex,
): { changed: number[]; touched: number[] } {
  const changed = new Set<number>();
  const touched = new Set<number>();
  if (!seeds.length || hasCorrections(db)) return { changed: [], touched: [] };
  const byKey = new Map<string, ReturnType<typeof eventKeys>>();
  for (const k of eventKeys(db, [...new Set(seeds)])) {
    const id = `${k.actor1}\u0000${k.actor2 ?? ''}\u0000${k.type}\u0000${k.negated ? 1 : 0}`;
    let list = byKey.get(id);
    if (!list) byKey.set(id, (list = []));
    list.push(k);
  }
  const done = new Set<number>();
  for (const keys of byKey.values()) {
    const key = keys[0]!;
    const events = new Set(keys.map((k) => k.id).filter((id) => !done.has(id)));
    if (!events.size) continue;
    const mentions = mentionsOfEvents(db, [...events]);
    // The closure: events of the key meeting the days of any mention gathered so far.
    for (let next = [...mentions]; next.length; ) {
      let first = Infinity;
      let last = -Infinity;
      let undated = false;
      for (const m of next) {
        const f = toDay(m.dateFirst);
        const l = toDay(m.dateLast);
        if (f === null || l === null) undated = true;
        else {
          first = Math.min(first, f);
          last = Math.max(last, l);
        }
      }
      const probe = {
        type: key.type,
        negated: key.negated,
        source: key.actor1,
        target: key.actor2,
        actors: [],
      };
      // From the merge index when it holds the key (a batch ingest), else by the window query.
      const meeting = (f: number | null, l: number | null) =>
        index?.meeting(db, { ...probe, dateFirst: null, dateLast: null }, f, l) ??
        candidateEvents(db, { ...probe, dateFirst: fromDay(f), dateLast: fromDay(l) }).map(
          (e) => e.id,
        );
      const found = [
        ...(undated ? meeting(null, null) : []),
        ...(first <= last ? meeting(first, last) : []),
      ].filter((id) => !events.has(id) && !done.has(id));
      for (const id of found) events.add(id);
      next = mentionsOfEvents(db, found);
      mentions.push(...next);
    }
    const held = new Set(mentions.map((m) => m.eventId));
    for (const id of held) done.add(id);
    const groups = groupMentions(mentions.map(grouped), MERGE_MENTIONS);
    const eventOf = new Map(mentions.map((m) => [m.id, m.eventId]));
    const byId = new Map(mentions.map((m) => [m.id, m]));
    const used = new Set<number>();
    const ids: number[] = [];
    for (const g of groups) {
      // The event holding most of the group's mentions keeps its id (the smallest on a tie).
      const count = new Map<number, number>();
      for (const m of g.members) {
        const e = eventOf.get(m.id)!;
        if (!used.has(e)) count.set(e, (count.get(e) ?? 0) + 1);
      }
      let id: number | null = null;
      for (const [e, n] of count)
        if (id === null || n > count.get(id)! || (n === count.get(id)! && e < id)) id = e;
      if (id === null) {
        const {
          documentId: _d,
          extractionId: _x,
          evidence: _e,
          moreEvidence: _m,
          ...fields
        } = byId.get(g.members[0]!.id)!;
        const { id: _id, eventId: _ev, ...facts } = fields;
        id = insertEvent(db, { ...facts, quad: quadClass(facts.type) }, 0);
        changed.add(id);
      }
      used.add(id);
      ids.push(id);
      for (const m of g.members) {
        const from = eventOf.get(m.id)!;
        if (from === id) continue;
        setMentionEvent(db, m.id, id);
        changed.add(from);
        changed.add(id);
      }
    }
    // Each group's event gets the facts its mentions give in the fixed order (not those of the
    // mention stored first); written only where they differ from what is stored.
    const rows = new Map(eventsById(db, [...used]).map((e) => [e.id, e]));
    groups.forEach((g, i) => {
      const id = ids[i]!;
      const members = g.members.map((m) => byId.get(m.id)!).sort(byDocumentAndOffset);
      const facts = factsOfMentions(members);
      const row = rows.get(id);
      if (!row || row.mentionCount !== members.length || !sameFacts(row, facts)) {
        updateEventFacts(db, id, facts, members.length);
        touched.add(id);
      }
    });
    for (const id of held)
      if (!used.has(id)) {
        deleteEvent(db, id);
        changed.add(id);
        touched.add(id);
      }
  }
  return { changed: [...changed], touched: [...touched] };
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
 * of the events it deleted or recomputed (with `later`, those it deleted: the others are left to
 * the batch's regrouping, which recomputes them and says so).
 */
export function removeDocument(db: Db, id: string, later?: Deferred): number[] {
  return db.transaction(() => {
    const eventIds = eventIdsOfDocument(db, id);
    // Its claims and conflict inputs go with it (FK cascade); the groups they were in are detected again.
    const scopes = scopesTouchedBy(db, id);
    deleteDocument(db, id);
    if (later) {
      // A batch regroups and detects once, after its documents are written. Events left empty
      // go now; the others keep their facts until the regrouping writes them from all their
      // mentions (it reads every event it is given, and these are seeds): recomputing each here
      // read every mention of an event once per replaced document reporting it.
      const empty = new Set(eventsWithoutMentions(db, eventIds));
      for (const e of eventIds) {
        if (empty.has(e)) deleteEvent(db, e);
        else later.seeds.add(e);
      }
      for (const g of scopes) later.scopes.add(g);
      return [...empty];
    }
    const left = eventIds.filter((eventId) => recomputeEvent(db, eventId));
    // A mention that bridged others is gone: what is left is grouped as if it never came.
    const { changed, touched } = regroupAround(db, left);
    refreshScopes(db, new Set([...scopes, ...scopesOfEvents(db, changed)]));
    return [...new Set([...eventIds, ...touched])];
  })();
}

/** What a batch does once for all its documents: the events to regroup, the scopes to detect. */
interface Deferred {
  seeds: Set<number>;
  scopes: Set<string>;
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
  /** The clause wording of evidence spans (`clauseWordingsOf`); a span missing is read here. */
  wordings?: Record<string, string>;
}

// A document's writes, inside a transaction the caller holds.
function writeDocument(
  db: Db,
  { doc, extraction, sentences, replace = [], claims, wordings = {} }: DocumentToStore,
  index?: MergeIndex,
  later?: Deferred,
): number {
  const seeds = later?.seeds;
  const corrected = hasCorrections(db);
  for (const old of replace) {
    // Removing deletes and recomputes events: the index reads those again (only those: dropping
    // it whole made replacing a document cost reading every merge key it touched from the store).
    // In a batch it only deletes: the index, like the events' rows, holds what the others were
    // until the regrouping rewrites them and the index follows. With corrections the old greedy
    // merge stands, so what is left is regrouped at once.
    const changed = removeDocument(db, old, corrected ? undefined : later);
    if (index) index.refresh(db, changed);
    if (corrected && old !== doc.id) relocateCorrections(db, old, doc);
  }
  if (!insertDocument(db, doc, sentences)) return 0;
  const touched = new Set<number>();
  const written: WrittenMention[] = [];
  // Rows stored without their clause's wording (a span the extraction thread did not read).
  let unread = 0;
  const wordingAt = (span: Span | null) => {
    const w = span ? wordings[spanKey(span)] : undefined;
    if (w === undefined) unread++;
    return w ?? null;
  };
  if (!corrected) {
    for (const e of extraction.events)
      mergeMention(
        db,
        mentionOf(doc.id, e),
        touched,
        index,
        { seeds, written },
        wordingAt(e.evidence),
      );
  } else {
    const corrections = correctionsOfDocument(db, doc.id);
    const applied = applyCorrections(doc.text, extraction.events, corrections);
    const splits = corrections.some((c) => c.kind === 'split') || hasSplits(db);
    for (const e of applied.events)
      mergeMention(
        db,
        mentionOf(doc.id, e),
        touched,
        index,
        { alone: applied.split.has(e), splits, written },
        wordingAt(e.evidence),
      );
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
    extraction.prospects.map((prospect) => ({
      prospect,
      bounds: dateBounds(prospect.date),
      wording: wordingAt(prospect.evidence),
    })),
  );
  insertFigures(
    db,
    doc.id,
    extraction.figures.map((figure) => ({ figure, bounds: dateBounds(figure.date) })),
  );
  insertStances(db, doc.id, extraction.stances);
  // What the fulfilment check compares of each clause is read now, not when prospects are listed
  // (by the extraction thread, as a rule: here only for rows it did not read).
  if (unread) storeClauseWording(db, doc.id);
  // With corrections, merges may have moved the mentions since: the index reads them back.
  const fresh = corrected ? undefined : written;
  indexDocumentConflicts(db, doc, claims ?? null, undefined, later?.scopes, fresh);
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
  wordings?: Record<string, string>,
): number {
  return db
    .transaction(
      () => writeDocuments(db, [{ doc, extraction, sentences, replace, claims, wordings }])[0]!,
    )
    .immediate();
}

// Documents' writes, then the canonical grouping of every merge key they touched (once for the
// batch, not once a document), inside a transaction the caller holds.
function writeDocuments(db: Db, items: DocumentToStore[], index?: MergeIndex): number[] {
  const later: Deferred = { seeds: new Set(), scopes: new Set() };
  const counts = items.map((item) => writeDocument(db, item, index, later));
  // Seeds a later write deleted are skipped: regrouping reads only the events still there.
  const { changed, touched } = regroupAround(db, [...later.seeds], index);
  const scopes = new Set([...later.scopes, ...scopesOfEvents(db, changed)]);
  if (scopes.size) refreshScopes(db, scopes);
  if (touched.length) index?.refresh(db, touched);
  return counts;
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
        return writeDocuments(db, items, index);
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
          item.wordings,
        );
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    });
  }
}
