// Conflicts and the claims they are found from; plus the reads conflict detection and the
// per-pair figure and stance listings need from the mention, figure and stance tables.
import type { Evidence, ExtractedFigure } from '../extract/types.ts';
import type {
  Conflict,
  ConflictClaim,
  ConflictKind,
  FigureRecord,
  MentionRecord,
} from '../merge/conflicts.ts';
import type { MentionFacts } from '../merge/same-event.ts';
import { prepared, type Db } from './db.ts';
import { fromDay } from './days.ts';
import type { EventRow } from './events.repo.ts';

/** A document as claim scanning reads it. */
export interface ClaimDocument {
  id: string;
  title: string | null;
  date: string | null;
  text: string;
}

/** A stored claim of one document. */
export interface StoredClaim {
  documentId: string;
  kind: 'ordinal' | 'duration' | 'period' | 'subject';
  data: unknown;
  evidence: Evidence;
}

/** A stored conflict with its claims and events. */
export interface ConflictRow {
  id: number;
  key: string;
  kind: ConflictKind;
  summary: string;
  actors: string[];
  eventIds: number[];
  detectedAt: string;
  claims: (ConflictClaim & { documentTitle: string | null })[];
}

/** A figure as the per-pair listing shows it. */
export interface FigureRow extends Omit<ExtractedFigure, 'id' | 'about'> {
  id: number;
  documentId: string;
  documentTitle: string | null;
}

/** A stance as the per-pair listing shows it. */
export interface StanceRow {
  id: number;
  documentId: string;
  documentTitle: string | null;
  holder: string;
  holderText: string;
  polarity: 'support' | 'oppose';
  target: string | null;
  targetText: string | null;
  issue: string | null;
  evidence: Evidence;
}

/** Filter of conflict, figure and stance listings: `a` alone, or the pair `a`–`b`. */
export interface PairFilter {
  a?: string;
  b?: string;
}

/** What the store holds now, cheaply: changes whenever documents, mentions or figures do. */
export function storeFingerprint(db: Db): string {
  const row = prepared(
    db,
    `SELECT (SELECT count(*) FROM documents) AS d, (SELECT coalesce(max(id), 0) FROM mentions) AS m,
       (SELECT count(*) FROM mentions) AS mc, (SELECT coalesce(max(id), 0) FROM figures) AS f,
       (SELECT count(*) FROM figures) AS fc, (SELECT coalesce(sum(event_id), 0) FROM mentions) AS e`,
  ).get() as Record<string, number>;
  return `${row.d}:${row.m}:${row.mc}:${row.f}:${row.fc}:${row.e}`;
}

/** The fingerprint recorded at the last detection, or null. */
export function lastFingerprint(db: Db): string | null {
  return (
    (prepared(db, `SELECT fingerprint FROM conflict_state WHERE id = 1`).pluck().get() as
      | string
      | undefined) ?? null
  );
}

/** Documents whose claims were never read, or read by an older `version` of the finders. */
export function documentsToScan(db: Db, version: number): ClaimDocument[] {
  return prepared(
    db,
    `SELECT d.id, d.title, d.date, d.text FROM documents d
     LEFT JOIN claim_scans s ON s.document_id = d.id
     WHERE d.kind = 'text' AND (s.version IS NULL OR s.version < ?)
     ORDER BY d.id`,
  ).all(version) as ClaimDocument[];
}

/** A claim row as the queries below select it (short names for the evidence columns). */
interface ClaimRow {
  documentId: string;
  documentTitle: string | null;
  kind: StoredClaim['kind'];
  data: string;
  s: number;
  e: number;
  t: string;
}

/** A stored claim with its document's title, from its row. */
function claimOf(r: ClaimRow): StoredClaim & { documentTitle: string | null } {
  return {
    documentId: r.documentId,
    documentTitle: r.documentTitle,
    kind: r.kind,
    data: JSON.parse(r.data) as unknown,
    evidence: { start: r.s, end: r.e, text: r.t },
  };
}

/** Every stored claim, with its document's title. */
export function allClaims(db: Db): (StoredClaim & { documentTitle: string | null })[] {
  const rows = prepared(
    db,
    `SELECT c.document_id AS documentId, d.title AS documentTitle, c.kind, c.data, c.evidence_start AS s,
       c.evidence_end AS e, c.evidence_text AS t
     FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.document_id, c.evidence_start`,
  ).all() as ClaimRow[];
  return rows.map(claimOf);
}

