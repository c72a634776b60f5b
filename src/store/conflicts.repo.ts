// Conflicts and the claims they are found from; plus the reads conflict detection and the
// per-pair figure and stance listings need from the mention, figure and stance tables.
import type { Evidence } from '../extract/types.ts';
import type { Conflict, ConflictClaim, ConflictKind, FigureRecord, MentionRecord } from '../merge/conflicts.ts';
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
export interface FigureRow {
  id: number;
  documentId: string;
  documentTitle: string | null;
  measure: string;
  value: number;
  unit: string;
  qualifier: string | null;
  date: string | null;
  actors: string[];
  evidence: Evidence;
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
  return (prepared(db, `SELECT fingerprint FROM conflict_state WHERE id = 1`).pluck().get() as string | undefined) ?? null;
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

/** Replaces one document's claims and records the scan. */
export function replaceClaims(db: Db, documentId: string, version: number, claims: StoredClaim[]): void {
  prepared(db, `DELETE FROM claims WHERE document_id = ?`).run(documentId);
  const insert = prepared(
    db,
    `INSERT INTO claims (document_id, kind, data, evidence_start, evidence_end, evidence_text) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  for (const c of claims) insert.run(documentId, c.kind, JSON.stringify(c.data), c.evidence.start, c.evidence.end, c.evidence.text);
  prepared(db, `INSERT INTO claim_scans (document_id, version) VALUES (?, ?) ON CONFLICT (document_id) DO UPDATE SET version = excluded.version`).run(
    documentId,
    version,
  );
}

/** Every stored claim, with its document's title. */
export function allClaims(db: Db): (StoredClaim & { documentTitle: string | null })[] {
  const rows = prepared(
    db,
    `SELECT c.document_id AS documentId, d.title AS documentTitle, c.kind, c.data, c.evidence_start AS s,
       c.evidence_end AS e, c.evidence_text AS t
     FROM claims c JOIN documents d ON d.id = c.document_id ORDER BY c.document_id, c.evidence_start`,
  ).all() as { documentId: string; documentTitle: string | null; kind: StoredClaim['kind']; data: string; s: number; e: number; t: string }[];
  return rows.map((r) => ({
    documentId: r.documentId,
    documentTitle: r.documentTitle,
    kind: r.kind,
    data: JSON.parse(r.data) as unknown,
    evidence: { start: r.s, end: r.e, text: r.t },
  }));
}

/** Mentions that have evidence (all, or of one event or document), with their document's title. */
export function mentionRecords(db: Db, f: { eventId?: number; documentId?: string } = {}): MentionRecord[] {
  const where = f.eventId !== undefined ? 'AND m.event_id = @eventId' : f.documentId !== undefined ? 'AND m.document_id = @documentId' : '';
  const rows = prepared(
    db,
    `SELECT m.id AS mentionId, m.event_id AS eventId, m.document_id AS documentId, d.title AS documentTitle,
       m.type, m.date, m.actors, m.source, m.target, m.evidence_start AS s, m.evidence_end AS e, m.evidence_text AS t
     FROM mentions m JOIN documents d ON d.id = m.document_id
     WHERE m.evidence_start IS NOT NULL ${where} ORDER BY m.id`,
  ).all({ eventId: f.eventId ?? null, documentId: f.documentId ?? null }) as (Omit<MentionRecord, 'actors' | 'evidence'> & { actors: string; s: number; e: number; t: string })[];
  return rows.map(({ s, e, t, actors, ...r }) => ({ ...r, actors: JSON.parse(actors) as string[], evidence: { start: s, end: e, text: t } }));
}

/** Every stored figure with its document's title: the input of figure conflicts. */
export function figureRecords(db: Db): FigureRecord[] {
  return listFigures(db, {}).map((f) => ({ ...f, about: null }));
}

const pairClause = (column: string, f: PairFilter) =>
  [f.a ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @a)` : '', f.b ? `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = @b)` : '']
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
  ).all({ a: f.a ?? null, b: f.b ?? null, documentId: f.documentId ?? null }) as (Omit<FigureRow, 'actors' | 'evidence'> & { actors: string; s: number; e: number; t: string })[];
  return rows.map(({ s, e, t, actors, ...r }) => ({ ...r, actors: JSON.parse(actors) as string[], evidence: { start: s, end: e, text: t } }));
}

