// Documents and their sentences (with the FTS5 index over sentence text).
import { prepared, type Db } from './db.ts';

/** A document row as the services see it. */
export interface DocumentRow {
  id: string;
  title: string | null;
  date: string | null;
  format: 'txt' | 'md' | 'html';
  path: string | null;
  url: string | null;
  kind: 'text' | 'gdelt' | 'import';
  length: number;
  text: string;
  addedAt: string;
}

/** A document in a listing: no text, with its count of event mentions. */
export type DocumentListRow = Omit<DocumentRow, 'text'> & { events: number };

/** A sentence hit of a full-text search. */
export interface SentenceHit {
  sentenceId: number;
  documentId: string;
  documentTitle: string | null;
  start: number;
  end: number;
  text: string;
  snippet: string;
  rank: number;
}

const COLUMNS = `id, title, date, format, path, url, kind, length, added_at AS addedAt`;

/** Inserts a document; returns false when a document with the same id (text hash) exists. */
export function insertDocument(db: Db, doc: DocumentRow): boolean {
  const info = prepared(db, 
      `INSERT INTO documents (id, title, date, format, path, url, kind, length, text, added_at)
       VALUES (@id, @title, @date, @format, @path, @url, @kind, @length, @text, @addedAt)
       ON CONFLICT (id) DO NOTHING`,
    )
    .run(doc);
  return info.changes === 1;
}

/** The document with this id, with its text, or null. */
export function getDocument(db: Db, id: string): DocumentRow | null {
  return (prepared(db, `SELECT ${COLUMNS}, text FROM documents WHERE id = ?`).get(id) as DocumentRow | undefined) ?? null;
}

/** True when a document with this id is stored. */
export function hasDocument(db: Db, id: string): boolean {
  return prepared(db, `SELECT 1 FROM documents WHERE id = ?`).get(id) !== undefined;
}

/** Ids of the documents ingested from `path`. */
export function documentIdsByPath(db: Db, path: string): string[] {
  return prepared(db, `SELECT id FROM documents WHERE path = ?`).pluck().all(path) as string[];
}

/** Deletes a document; its sentences, mentions and facts go with it (cascade). */
export function deleteDocument(db: Db, id: string): void {
  prepared(db, `DELETE FROM documents WHERE id = ?`).run(id);
}

/** A page of documents, newest first, with their event mention counts. */
export function listDocuments(db: Db, limit: number, offset: number): DocumentListRow[] {
  return prepared(db, 
      `SELECT ${COLUMNS}, (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS events
       FROM documents d ORDER BY added_at DESC, id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as DocumentListRow[];
}

/** How many documents are stored. */
export function countDocuments(db: Db): number {
  return prepared(db, `SELECT count(*) FROM documents`).pluck().get() as number;
}

/** Stores a document's sentence spans and indexes their text for full-text search. */
export function insertSentences(db: Db, documentId: string, text: string, spans: { start: number; end: number }[]): void {
  const row = prepared(db, `INSERT INTO sentences (document_id, start, "end") VALUES (?, ?, ?)`);
  const fts = prepared(db, `INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)`);
  for (const s of spans) {
    const id = row.run(documentId, s.start, s.end).lastInsertRowid;
    fts.run(id, text.slice(s.start, s.end));
  }
}

/** How many sentences of a document are stored. */
export function countSentences(db: Db, documentId: string): number {
  return prepared(db, `SELECT count(*) FROM sentences WHERE document_id = ?`).pluck().get(documentId) as number;
}

/** Sentences matching an FTS5 query, best first, with a snippet marking the matched terms. */
export function searchSentences(db: Db, match: string, limit: number): SentenceHit[] {
  return prepared(db, 
      `SELECT s.id AS sentenceId, s.document_id AS documentId, d.title AS documentTitle,
              s.start, s."end" AS "end", f.text,
              snippet(sentences_fts, 0, '[', ']', '…', 24) AS snippet, f.rank AS rank
       FROM sentences_fts f
       JOIN sentences s ON s.id = f.rowid
       JOIN documents d ON d.id = s.document_id
       WHERE sentences_fts MATCH ?
       ORDER BY f.rank LIMIT ?`,
    )
    .all(match, limit) as SentenceHit[];
}
