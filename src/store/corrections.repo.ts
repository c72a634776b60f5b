// Corrections: the user's layer over extracted facts, keyed to a mention (document hash and
// evidence span). Never written by extraction; read whenever a document is stored again.
import type { PloverType } from '../extract/types.ts';
import { prepared, type Db } from './db.ts';

/** The kinds of correction. */
export const CORRECTION_KINDS = [
  'reject',
  'type',
  'date',
  'participants',
  'split',
  'merge',
  'add',
] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

/** Whether a correction took effect the last time its document was stored. */
export type CorrectionStatus = 'applied' | 'unmatched' | 'pending' | 'orphaned';

/** A mention's key: its document (content hash) and evidence span. */
export interface MentionKey {
  documentId: string;
  start: number;
  end: number;
}

/** The facts of a mention a correction sets or remembers (codes; null where unset). */
export interface CorrectionFacts {
  type?: PloverType;
  mode?: string | null;
  cameo?: string | null;
  date?: string | null;
  source?: string | null;
  target?: string | null;
  actors?: string[];
  /** `merge`: the other mention. */
  with?: MentionKey;
}

/** A stored correction. */
export interface CorrectionRow {
  uid: string;
  documentId: string;
  evidence: { start: number; end: number; text: string };
  kind: CorrectionKind;
  value: CorrectionFacts;
  original: CorrectionFacts | null;
  note: string | null;
  author: string | null;
  createdAt: string;
  status: CorrectionStatus;
  problem: string | null;
}

interface RawCorrection {
  uid: string;
  documentId: string;
  start: number;
  end: number;
  text: string;
  kind: CorrectionKind;
  value: string;
  original: string | null;
  note: string | null;
  author: string | null;
  createdAt: string;
  status: CorrectionStatus;
  problem: string | null;
}

const COLUMNS = `c.uid, c.document_id AS documentId, c.evidence_start AS start, c.evidence_end AS "end",
  c.evidence_text AS text, c.kind, c.value, c.original, c.note, c.author, c.created_at AS createdAt, c.status, c.problem`;

const toRow = (r: RawCorrection): CorrectionRow => ({
  uid: r.uid,
  documentId: r.documentId,
  evidence: { start: r.start, end: r.end, text: r.text },
  kind: r.kind,
  value: JSON.parse(r.value) as CorrectionFacts,
  original: r.original ? (JSON.parse(r.original) as CorrectionFacts) : null,
  note: r.note,
  author: r.author,
  createdAt: r.createdAt,
  status: r.status,
  problem: r.problem,
});

/** Stores a correction; false when one with its uid is already stored (nothing is written). */
export function insertCorrection(db: Db, c: CorrectionRow): boolean {
  const info = prepared(
    db,
    `INSERT INTO corrections (uid, document_id, evidence_start, evidence_end, evidence_text, kind, value, original, note,
       author, created_at, status, problem)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (uid) DO NOTHING`,
  ).run(
    c.uid,
    c.documentId,
    c.evidence.start,
    c.evidence.end,
    c.evidence.text,
    c.kind,
    JSON.stringify(c.value),
    c.original ? JSON.stringify(c.original) : null,
    c.note,
    c.author,
    c.createdAt,
    c.status,
    c.problem,
  );
  return info.changes === 1;
}

/** The corrections of a document, oldest first (the order they apply in). */
export function correctionsOfDocument(db: Db, documentId: string): CorrectionRow[] {
  return (
    prepared(
      db,
      `SELECT ${COLUMNS} FROM corrections c WHERE c.document_id = ? ORDER BY c.created_at, c.id`,
    ).all(documentId) as RawCorrection[]
  ).map(toRow);
}

/** `merge` corrections of other documents whose other mention is in this document. */
export function mergesInto(db: Db, documentId: string): CorrectionRow[] {
  return (
    prepared(
      db,
      `SELECT ${COLUMNS} FROM corrections c WHERE c.kind = 'merge' AND c.value ->> '$.with.documentId' = ? AND c.document_id <> ?
       ORDER BY c.created_at, c.id`,
    ).all(documentId, documentId) as RawCorrection[]
  ).map(toRow);
}