/** Stances held by or about `a` (and between `a` and `b`, either way round). */
export function listStances(db: Db, f: PairFilter): StanceRow[] {
  const where = f.a && f.b ? `((x.holder = @a AND x.target = @b) OR (x.holder = @b AND x.target = @a))` : f.a ? `(x.holder = @a OR x.target = @a)` : '1';
  const rows = prepared(
    db,
    `SELECT x.id, x.document_id AS documentId, d.title AS documentTitle, x.holder, x.holder_text AS holderText, x.polarity,
       x.target, x.target_text AS targetText, x.issue, x.evidence_start AS s, x.evidence_end AS e, x.evidence_text AS t
     FROM stances x JOIN documents d ON d.id = x.document_id
     WHERE ${where} ORDER BY d.added_at, x.document_id, x.evidence_start`,
  ).all({ a: f.a ?? null, b: f.b ?? null }) as (Omit<StanceRow, 'evidence'> & { s: number; e: number; t: string })[];
  return rows.map(({ s, e, t, ...r }) => ({ ...r, evidence: { start: s, end: e, text: t } }));
}

/**
 * Makes the stored conflicts exactly `found`: conflicts whose key is gone are deleted, new ones
 * inserted, kept ones keep their id. Records `fingerprint` as the state detected.
 */
export function syncConflicts(db: Db, found: Conflict[], fingerprint: string, now: string): void {
  const existing = new Map(
    (prepared(db, `SELECT id, key FROM conflicts`).all() as { id: number; key: string }[]).map((r) => [r.key, r.id]),
  );
  const keep = new Set(found.map((c) => c.key));
  const del = prepared(db, `DELETE FROM conflicts WHERE id = ?`);
  for (const [key, id] of existing) if (!keep.has(key)) del.run(id);
  const insert = prepared(db, `INSERT INTO conflicts (key, kind, summary, actors, detected_at) VALUES (?, ?, ?, ?, ?)`);
  const claim = prepared(
    db,
    `INSERT INTO conflict_claims (conflict_id, position, document_id, evidence_start, evidence_end, evidence_text, value)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const event = prepared(db, `INSERT OR IGNORE INTO conflict_events (conflict_id, event_id) SELECT ?, id FROM events WHERE id = ?`);
  const update = prepared(db, `UPDATE conflicts SET summary = ?, actors = ? WHERE id = ?`);
  for (const c of found) {
    const known = existing.get(c.key);
    if (known !== undefined) {
      update.run(c.summary, JSON.stringify(c.actors), known);
      for (const e of c.eventIds) event.run(known, e);
      continue;
    }
    const id = Number(insert.run(c.key, c.kind, c.summary, JSON.stringify(c.actors), now).lastInsertRowid);
    c.claims.forEach((x, i) => claim.run(id, i, x.documentId, x.evidence.start, x.evidence.end, x.evidence.text, x.value));
    for (const e of c.eventIds) event.run(id, e);
  }
  prepared(
    db,
    `INSERT INTO conflict_state (id, fingerprint, detected_at) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint, detected_at = excluded.detected_at`,
  ).run(fingerprint, now);
}

/** Stored conflicts about `a` (and `b`), or about one event; newest kinds first by id. */
export function listConflicts(db: Db, f: PairFilter & { eventId?: number; id?: number }): ConflictRow[] {
  const clauses = [pairClause('c.actors', f)];
  if (f.eventId !== undefined) clauses.push(`EXISTS (SELECT 1 FROM conflict_events ce WHERE ce.conflict_id = c.id AND ce.event_id = @eventId)`);
  if (f.id !== undefined) clauses.push(`c.id = @id`);
  const rows = prepared(
    db,
    `SELECT c.id, c.key, c.kind, c.summary, c.actors, c.detected_at AS detectedAt FROM conflicts c
     WHERE ${clauses.join(' AND ')} ORDER BY c.id`,
  ).all({ a: f.a ?? null, b: f.b ?? null, eventId: f.eventId ?? null, id: f.id ?? null }) as (Omit<ConflictRow, 'actors' | 'claims' | 'eventIds'> & {
    actors: string;
  })[];
  const claims = prepared(
    db,
    `SELECT cc.document_id AS documentId, d.title AS documentTitle, cc.evidence_start AS s, cc.evidence_end AS e,
       cc.evidence_text AS t, cc.value
     FROM conflict_claims cc JOIN documents d ON d.id = cc.document_id WHERE cc.conflict_id = ? ORDER BY cc.position`,
  );
  const events = prepared(db, `SELECT event_id FROM conflict_events WHERE conflict_id = ? ORDER BY event_id`).pluck();
  return rows.map((r) => ({
    ...r,
    actors: JSON.parse(r.actors) as string[],
    eventIds: events.all(r.id) as number[],
    claims: (claims.all(r.id) as { documentId: string; documentTitle: string | null; s: number; e: number; t: string; value: string }[]).map((x) => ({
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
  ).get(id) as (Omit<EventRow, 'actors' | 'negated' | 'dateFirst' | 'dateLast'> & { actors: string; negated: number; dateFirst: number | null; dateLast: number | null }) | undefined;
  if (!r) return null;
  return { ...r, actors: JSON.parse(r.actors) as string[], negated: r.negated === 1, dateFirst: fromDay(r.dateFirst), dateLast: fromDay(r.dateLast) };
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