/** Mentions that have evidence (all, or of one event or document), with their document's title. */
export function mentionRecords(
  db: Db,
  f: { eventId?: number; documentId?: string } = {},
): MentionRecord[] {
  const where =
    f.eventId !== undefined
      ? 'AND m.event_id = @eventId'
      : f.documentId !== undefined
        ? 'AND m.document_id = @documentId'
        : '';
  const rows = prepared(
    db,
    `SELECT m.id AS mentionId, m.event_id AS eventId, m.document_id AS documentId, d.title AS documentTitle,
       m.type, m.date, m.actors, m.source, m.target, m.evidence_start AS s, m.evidence_end AS e, m.evidence_text AS t
     FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.evidence_start IS NOT NULL ${where} ORDER BY m.id`,
  ).all({ eventId: f.eventId ?? null, documentId: f.documentId ?? null }) as (Omit<
    MentionRecord,
    'actors' | 'evidence'
  > & { actors: string; s: number; e: number; t: string })[];
  return rows.map(({ s, e, t, actors, ...r }) => ({
    ...r,
    actors: JSON.parse(actors) as string[],
    evidence: { start: s, end: e, text: t },
  }));
}

/** Every stored figure with its document's title: the input of figure conflicts. */
export function figureRecords(db: Db): FigureRecord[] {
  return listFigures(db, {}).map((f) => ({ ...f, about: null }));
}

const pairClause = (column: string, f: PairFilter) =>
  [
    f.a ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @a)` : '',
    f.b ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @b)` : '',
  ]
    .filter(Boolean)
    .join(' AND ') || '1';

/** Figures whose actors include `a` (and `b`), or of one document, in document then text order. */
export function listFigures(db: Db, f: PairFilter & { documentId?: string }): FigureRow[] {
  const rows = prepared(
    db,
    `SELECT x.id, x.document_id AS documentId, d.title AS documentTitle, x.measure, x.value, x.unit, x.qualifier, x.date,
       x.actors, x.evidence_start AS s, x.evidence_end AS e, x.evidence_text AS t
     FROM figures x JOIN documents d ON d.id = x.document_id
     WHERE ${pairClause('x.actors', f)} ${f.documentId !== undefined ? 'AND x.document_id = @documentId' : ''}
     ORDER BY d.added_at, x.document_id, x.evidence_start`,
  ).all({ a: f.a ?? null, b: f.b ?? null, documentId: f.documentId ?? null }) as (Omit<
    FigureRow,
    'actors' | 'evidence'
  > & { actors: string; s: number; e: number; t: string })[];
  return rows.map(({ s, e, t, actors, ...r }) => ({
    ...r,
    actors: JSON.parse(actors) as string[],
    evidence: { start: s, end: e, text: t },
  }));
}

/** Stances held by or about `a` (and between `a` and `b`, either way round). */
export function listStances(db: Db, f: PairFilter): StanceRow[] {
  const where =
    f.a && f.b
      ? `((x.holder = @a AND x.target = @b) OR (x.holder = @b AND x.target = @a))`
      : f.a
        ? `(x.holder = @a OR x.target = @a)`
        : '1';
  const rows = prepared(
    db,
    `SELECT x.id, x.document_id AS documentId, d.title AS documentTitle, x.holder, x.holder_text AS holderText, x.polarity,
       x.target, x.target_text AS targetText, x.issue, x.evidence_start AS s, x.evidence_end AS e, x.evidence_text AS t
     FROM stances x JOIN documents d ON d.id = x.document_id
     WHERE ${where} ORDER BY d.added_at, x.document_id, x.evidence_start`,
  ).all({ a: f.a ?? null, b: f.b ?? null }) as (Omit<StanceRow, 'evidence'> & {
    s: number;
    e: number;
    t: string;
  })[];
  return rows.map(({ s, e, t, ...r }) => ({ ...r, evidence: { start: s, end: e, text: t } }));
}

/**
 * Makes the stored conflicts exactly `found`: conflicts whose key is gone are deleted, new ones
 * inserted, kept ones keep their id. Records `fingerprint` as the state detected.
 */
