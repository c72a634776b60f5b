// Ingest: read a document, extract its facts, and store it whole in one transaction, merging its
// event mentions into the events already stored. The extraction runs before the transaction so
// the write lock is held only for the inserts.
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { isTiesError, TiesError } from '../errors.ts';
import { extract } from '../extract/index.ts';
import { formatOf, readDocument } from '../extract/input/index.ts';
import { splitSentences } from '../extract/text/sentences.ts';
import type { Db } from '../store/db.ts';
import { documentIdsByPath, getDocument, type DocumentRow } from '../store/documents.repo.ts';
import { documentId, storeDocument } from './persist.service.ts';

export { documentId };

/** A document to ingest, as bytes (a file, an HTTP body) or already-decoded text. */
export interface IngestInput {
  bytes?: Uint8Array;
  text?: string;
  /** File name or path: picks the format from its extension. */
  name?: string;
  /** Where it came from; a changed file at the same path replaces the old document. */
  path?: string | null;
  url?: string | null;
  format?: 'txt' | 'md' | 'html';
  title?: string | null;
  /** Publication date `YYYY-MM-DD`, the anchor of relative dates. */
  date?: string | null;
  kind?: 'text' | 'gdelt' | 'import';
}

/** The document part of an ingest outcome. */
export type DocumentMeta = Omit<DocumentRow, 'text'>;

/** What ingesting one document did. */
export interface IngestOutcome {
  document: DocumentMeta;
  /** False when a document with the same text was already stored (nothing changed). */
  added: boolean;
  /** Ids of older versions of the same path that this one replaced. */
  replaced: string[];
  /** Event mentions stored for the document (0 when not added). */
  events: number;
}


const meta = ({ text: _text, ...rest }: DocumentRow): DocumentMeta => rest;

/** Reads, extracts and stores one document. Same text again is a no-op; a changed file replaces its old version. */
export function ingestDocument(db: Db, input: IngestInput): IngestOutcome {
  const read =
    input.text !== undefined
      ? readDocument(new TextEncoder().encode(input.text), { name: input.name, format: input.format })
      : readDocument(input.bytes ?? new Uint8Array(), { name: input.name, format: input.format });
  if (!read.text.trim()) throw new TiesError('BAD_INPUT', `${input.name ?? 'the document'} is empty`);
  const id = documentId(read.text);
  const existing = getDocument(db, id);
  if (existing) return { document: meta(existing), added: false, replaced: [], events: 0 };

  // A date given with the document wins over the one a page declares in its metadata.
  const date = input.date ?? read.date;
  const extraction = extract({ text: read.text, title: input.title ?? read.title, date });
  const fallbackTitle = input.path ? basename(input.path, extname(input.path)) : null;
  const doc: DocumentRow = {
    id,
    title: input.title ?? read.title ?? extraction.document.title ?? fallbackTitle,
    date: date ?? extraction.document.date ?? null,
    format: read.format,
    path: input.path ?? null,
    url: input.url ?? null,
    kind: input.kind ?? 'text',
    length: read.text.length,
    text: read.text,
    addedAt: new Date().toISOString(),
  };
  const replaced = input.path ? documentIdsByPath(db, input.path).filter((old) => old !== id) : [];
  const events = storeDocument(db, doc, extraction, splitSentences(read.text), replaced);
  return { document: meta(doc), added: true, replaced, events };
}

/** The outcome of one file of a batch ingest. */
export type FileOutcome =
  | { path: string; status: 'added' | 'unchanged'; outcome: IngestOutcome }
  | { path: string; status: 'failed'; reason: string };

/** The totals of a batch ingest. */
export interface IngestSummary {
  added: number;
  unchanged: number;
  replaced: number;
  failed: { path: string; reason: string }[];
  events: number;
}

/** Options of `ingestPaths`. */
export interface IngestPathsOptions {
  date?: string | null;
  /** Called once the file list is known, then after each file. */
  onStart?: (total: number) => void;
  onFile?: (result: FileOutcome, done: number, total: number) => void;
}

/** Every readable document under `paths` (folders recursively, in name order); missing paths fail. */
export async function listDocumentFiles(paths: string[]): Promise<{ files: string[]; missing: { path: string; reason: string }[] }> {
  const files: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && formatOf(e.name) && /\.(txt|md|html?)$/i.test(e.name)) files.push(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    try {
      const s = await stat(full);
      if (s.isDirectory()) await walk(full);
      else files.push(full);
    } catch (e) {
      missing.push({ path: p, reason: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message });
    }
  }
  return { files: [...new Set(files)], missing };
}

/** Ingests files and folders one document at a time; a failing file is reported, not fatal. */
export async function ingestPaths(db: Db, paths: string[], options: IngestPathsOptions = {}): Promise<IngestSummary> {
  const { files, missing } = await listDocumentFiles(paths);
  const summary: IngestSummary = { added: 0, unchanged: 0, replaced: 0, failed: [...missing], events: 0 };
  options.onStart?.(files.length);
  let done = 0;
  for (const path of files) {
    let result: FileOutcome;
    try {
      const outcome = ingestDocument(db, { bytes: await readFile(path), name: path, path, date: options.date ?? null });
      result = { path, status: outcome.added ? 'added' : 'unchanged', outcome };
      if (outcome.added) summary.added++;
      else summary.unchanged++;
      summary.replaced += outcome.replaced.length;
      summary.events += outcome.events;
    } catch (e) {
      // Any error, even a bug in the extractor, fails only this file: a batch must not be stuck on one document.
      const reason = isTiesError(e) ? e.message : `${(e as Error).name}: ${(e as Error).message}`;
      result = { path, status: 'failed', reason };
      summary.failed.push({ path, reason: result.reason });
    }
    options.onFile?.(result, ++done, files.length);
  }
  return summary;
}