/** Corrections matching a filter, oldest first. */
export function listCorrections(
  db: Db,
  filter: { documentId?: string; uids?: string[] } = {},
): CorrectionRow[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.documentId) {
    where.push('c.document_id = @doc');
    params.doc = filter.documentId;
  }
  if (filter.uids) {
    where.push('c.uid IN (SELECT value FROM json_each(@uids))');
    params.uids = JSON.stringify(filter.uids);
  }
  const sql = `SELECT ${COLUMNS} FROM corrections c ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at, c.id`;
  return (prepared(db, sql).all(params) as RawCorrection[]).map(toRow);
}

/** Records the outcome of applying a correction (and the extracted facts it changed). */
export function setCorrectionOutcome(
  db: Db,
  uid: string,
  status: CorrectionStatus,
  problem: string | null,
  original?: CorrectionFacts | null,
): void {
  if (original === undefined) {
    prepared(db, `UPDATE corrections SET status = ?, problem = ? WHERE uid = ?`).run(
      status,
      problem,
      uid,
    );
  } else {
    prepared(db, `UPDATE corrections SET status = ?, problem = ?, original = ? WHERE uid = ?`).run(
      status,
      problem,
      original ? JSON.stringify(original) : null,
      uid,
    );
  }
}

/** Moves a correction to another document or span (its document changed). */
export function rekeyCorrection(db: Db, uid: string, key: MentionKey): void {
  prepared(
    db,
    `UPDATE corrections SET document_id = ?, evidence_start = ?, evidence_end = ? WHERE uid = ?`,
  ).run(key.documentId, key.start, key.end, uid);
}

/** Points the `merge` corrections naming `from` as their other mention at `to`. */
export function rekeyMergeTargets(db: Db, from: MentionKey, to: MentionKey): void {
  prepared(
    db,
    `UPDATE corrections SET value = json_set(value, '$.with', json(?))
     WHERE kind = 'merge' AND value ->> '$.with.documentId' = ? AND value ->> '$.with.start' = ? AND value ->> '$.with.end' = ?`,
  ).run(JSON.stringify(to), from.documentId, from.start, from.end);
}

/** Deletes a correction; false when there was none. */
export function deleteCorrection(db: Db, uid: string): boolean {
  return prepared(db, `DELETE FROM corrections WHERE uid = ?`).run(uid).changes === 1;
}

/** Deletes every correction of a document; returns how many. */
export function deleteCorrectionsOfDocument(db: Db, documentId: string): number {
  return prepared(db, `DELETE FROM corrections WHERE document_id = ?`).run(documentId).changes;
}

/** True when any correction is stored (ingest skips its correction reads otherwise). */
export function hasCorrections(db: Db): boolean {
  return prepared(db, `SELECT 1 FROM corrections LIMIT 1`).get() !== undefined;
}

/** Events holding a mention a `split` correction set apart: no other mention merges into them. */
export function isSplitEvent(db: Db, eventId: number): boolean {
  return (
    prepared(
      db,
      `SELECT 1 FROM mentions m JOIN corrections c ON c.document_id = m.document_id AND c.evidence_start = m.evidence_start
         AND c.evidence_end = m.evidence_end AND c.kind = 'split'
       WHERE m.event_id = ? LIMIT 1`,
    ).get(eventId) !== undefined
  );
}

/** The applied corrections of the given events' mentions, with the event each belongs to. */
export function correctionsOfEvents(
  db: Db,
  eventIds: number[],
): (CorrectionRow & { eventId: number })[] {
  if (!eventIds.length) return [];
  const rows = prepared(
    db,
    `SELECT m.event_id AS eventId, ${COLUMNS} FROM mentions m
     JOIN corrections c ON c.document_id = m.document_id AND c.evidence_start = m.evidence_start AND c.evidence_end = m.evidence_end
     WHERE m.event_id IN (SELECT value FROM json_each(?)) AND c.status = 'applied'
     ORDER BY m.event_id, c.created_at, c.id`,
  ).all(JSON.stringify(eventIds)) as (RawCorrection & { eventId: number })[];
  return rows.map((r) => ({ ...toRow(r), eventId: r.eventId }));
}

/** Documents that have corrections, and how many each. */
export function documentsWithCorrections(db: Db): { documentId: string; count: number }[] {
  return prepared(
    db,
    `SELECT document_id AS documentId, count(*) AS count FROM corrections GROUP BY document_id ORDER BY document_id`,
  ).all() as {
    documentId: string;
    count: number;
  }[];
}

/** True when any `split` correction is stored. */
export function hasSplits(db: Db): boolean {
  return prepared(db, `SELECT 1 FROM corrections WHERE kind = 'split' LIMIT 1`).get() !== undefined;
}