export function syncConflicts(db: Db, found: Conflict[], fingerprint: string, now: string): void {
  const existing = new Map(
    (prepared(db, `SELECT id, key FROM conflicts`).all() as { id: number; key: string }[]).map(
      (r) => [r.key, r.id],
    ),
  );
  const keep = new Set(found.map((c) => c.key));
  const del = prepared(db, `DELETE FROM conflicts WHERE id = ?`);
  for (const [key, id] of existing) if (!keep.has(key)) del.run(id);
  const insert = prepared(
    db,
    `INSERT INTO conflicts (key, kind, summary, actors, detected_at) VALUES (?, ?, ?, ?, ?)`,
  );
  const claim = prepared(
    db,
    `INSERT INTO conflict_claims (conflict_id, position, document_id, evidence_start, evidence_end, evidence_text, value)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = prepared(
    db,
    `INSERT OR IGNORE INTO conflict_events (conflict_id, event_id) SELECT ?, id FROM events WHERE id = ?`,
  );
  const update = prepared(db, `UPDATE conflicts SET summary = ?, actors = ? WHERE id = ?`);
  for (const c of found) {
    const known = existing.get(c.key);
    if (known !== undefined) {
      update.run(c.summary, JSON.stringify(c.actors), known);
      for (const e of c.eventIds) event.run(known, e);
      continue;
    }
    const id = Number(
      insert.run(c.key, c.kind, c.summary, JSON.stringify(c.actors), now).lastInsertRowid,
    );
    c.claims.forEach((x, i) =>
      claim.run(id, i, x.documentId, x.evidence.start, x.evidence.end, x.evidence.text, x.value),
    );
    for (const e of c.eventIds) event.run(id, e);
  }
  prepared(
    db,
    `INSERT INTO conflict_state (id, fingerprint, detected_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, detected_at = excluded.detected_at`,
  ).run(fingerprint, now);
}

/** Stored conflicts about `a` (and `b`), or about one event, in key order. */
export function listConflicts(db: Db, f: ConflictFilter): ConflictRow[] {
  return pageConflicts(db, f, -1, null);
}

// Each conflict's claims (with their documents' titles) and events.
function withClaims(
  db: Db,
  rows: (Omit<ConflictRow, 'actors' | 'claims' | 'eventIds'> & { actors: string })[],
): ConflictRow[] {
  const claims = prepared(
    db,
    `SELECT cc.document_id AS documentId, d.title AS documentTitle, cc.evidence_start AS s, cc.evidence_end AS e,
       cc.evidence_text AS t, cc.value
     FROM conflict_claims cc JOIN documents d ON d.id = cc.document_id WHERE cc.conflict_id = ? ORDER BY cc.position`,
  );
  const events = prepared(
    db,
    `SELECT event_id FROM conflict_events WHERE conflict_id = ? ORDER BY event_id`,
  ).pluck();
  return rows.map((r) => ({
    ...r,
    actors: JSON.parse(r.actors) as string[],
    eventIds: events.all(r.id) as number[],
    claims: (
      claims.all(r.id) as {
        documentId: string;
        documentTitle: string | null;
        s: number;
        e: number;
        t: string;
        value: string;
      }[]
    ).map((x) => ({
      documentId: x.documentId,
      documentTitle: x.documentTitle,
      evidence: { start: x.s, end: x.e, text: x.t },
      value: x.value,
    })),
  }));
}

/** One merged event by id, or null (for `ties explain`). */
export function eventById(db: Db, id: number): EventRow | null {
  const r = prepared(
    db,
    `SELECT id, type, mode, cameo, quad, date, date_first AS dateFirst, date_last AS dateLast, source, source_text AS sourceText,
       target, target_text AS targetText, actors, negated, confidence, mention_count AS mentionCount
     FROM events WHERE id = ?`,
  ).get(id) as
    | (Omit<EventRow, 'actors' | 'negated' | 'dateFirst' | 'dateLast'> & {
        actors: string;
        negated: number;
        dateFirst: number | null;
        dateLast: number | null;
      })
    | undefined;
  if (!r) return null;
  return {
    ...r,
    actors: JSON.parse(r.actors) as string[],
    negated: r.negated === 1,
    dateFirst: fromDay(r.dateFirst),
    dateLast: fromDay(r.dateLast),
  };
}

/** What the merge decision needs of each stored mention of an event (`sameEventAsMentions`). */
export function mentionFactsOfEvent(db: Db, eventId: number): MentionFacts[] {
  const rows = prepared(
    db,
    // Repeated statements (one wire story in many papers) are compared once; 50 distinct ones
    // say all an event's sources can say about it.
    `SELECT type, date, actors, source, source_text AS sourceText, target, target_text AS targetText, evidence_text AS evidenceText
     FROM mentions WHERE event_id = ? GROUP BY evidence_text, date, source, target ORDER BY min(id) LIMIT 50`,
  ).all(eventId) as (Omit<MentionFacts, 'actors'> & { actors: string })[];
  return rows.map((r) => ({ ...r, actors: JSON.parse(r.actors) as string[] }));
}

/** A row of `conflict_inputs`: what a detector compares, in the group it is compared within. */
export interface ConflictInputRow {
  grp: string;
  kind: 'mention' | 'claim' | 'figure';
  ref: number;
  documentId: string;
  data?: unknown;
}

/** Stores one document's claims (replacing any) and records the version that read them; returns their ids in order. */
export function insertClaims(
  db: Db,
  documentId: string,
  version: number,
  claims: StoredClaim[],
): number[] {
  prepared(db, `DELETE FROM claims WHERE document_id = ?`).run(documentId);
  const insert = prepared(
    db,
    `INSERT INTO claims (document_id, kind, data, evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const ids = claims.map((c) =>
    Number(
      insert.run(
        documentId,
        c.kind,
        JSON.stringify(c.data),
        c.evidence.start,
        c.evidence.end,
        c.evidence.text,
      ).lastInsertRowid,
    ),
  );
  prepared(
    db,
    `INSERT INTO claim_scans (document_id, version) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET version = excluded.version`,
  ).run(documentId, version);
  return ids;
}

function insertConflictInputs(db: Db, rows: ConflictInputRow[]): void {
  const insert = prepared(
    db,
    `INSERT OR IGNORE INTO conflict_inputs (grp, kind, ref, document_id, data) VALUES (?, ?, ?, ?, ?)`,
  );
  for (const r of rows)
    insert.run(
      r.grp,
      r.kind,
      r.ref,
      r.documentId,
      r.data === undefined ? null : JSON.stringify(r.data),
    );
}

/** Replaces one document's conflict inputs. */
export function replaceConflictInputs(db: Db, documentId: string, rows: ConflictInputRow[]): void {
  prepared(db, `DELETE FROM conflict_inputs WHERE document_id = ?`).run(documentId);
  insertConflictInputs(db, rows);
}

/** Up to `limit` documents whose figures are grouped the way of before migration 0010. */
export function documentsToRegroupFigures(db: Db, limit: number): string[] {
  return prepared(db, `SELECT document_id FROM figure_regroup LIMIT ?`)
    .pluck()
    .all(limit) as string[];
}

/**
 * Replaces a document's figure inputs with `rows` and takes it off the list of documents to
 * group again; returns the groups its figures were in before.
 */
export function replaceFigureInputs(
  db: Db,
  documentId: string,
  rows: ConflictInputRow[],
): string[] {
  const old = prepared(
    db,
    `SELECT DISTINCT grp FROM conflict_inputs WHERE document_id = ? AND kind = 'figure'`,
  )
    .pluck()
    .all(documentId) as string[];
  prepared(db, `DELETE FROM conflict_inputs WHERE document_id = ? AND kind = 'figure'`).run(
    documentId,
  );
  insertConflictInputs(db, rows);
  prepared(db, `DELETE FROM figure_regroup WHERE document_id = ?`).run(documentId);
  return old;
}

/** What a document's subject claims say of its figures, by figure id. */
export function figureSubjects(
  db: Db,
  documentId: string,
): Map<number, { about: string | null; part: boolean }> {
  const rows = prepared(db, `SELECT data FROM claims WHERE document_id = ? AND kind = 'subject'`)
    .pluck()
    .all(documentId) as string[];
  const out = new Map<number, { about: string | null; part: boolean }>();
  for (const r of rows) {
    const d = JSON.parse(r) as { figureId: number; about: string | null; part?: boolean };
    out.set(d.figureId, { about: d.about, part: d.part === true });
  }
  return out;
}

/** A document's mention ids by the id its extraction gave each event. */
export function mentionIdsByExtraction(db: Db, documentId: string): Map<string, number> {
  const rows = prepared(
    db,
    `SELECT extraction_id AS x, id FROM mentions WHERE document_id = ? ORDER BY id`,
  ).all(documentId) as { x: string; id: number }[];
  return new Map(rows.map((r) => [r.x, r.id]));
}

/** A document's figure ids by the id its extraction gave each figure. */
export function figureIdsByExtraction(db: Db, documentId: string): Map<string, number> {
  const rows = prepared(
    db,
    `SELECT extraction_id AS x, id FROM figures WHERE document_id = ? ORDER BY id`,
  ).all(documentId) as { x: string; id: number }[];
  return new Map(rows.map((r) => [r.x, r.id]));
}

/** The input groups of one document. */
export function inputGroupsOfDocument(db: Db, documentId: string): string[] {
  return prepared(db, `SELECT DISTINCT grp FROM conflict_inputs WHERE document_id = ?`)
    .pluck()
    .all(documentId) as string[];
}

/** The merged events a document's mentions belong to. */
export function eventsOfDocumentMentions(db: Db, documentId: string): number[] {
  return prepared(db, `SELECT DISTINCT event_id FROM mentions WHERE document_id = ?`)
    .pluck()
    .all(documentId) as number[];
}

/** Type, participants and date of each dated mention of the given events (their date groups). */
export function datedMentionFactsOfEvents(
  db: Db,
  eventIds: number[],
): { type: string; actors: string[]; date: string }[] {
  const stmt = prepared(
    db,
    `SELECT DISTINCT type, actors, date FROM mentions WHERE event_id = ? AND evidence_start IS NOT NULL AND date IS NOT NULL`,
  );
  const out: { type: string; actors: string[]; date: string }[] = [];
  for (const id of eventIds) {
    for (const r of stmt.all(id) as { type: string; actors: string; date: string }[])
      out.push({ type: r.type, actors: JSON.parse(r.actors) as string[], date: r.date });
  }
  return out;
}

const MENTION_RECORD = `SELECT m.id AS mentionId, m.event_id AS eventId, m.document_id AS documentId, d.title AS documentTitle,
       m.type, m.date, m.actors, m.source, m.target, m.evidence_start AS s, m.evidence_end AS e, m.evidence_text AS t`;

const toMentionRecords = (rows: unknown[]) =>
  (
    rows as (Omit<MentionRecord, 'actors' | 'evidence'> & {
      actors: string;
      s: number;
      e: number;
      t: string;
    })[]
  ).map(({ s, e, t, actors, ...r }) => ({
    ...r,
    actors: JSON.parse(actors) as string[],
    evidence: { start: s, end: e, text: t },
  }));

/** Event, document and date of the mentions of one date group, each once. */
export function datesOfGroup(db: Db, grp: string): { e: number; d: string; t: string }[] {
  return prepared(
    db,
    `SELECT DISTINCT m.event_id AS e, m.document_id AS d, m.date AS t
     FROM conflict_inputs i JOIN mentions m ON m.id = i.ref WHERE i.grp = ? AND i.kind = 'mention'`,
  ).all(grp) as { e: number; d: string; t: string }[];
}

/**
 * The dated mentions of one date group, in id order, without their documents' titles: detection
 * does not show them, and the documents' rows (each with its text) are the pages least likely to
 * be in the cache of a large store.
 */
export function mentionsOfGroup(db: Db, grp: string): MentionRecord[] {
  return toMentionRecords(
    prepared(
      db,
      `SELECT m.id AS mentionId, m.event_id AS eventId, m.document_id AS documentId, NULL AS documentTitle,
         m.type, m.date, m.actors, m.source, m.target, m.evidence_start AS s, m.evidence_end AS e, m.evidence_text AS t
       FROM conflict_inputs i JOIN mentions m ON m.id = i.ref
       WHERE i.grp = ? AND i.kind = 'mention' ORDER BY m.id`,
    ).all(grp),
  );
}

/** The distinct dates of an event's mentions that have evidence. */
export function datesOfEvent(db: Db, eventId: number): string[] {
  return prepared(
    db,
    `SELECT DISTINCT date FROM mentions WHERE event_id = ? AND evidence_start IS NOT NULL AND date IS NOT NULL`,
  )
    .pluck()
    .all(eventId) as string[];
}

/** One page of an event's mentions that have evidence, in id order. */
export function mentionsOfEvent(db: Db, eventId: number, limit = -1, offset = 0): MentionRecord[] {
  return toMentionRecords(
    prepared(
      db,
      `${MENTION_RECORD} FROM mentions m JOIN documents d ON d.id = m.document_id
       WHERE m.event_id = ? AND m.evidence_start IS NOT NULL ORDER BY m.id LIMIT ? OFFSET ?`,
    ).all(eventId, limit, offset),
  );
}

/** How many of an event's mentions have evidence. */
export function countMentionsOfEvent(db: Db, eventId: number): number {
  return prepared(
    db,
    `SELECT count(*) FROM mentions WHERE event_id = ? AND evidence_start IS NOT NULL`,
  )
    .pluck()
    .get(eventId) as number;
}

/** Whether one document has mentions of both events. */
export function eventsShareDocument(db: Db, x: number, y: number): boolean {
  return (
    prepared(
      db,
      `SELECT EXISTS (SELECT 1 FROM mentions a WHERE a.event_id = ?
         AND EXISTS (SELECT 1 FROM mentions b WHERE b.document_id = a.document_id AND b.event_id = ?))`,
    )
      .pluck()
      .get(x, y) === 1
  );
}

/** A stored claim of one input group, with its document's title (claims of kind 'ordinal'). */
export function claimsOfGroup(
  db: Db,
  grp: string,
): (StoredClaim & { documentTitle: string | null; eventId: number | null })[] {
  const rows = prepared(
    db,
    `SELECT c.document_id AS documentId, d.title AS documentTitle, c.kind, c.data, c.evidence_start AS s, c.evidence_end AS e,
       c.evidence_text AS t, m.event_id AS eventId
     FROM conflict_inputs i JOIN claims c ON c.id = i.ref JOIN documents d ON d.id = c.document_id
     LEFT JOIN mentions m ON m.id = json_extract(c.data, '$.mentionId')
     WHERE i.grp = ? AND i.kind = 'claim' ORDER BY c.document_id, c.evidence_start, c.id`,
  ).all(grp) as (ClaimRow & { eventId: number | null })[];
  return rows.map((r) => ({ ...claimOf(r), eventId: r.eventId }));
}

/** One document's claims of the given kinds, with its title, in text order. */
export function claimsOfDocument(
  db: Db,
  documentId: string,
  kinds: StoredClaim['kind'][],
): (StoredClaim & { documentTitle: string | null })[] {
  const rows = prepared(
    db,
    `SELECT c.document_id AS documentId, d.title AS documentTitle, c.kind, c.data, c.evidence_start AS s, c.evidence_end AS e, c.evidence_text AS t
     FROM claims c JOIN documents d ON d.id = c.document_id
     WHERE c.document_id = ? AND c.kind IN (SELECT value FROM json_each(?)) ORDER BY c.evidence_start, c.id`,
  ).all(documentId, JSON.stringify(kinds)) as ClaimRow[];
  return rows.map(claimOf);
}

/** The figures of one input group, with what their subject claims say, in document then text order. */
export function figuresOfGroup(db: Db, grp: string): FigureRecord[] {
  const rows = prepared(
    db,
    `SELECT x.id, x.document_id AS documentId, d.title AS documentTitle, x.measure, x.value, x.unit, x.qualifier, x.date,
       x.actors, x.evidence_start AS s, x.evidence_end AS e, x.evidence_text AS t, i.data
     FROM conflict_inputs i JOIN figures x ON x.id = i.ref JOIN documents d ON d.id = x.document_id
     WHERE i.grp = ? AND i.kind = 'figure' ORDER BY d.added_at, x.document_id, x.evidence_start`,
  ).all(grp) as (Omit<FigureRecord, 'actors' | 'evidence'> & {
    actors: string;
    s: number;
    e: number;
    t: string;
    data: string | null;
  })[];
  return rows.map(({ s, e, t, actors, data, ...r }) => {
    const subject = data ? (JSON.parse(data) as { about: string | null; part: boolean }) : null;
    return {
      ...r,
      actors: JSON.parse(actors) as string[],
      evidence: { start: s, end: e, text: t },
      about: subject?.about ?? null,
      part: subject?.part ?? false,
    };
  });
}

/** Every group anything was detected in or could be: for a full re-detection. */
export function allScopes(db: Db): string[] {
  return prepared(
    db,
    `SELECT DISTINCT grp FROM conflict_inputs
     UNION SELECT DISTINCT 'event:' || event_id FROM mentions WHERE evidence_start IS NOT NULL
     UNION SELECT DISTINCT 'doc:' || document_id FROM claims WHERE kind IN ('duration', 'period')
     UNION SELECT DISTINCT scope FROM conflict_scopes`,
  )
    .pluck()
    .all() as string[];
}

/** Text documents whose claims were not read by this `version` of the finders. */
export function documentsWithoutClaims(db: Db, version: number, limit = -1): ClaimDocument[] {
  return prepared(
    db,
    `SELECT d.id, d.title, d.date, d.text FROM documents d
     WHERE d.kind = 'text' AND NOT EXISTS (SELECT 1 FROM claim_scans s WHERE s.document_id = d.id AND s.version >= ?)
     ORDER BY d.added_at, d.id LIMIT ?`,
  ).all(version, limit) as ClaimDocument[];
}

/** The keys of the conflicts found in one group. */
export function conflictKeysOfScope(db: Db, scope: string): string[] {
  return prepared(
    db,
    `SELECT c.key FROM conflict_scopes s JOIN conflicts c ON c.id = s.conflict_id WHERE s.scope = ?`,
  )
    .pluck()
    .all(scope) as string[];
}

/** The groups the conflict with `key` was found in. */
export function scopesOfConflictKey(db: Db, key: string): string[] {
  return prepared(
    db,
    `SELECT s.scope FROM conflicts c JOIN conflict_scopes s ON s.conflict_id = c.id WHERE c.key = ?`,
  )
    .pluck()
    .all(key) as string[];
}

/**
 * Makes the conflict with `key` what `c` says, found in `scopes` (sorted), or removes it when
 * `c` is null. A conflict already stored keeps its id and detection time, and is not written at
 * all when nothing about it changed.
 */
export function writeConflict(
  db: Db,
  key: string,
  c: Conflict | null,
  scopes: string[],
  now: string,
): void {
  const known = prepared(
    db,
    `SELECT id, summary, actors, detected_at AS detectedAt FROM conflicts WHERE key = ?`,
  ).get(key) as { id: number; summary: string; actors: string; detectedAt: string } | undefined;
  if (!c) {
    if (known) prepared(db, `DELETE FROM conflicts WHERE id = ?`).run(known.id);
    return;
  }
  if (known && known.summary === c.summary && known.actors === JSON.stringify(c.actors)) {
    const claims = prepared(
      db,
      `SELECT document_id AS d, evidence_start AS s, evidence_end AS e, value AS v
       FROM conflict_claims WHERE conflict_id = ? ORDER BY position`,
    ).all(known.id) as { d: string; s: number; e: number; v: string }[];
    const had = prepared(
      db,
      `SELECT scope FROM conflict_scopes WHERE conflict_id = ? ORDER BY scope`,
    )
      .pluck()
      .all(known.id) as string[];
    const same =
      claims.length === c.claims.length &&
      claims.every((x, i) => {
        const y = c.claims[i]!;
        return (
          x.d === y.documentId &&
          x.s === y.evidence.start &&
          x.e === y.evidence.end &&
          x.v === y.value
        );
      }) &&
      had.join('\n') === scopes.join('\n');
    if (same) return;
  }
  // Rewritten whole: conflict_pairs follows conflict_actors only as rows are inserted.
  if (known) prepared(db, `DELETE FROM conflicts WHERE id = ?`).run(known.id);
  const id = Number(
    prepared(
      db,
      `INSERT INTO conflicts (id, key, kind, summary, actors, detected_at) VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(
      known?.id ?? null,
      key,
      c.kind,
      c.summary,
      JSON.stringify(c.actors),
      known?.detectedAt ?? now,
    ).lastInsertRowid,
  );
  const claim = prepared(
    db,
    `INSERT INTO conflict_claims (conflict_id, position, document_id, evidence_start, evidence_end, evidence_text, value)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  c.claims.forEach((x, i) =>
    claim.run(id, i, x.documentId, x.evidence.start, x.evidence.end, x.evidence.text, x.value),
  );
  const event = prepared(
    db,
    `INSERT OR IGNORE INTO conflict_events (conflict_id, event_id) SELECT ?, id FROM events WHERE id = ?`,
  );
  for (const e of c.eventIds) event.run(id, e);
  const actor = prepared(
    db,
    `INSERT OR IGNORE INTO conflict_actors (code, conflict_id) VALUES (?, ?)`,
  );
  for (const a of c.actors) actor.run(a, id);
  const scope = prepared(db, `INSERT INTO conflict_scopes (scope, conflict_id) VALUES (?, ?)`);
  for (const g of scopes) scope.run(g, id);
}

/** Filter of the conflict listing: an actor, a pair, or one event. */
export interface ConflictFilter extends PairFilter {
  eventId?: number;
}

// An actor or a pair without an event: its conflicts are one range of conflict_pairs
// (migration 0008), in key order.
// Codes are strings: the pair's two ends in code order, or the actor alone with an empty end.
const pairRange = (f: ConflictFilter) => {
  if (f.a === undefined || f.eventId !== undefined || f.a === f.b) return null;
  if (f.b === undefined) return { a: f.a, b: '' };
  const [a, b] = [f.a, f.b].sort();
  return { a, b };
};

function conflictWhere(f: ConflictFilter): string {
  const clauses: string[] = [];
  if (f.a) clauses.push(`c.id IN (SELECT conflict_id FROM conflict_actors WHERE code = @a)`);
  if (f.b) clauses.push(`c.id IN (SELECT conflict_id FROM conflict_actors WHERE code = @b)`);
  if (f.eventId !== undefined)
    clauses.push(`c.id IN (SELECT conflict_id FROM conflict_events WHERE event_id = @eventId)`);
  return clauses.join(' AND ') || '1';
}

/** How many conflicts match `f`, by kind. */
export function countConflicts(db: Db, f: ConflictFilter): Record<ConflictKind, number> {
  const range = pairRange(f);
  const rows = range
    ? (prepared(
        db,
        `SELECT kind, count(*) AS n FROM conflict_pairs WHERE a = @a AND b = @b GROUP BY kind`,
      ).all(range) as { kind: ConflictKind; n: number }[])
    : countWhere(db, f);
  const out: Record<ConflictKind, number> = { arithmetic: 0, date: 0, figure: 0, ordinal: 0 };
  for (const r of rows) out[r.kind] = r.n;
  return out;
}

function countWhere(db: Db, f: ConflictFilter): { kind: ConflictKind; n: number }[] {
  return prepared(
    db,
    `SELECT c.kind, count(*) AS n FROM conflicts c WHERE ${conflictWhere(f)} GROUP BY c.kind`,
  ).all({
    a: f.a ?? null,
    b: f.b ?? null,
    eventId: f.eventId ?? null,
  }) as { kind: ConflictKind; n: number }[];
}

/** Conflicts matching `f` in key order, after the key `after`, at most `limit` (all when -1). */
export function pageConflicts(
  db: Db,
  f: ConflictFilter,
  limit: number,
  after: string | null,
): ConflictRow[] {
  const range = pairRange(f);
  const rows = prepared(
    db,
    range
      ? `SELECT c.id, c.key, c.kind, c.summary, c.actors, c.detected_at AS detectedAt
         FROM conflict_pairs p JOIN conflicts c ON c.id = p.conflict_id
         WHERE p.a = @pa AND p.b = @pb AND (@after IS NULL OR p.key > @after) ORDER BY p.key LIMIT @limit`
      : `SELECT c.id, c.key, c.kind, c.summary, c.actors, c.detected_at AS detectedAt FROM conflicts c
     WHERE ${conflictWhere(f)} AND (@after IS NULL OR c.key > @after) ORDER BY c.key LIMIT @limit`,
  ).all({
    a: f.a ?? null,
    b: f.b ?? null,
    pa: range?.a ?? null,
    pb: range?.b ?? null,
    eventId: f.eventId ?? null,
    after,
    limit,
  }) as (Omit<ConflictRow, 'actors' | 'claims' | 'eventIds'> & {
    actors: string;
  })[];
  return withClaims(db, rows);
}
