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

/**
 * Inserts a document with its sentence spans, and indexes the sentences' text for full-text
 * search (FTS rows `sentence_base + i`); returns false when a document with the same id (text
 * hash) exists, and then writes nothing.
 */
export function insertDocument(
  db: Db,
  doc: DocumentRow,
  spans: readonly { start: number; end: number }[],
): boolean {
  // After every stored document's sentences (ids are never reused while their document exists).
  const base = spans.length
    ? ((prepared(
        db,
        `SELECT sentence_base + json_array_length(sentences) FROM documents WHERE sentence_base IS NOT NULL ORDER BY sentence_base DESC LIMIT 1`,
      )
        .pluck()
        .get() as number | undefined) ?? 1)
    : null;
  const info = prepared(
    db,
    `INSERT INTO documents (id, title, date, format, path, url, kind, length, text, added_at, sentence_base, sentences)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO NOTHING`,
  ).run(
    doc.id,
    doc.title,
    doc.date,
    doc.format,
    doc.path,
    doc.url,
    doc.kind,
    doc.length,
    doc.text,
    doc.addedAt,
    base,
    JSON.stringify(spans.map((s) => [s.start, s.end])),
  );
  if (info.changes !== 1) return false;
  const fts = prepared(db, `INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)`);
  spans.forEach((s, i) => fts.run(base! + i, doc.text.slice(s.start, s.end)));
  return true;
}

/** The document with this id, with its text, or null. */
export function getDocument(db: Db, id: string): DocumentRow | null {
  return (
    (prepared(db, `SELECT ${COLUMNS}, text FROM documents WHERE id = ?`).get(id) as
      | DocumentRow
      | undefined) ?? null
  );
}

/** The document with this id without its text (a listing row's fields), or null. */
export function getDocumentMeta(db: Db, id: string): Omit<DocumentRow, 'text'> | null {
  return (
    (prepared(db, `SELECT ${COLUMNS} FROM documents WHERE id = ?`).get(id) as
      | Omit<DocumentRow, 'text'>
      | undefined) ?? null
  );
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

/** Ids of documents starting with `prefix` (at most `limit`). */
export function documentIdsWithPrefix(db: Db, prefix: string, limit: number): string[] {
  // A range on the primary key: hex ids sort like their prefixes.
  return prepared(db, `SELECT id FROM documents WHERE id >= ? AND id < ? ORDER BY id LIMIT ?`)
    .pluck()
    .all(prefix, `${prefix}g`, limit) as string[];
}

/** Renames a document. */
export function updateDocumentTitle(db: Db, id: string, title: string | null): void {
  prepared(db, `UPDATE documents SET title = ? WHERE id = ?`).run(title, id);
}

/** A page of documents, newest first, with their event mention counts. */
export function listDocuments(db: Db, limit: number, offset: number): DocumentListRow[] {
  return prepared(
    db,
    `SELECT ${COLUMNS}, (SELECT count(*) FROM mentions m WHERE m.document_id = d.id) AS events
       FROM documents d ORDER BY added_at DESC, id LIMIT ? OFFSET ?`,
  ).all(limit, offset) as DocumentListRow[];
}

/** How many documents are stored. */
export function countDocuments(db: Db): number {
  return prepared(db, `SELECT count(*) FROM documents`).pluck().get() as number;
}

/** How many sentences of a document are stored. */
export function countSentences(db: Db, documentId: string): number {
  return (
    (prepared(db, `SELECT json_array_length(sentences) FROM documents WHERE id = ?`)
      .pluck()
      .get(documentId) as number | undefined) ?? 0
  );
}

/**
 * SQL of the document row an FTS row (`rowid`) belongs to, and of that sentence's start and end
 * in the document `d`: the document with the greatest base not above the rowid (an index seek).
 */
export const SENTENCE_SQL = {
  documentOf: (rowid: string) =>
    `(SELECT rowid FROM documents WHERE sentence_base <= ${rowid} ORDER BY sentence_base DESC LIMIT 1)`,
  start: (d: string, rowid: string) =>
    `(${d}.sentences ->> printf('$[%d][0]', ${rowid} - ${d}.sentence_base))`,
  end: (d: string, rowid: string) =>
    `(${d}.sentences ->> printf('$[%d][1]', ${rowid} - ${d}.sentence_base))`,
  /** The FTS rowid of the sentence of document `doc` (an id) that contains `offset`. */
  at: (doc: string, offset: string) =>
    `(SELECT ds.sentence_base + max(j.key) FROM documents ds, json_each(ds.sentences) j WHERE ds.id = ${doc} AND (j.value ->> 0) <= ${offset})`,
};

/** Sentences matching an FTS5 query, best first, with a snippet marking the matched terms. */
export function searchSentences(db: Db, match: string, limit: number): SentenceHit[] {
  // The best hits first (FTS5 ranks and stops at the limit), then their documents.
  return prepared(
    db,
    `SELECT f.rowid AS sentenceId, d.id AS documentId, d.title AS documentTitle,
            ${SENTENCE_SQL.start('d', 'f.rowid')} AS start, ${SENTENCE_SQL.end('d', 'f.rowid')} AS "end", f.text, f.snippet, f.rank
     FROM (SELECT rowid, text, snippet(sentences_fts, 0, '[', ']', '…', 24) AS snippet, rank
           FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT ?) f
     JOIN documents d ON d.rowid = ${SENTENCE_SQL.documentOf('f.rowid')}
     ORDER BY f.rank`,
  ).all(match, limit) as SentenceHit[];
}
