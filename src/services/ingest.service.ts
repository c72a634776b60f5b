// Ingest: read a document, extract its facts, and store it whole in one transaction, merging its
// event mentions into the events already stored. The extraction runs before the transaction so
// the write lock is held only for the inserts.
import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { availableParallelism } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { isTiesError, TiesError } from '../errors.ts';
import { readDocument, type ReadDocument } from '../extract/input/index.ts';
import type { Db } from '../store/db.ts';
import { hasCorrections, listCorrections } from '../store/corrections.repo.ts';
import { documentIdsByPath, getDocumentMeta, type DocumentRow } from '../store/documents.repo.ts';
import {
  documentId,
  storeDocument,
  storeDocuments,
  type DocumentToStore,
} from './persist.service.ts';
import { MergeIndex } from './merge-index.ts';
import {
  ExtractPool,
  extractForStore,
  NoThreadError,
  THREAD_LIMITS,
  type Extracted,
} from './workers/extract-pool.ts';
import { checkDocumentSize, MAX_DOCUMENT_BYTES } from './limits.ts';
import { streamZip, zipEntries } from '../interop/zip.ts';
import type { ResourceLimits } from 'node:worker_threads';

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
  /** True when the text was stored already and is re-extracted because its date changed. */
  redated?: boolean;
  /** Its corrections that could not be re-applied, with why (present when it has any). */
  corrections?: { applied: number; problems: { uid: string; kind: string; problem: string }[] };
}

const meta = ({ text: _text, ...rest }: DocumentRow): DocumentMeta => rest;

/** An input decoded and hashed: enough to know whether it is already stored, before extracting it. */
interface ReadInput {
  input: IngestInput;
  read: ReadDocument;
  id: string;
}

/** Decodes an input and hashes its text; bad input throws its one-line error. */
function readInput(input: IngestInput): ReadInput {
  const read =
    input.text !== undefined
      ? readDocument(new TextEncoder().encode(input.text), {
          name: input.name,
          format: input.format,
        })
      : readDocument(input.bytes ?? new Uint8Array(), { name: input.name, format: input.format });
  if (!read.text.trim())
    throw new TiesError('BAD_INPUT', `${input.name ?? 'the document'} is empty`);
  return { input, read, id: documentId(read.text) };
}

/** What the extractor is given for a read input. */
function extractJob({ input, read }: ReadInput) {
  return { text: read.text, title: input.title ?? read.title, date: input.date ?? null };
}

/**
 * The outcome of an input whose text is already stored, or null (the stored text is not read).
 * A stored text given another date is not unchanged: it is re-extracted with that date.
 */
function storedOutcome(db: Db, id: string, date?: string | null): IngestOutcome | null {
  const existing = getDocumentMeta(db, id);
  if (!existing || (date && date !== existing.date)) return null;
  return { document: existing, added: false, replaced: [], events: 0 };
}

// Extracting (here, unless a worker already did), before any write: either the document is
// already stored, or here is what to store.
function prepare(
  db: Db,
  r: ReadInput,
  extracted?: Extracted,
): { outcome: IngestOutcome; item?: DocumentToStore } {
  const stored = storedOutcome(db, r.id, r.input.date);
  if (stored) return { outcome: stored };
  const { input, read, id } = r;
  // The same text with a new date: stored again in place, keeping its title and when it was added.
  const previous = getDocumentMeta(db, id);
  const { extraction, sentences, claims, wordings } = extracted ?? extractForStore(extractJob(r));
  const date = input.date ?? null;
  const fallbackTitle = input.path ? basename(input.path, extname(input.path)) : null;
  const doc: DocumentRow = {
    id,
    title:
      input.title ?? previous?.title ?? read.title ?? extraction.document.title ?? fallbackTitle,
    date: date ?? extraction.document.date ?? null,
    format: read.format,
    path: input.path ?? null,
    url: input.url ?? null,
    kind: input.kind ?? 'text',
    length: read.text.length,
    text: read.text,
    addedAt: previous?.addedAt ?? new Date().toISOString(),
  };
  const replaced = input.path ? documentIdsByPath(db, input.path).filter((old) => old !== id) : [];
  return {
    outcome: {
      document: meta(doc),
      added: !previous,
      replaced,
      events: extraction.events.length,
      ...(previous ? { redated: true } : {}),
    },
    item: {
      doc,
      extraction,
      sentences,
      replace: previous ? [...replaced, id] : replaced,
      claims,
      wordings,
    },
  };
}

/** Reads, extracts and stores one document. Same text again is a no-op; a changed file replaces its old version. */
export function ingestDocument(db: Db, input: IngestInput): IngestOutcome {
  return store(db, prepare(db, readInput(input)));
}

// Stores what `prepare` made, in one transaction, and says how many mentions it stored.
function store(db: Db, { outcome, item }: ReturnType<typeof prepare>): IngestOutcome {
  if (!item) return outcome;
  const events = storeDocument(
    db,
    item.doc,
    item.extraction,
    item.sentences,
    item.replace,
    item.claims,
    item.wordings,
  );
  return withCorrections(db, { ...outcome, events });
}

/** Adds what became of the document's corrections (and of those of the versions it replaced). */
function withCorrections(db: Db, outcome: IngestOutcome): IngestOutcome {
  if (!hasCorrections(db)) return outcome;
  const rows = [outcome.document.id, ...outcome.replaced].flatMap((documentId) =>
    listCorrections(db, { documentId }),
  );
  if (!rows.length) return outcome;
  const problems = rows
    .filter((c) => c.status !== 'applied')
    .map((c) => ({ uid: c.uid, kind: c.kind, problem: c.problem ?? c.status }));
  return { ...outcome, corrections: { applied: rows.length - problems.length, problems } };
}

/**
 * `ingestDocument` with the extraction on a thread of `pool` (when none could start, here): the
 * caller's event loop keeps serving while a big document is extracted. Storing is still here,
 * whole in one transaction; a text stored meanwhile by another call is reported unchanged.
 */
export async function ingestDocumentOffThread(
  db: Db,
  input: IngestInput,
  pool: Pick<ExtractPool, 'run'>,
): Promise<IngestOutcome> {
  const r = readInput(input);
  const stored = storedOutcome(db, r.id, input.date);
  if (stored) return stored;
  let extracted: Extracted | undefined;
  try {
    extracted = await pool.run(extractJob(r));
  } catch (e) {
    if (!(e instanceof NoThreadError)) throw e;
  }
  return store(db, prepare(db, r, extracted));
}

/**
 * `ingestDocument` for several documents, stored in one transaction (each still whole or not at
 * all after a crash): a small document's commit costs more than its inserts. Each input gets its
 * outcome or the error that kept it out, in order.
 */
export function ingestDocuments(db: Db, inputs: IngestInput[]): (IngestOutcome | Error)[] {
  const results: (IngestOutcome | Error)[] = [];
  const batch = new Batch(db, (index, r) => (results[index] = r));
  inputs.forEach((input, index) => batch.add(index, () => readInput(input)));
  batch.flush();
  return results;
}

// Documents read and extracted, waiting for their common transaction.
class Batch {
  private pending: { index: number; outcome: IngestOutcome; item: DocumentToStore }[] = [];
  private readonly ids = new Map<string, IngestOutcome>();
  private readonly paths = new Set<string>();
  // The merge's candidates, in memory across this ingest's batches.
  private readonly index = new MergeIndex();

  constructor(
    private readonly db: Db,
    private readonly settle: (index: number, result: IngestOutcome | Error) => void,
  ) {}

  get size(): number {
    return this.pending.length;
  }

  /**
   * Extracts what `read` gives (unless `extracted` is already its extraction) and queues it;
   * settles it at once when nothing is to be stored, or with the error reading or extracting threw.
   */
  add(index: number, read: ReadInput | (() => ReadInput), extracted?: Extracted): void {
    try {
      const r = typeof read === 'function' ? read() : read;
      const { input } = r;
      // A second version of a path in the batch must see the first stored, to replace it.
      if (input.path && this.paths.has(input.path)) this.flush();
      const { outcome, item } = prepare(this.db, r, extracted);
      if (!item) return this.settle(index, outcome);
      const twin = this.ids.get(item.doc.id);
      // The same text twice in one batch: the second is unchanged, as when stored one by one.
      if (twin)
        return this.settle(index, {
          document: twin.document,
          added: false,
          replaced: [],
          events: 0,
        });
      this.ids.set(item.doc.id, outcome);
      if (input.path) this.paths.add(input.path);
      this.pending.push({ index, outcome, item });
    } catch (e) {
      this.settle(index, e instanceof Error ? e : new Error(String(e)));
    }
  }

  /** Stores the pending documents in one transaction and settles them. */
  flush(): void {
    const pending = this.pending;
    this.pending = [];
    this.ids.clear();
    this.paths.clear();
    if (!pending.length) return;
    const stored = storeDocuments(
      this.db,
      pending.map((p) => p.item),
      this.index,
    );
    pending.forEach((p, i) => {
      const r = stored[i];
      this.settle(
        p.index,
        r instanceof Error ? r : withCorrections(this.db, { ...p.outcome, events: r ?? 0 }),
      );
    });
  }
}

/** The outcome of one file of a batch ingest. */
export type FileOutcome =
  | {
      path: string;
      status: 'added' | 'unchanged' | 'redated';
      outcome: IngestOutcome;
      warnings: string[];
    }
  | { path: string; status: 'failed'; reason: string };

/** The totals of a batch ingest. */
export interface IngestSummary {
  added: number;
  unchanged: number;
  replaced: number;
  /** Stored texts re-extracted with a new `--date`. */
  redated: number;
  failed: { path: string; reason: string }[];
  events: number;
  /** Corrections that could not be re-applied to the documents ingested, with why. */
  correctionProblems: { path: string; kind: string; problem: string }[];
}

/** Options of `ingestPaths`. */
export interface IngestPathsOptions {
  date?: string | null;
  /** Called once the file list is known, then after each file. */
  onStart?: (total: number) => void;
  onFile?: (result: FileOutcome, done: number, total: number) => void;
  /** Extraction threads beside this one (0: extract here); default `defaultWorkers`. */
  workers?: number;
  /** A file over this many bytes fails alone, unread (default `MAX_DOCUMENT_BYTES`). */
  maxBytes?: number;
  /** Each extraction thread's heap (default `THREAD_LIMITS`): a thread past it fails its document alone. */
  threadLimits?: ResourceLimits;
}

/** A document inside a ZIP archive: `files` names it `archive.zip/member`. */
export interface ZipMember {
  zip: string;
  member: string;
}

/** What `listDocumentFiles` found. */
export interface DocumentFiles {
  /** Document files in name order (a ZIP archive's documents as `archive.zip/member`). */
  files: string[];
  /** Paths that yield nothing, each with why: missing, a folder with no documents, an unread archive. */
  missing: { path: string; reason: string }[];
  members: Map<string, ZipMember>;
}

const DOCUMENT_NAME = /\.(txt|md|html?)$/i;
// Compressed files are read (.gz around a document, .zip) or reported, never passed over.
const COMPRESSED_NAME = /\.(gz|tgz|zip|bz2|xz|zst|7z|rar)$/i;
const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** The documents of a ZIP archive, in archive order (read from its directory); none throws. */
function zipMembers(zip: string, maxBytes: number): string[] {
  checkDocumentSize(zip, statSync(zip).size, maxBytes);
  const names = zipEntries(readFileSync(zip))
    .map((e) => e.name)
    .filter((n) => !n.endsWith('/'));
  const docs = names.filter(
    (n) => DOCUMENT_NAME.test(n) && !n.split('/').some((part) => part.startsWith('.')),
  );
  if (!docs.length)
    throw new TiesError(
      'BAD_INPUT',
      `${zip} holds no .txt, .md or .html document (${names.length} other files)`,
    );
  return docs;
}

/** One member of a ZIP archive, inflated alone (refused unread past `maxBytes`). */
function readZipMember(path: string, { zip, member }: ZipMember, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  streamZip(readFileSync(zip), (entry) => {
    if (entry.name !== member) return null;
    checkDocumentSize(path, entry.originalSize, maxBytes);
    return { data: (chunk) => chunks.push(chunk), end: () => {} };
  });
  return Buffer.concat(chunks);
}

/**
 * Every readable document under `paths`: folders recursively in name order, symbolic links
 * followed (a folder already on the way down is not entered again), ZIP archives opened. A
 * missing path, a folder that yields no document and a compressed file ties cannot read are
 * reported in `missing`.
 */
export async function listDocumentFiles(
  paths: string[],
  maxBytes = MAX_DOCUMENT_BYTES,
): Promise<DocumentFiles> {
  const files: string[] = [];
  const missing: { path: string; reason: string }[] = [];
  const members = new Map<string, ZipMember>();
  const addFile = (full: string) => {
    const name = basename(full);
    if (/\.zip$/i.test(name)) {
      try {
        for (const member of zipMembers(full, maxBytes)) {
          const path = `${full}/${member}`;
          members.set(path, { zip: full, member });
          files.push(path);
        }
      } catch (e) {
        missing.push({ path: full, reason: isTiesError(e) ? e.message : (e as Error).message });
      }
    } else if (/\.gz$/i.test(name) && DOCUMENT_NAME.test(name.slice(0, -3))) files.push(full);
    else if (COMPRESSED_NAME.test(name)) {
      missing.push({
        path: full,
        reason: `a compressed file ties does not read (it reads .zip, and .gz around a .txt, .md or .html document): decompress it first`,
      });
    } else if (DOCUMENT_NAME.test(name)) files.push(full);
  };
  // Folders entered so far on this walk, by real path: a link back up (a loop) is not followed.
  const entered = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (entered.has(real)) return;
    entered.add(real);
    for (const e of (await readdir(dir, { withFileTypes: true })).sort(byName)) {
      if (e.name.startsWith('.')) continue;
      const full = join(dir, e.name);
      let kind: 'dir' | 'file' | null = e.isDirectory() ? 'dir' : e.isFile() ? 'file' : null;
      if (e.isSymbolicLink()) {
        try {
          const target = await stat(full);
          kind = target.isDirectory() ? 'dir' : target.isFile() ? 'file' : null;
        } catch {
          missing.push({ path: full, reason: 'a symbolic link to nothing' });
          continue;
        }
      }
      if (kind === 'dir') await walk(full);
      else if (kind === 'file') addFile(full);
    }
  };
  for (const p of paths) {
    const full = resolve(p);
    try {
      const s = await stat(full);
      if (s.isDirectory()) {
        const before = files.length + missing.length;
        await walk(full);
        if (files.length + missing.length === before) {
          missing.push({
            path: p,
            reason: 'no documents in this folder (.txt, .md, .html, .htm, or those in .gz or .zip)',
          });
        }
      } else if (/\.zip$/i.test(full) || COMPRESSED_NAME.test(full)) addFile(full);
      else files.push(full);
    } catch (e) {
      missing.push({
        path: p,
        reason:
          (e as NodeJS.ErrnoException).code === 'ENOENT'
            ? 'no such file or folder'
            : (e as Error).message,
      });
    }
  }
  return { files: [...new Set(files)], missing, members };
}

// A batch ingest commits every BATCH_FILES documents or BATCH_MS of work, whichever comes first:
// a commit per small document cost more than the inserts (and a bigger batch shares more index
// pages), while a kill still loses at most the documents of the last second (each stored one is whole).
const BATCH_FILES = 512;
const BATCH_MS = 1000;
// With extraction threads, documents read ahead of the one being stored, so that the threads
// have work while the main thread writes a batch; bounded in count and in text.
const AHEAD_FILES = 2 * BATCH_FILES;
const AHEAD_CHARS = 64 * 1024 * 1024;
// Fewer files than this are extracted in this thread: starting a thread (loading the extractor's
// lexicons) costs about as much as extracting a few dozen news articles.
const POOL_MIN_FILES = 32;

/**
 * The bytes of one listed document and the name that picks its format: a file read whole (a
 * file over `maxBytes` is refused unread, so that it cannot take the others down), a .gz file
 * decompressed, a ZIP archive's member.
 */
function readSource(
  path: string,
  member: ZipMember | undefined,
  maxBytes: number,
): { bytes: Uint8Array; name: string } {
  if (member) return { bytes: readZipMember(path, member, maxBytes), name: path };
  checkDocumentSize(path, statSync(path).size, maxBytes);
  // Read synchronously: four event-loop round trips per file cost more than a small file's read.
  const bytes = readFileSync(path);
  if (!/\.gz$/i.test(path)) return { bytes, name: path };
  try {
    return { bytes: gunzipSync(bytes, { maxOutputLength: maxBytes }), name: path.slice(0, -3) };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TiesError(
        'TOO_LARGE',
        `${path} decompresses to more than the limit of a document (--max-bytes; split it, or raise the limit)`,
      );
    }
    throw new TiesError(
      'BAD_INPUT',
      `${path} does not decompress as gzip: ${(e as Error).message}`,
    );
  }
}

/** How many extraction threads a batch ingest of `files` files uses by default: every core but this one. */
export function defaultWorkers(files: number): number {
  return files < POOL_MIN_FILES ? 0 : Math.max(0, availableParallelism() - 1);
}

/** Ingests files and folders, storing many documents per transaction; a failing file is reported, not fatal. */
export async function ingestPaths(
  db: Db,
  paths: string[],
  options: IngestPathsOptions = {},
): Promise<IngestSummary> {
  const maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  const { files, missing, members } = await listDocumentFiles(paths, maxBytes);
  const summary: IngestSummary = {
    added: 0,
    unchanged: 0,
    replaced: 0,
    redated: 0,
    failed: [...missing],
    events: 0,
    correctionProblems: [],
  };
  options.onStart?.(files.length);
  let done = 0;
  // What reading a file had to do (bytes that are not UTF-8 read as Windows-1252), by file.
  const warnings = new Map<number, string[]>();
  const report = (index: number, r: IngestOutcome | Error) => {
    const path = files[index]!;
    let result: FileOutcome;
    if (r instanceof Error) {
      // Any error, even a bug in the extractor, fails only this file: a batch must not be stuck on one document.
      const reason = isTiesError(r) ? r.message : `${r.name}: ${r.message}`;
      result = { path, status: 'failed', reason };
      summary.failed.push({ path, reason });
    } else {
      const status = r.added ? 'added' : r.redated ? 'redated' : 'unchanged';
      result = { path, status, outcome: r, warnings: warnings.get(index) ?? [] };
      if (r.added) summary.added++;
      else if (r.redated) summary.redated++;
      else summary.unchanged++;
      for (const p of r.corrections?.problems ?? [])
        summary.correctionProblems.push({ path, kind: p.kind, problem: p.problem });
      summary.replaced += r.replaced.length;
      summary.events += r.events;
    }
    options.onFile?.(result, ++done, files.length);
  };
  // Outcomes are reported in file order, each once its document is committed.
  const settled = new Map<number, IngestOutcome | Error>();
  let next = 0;
  const settle = (index: number, r: IngestOutcome | Error) => settled.set(index, r);
  const batch = new Batch(db, settle);
  const drain = () => {
    for (let r = settled.get(next); r !== undefined; r = settled.get(next)) {
      settled.delete(next);
      report(next, r);
      warnings.delete(next++);
    }
  };
  let started = performance.now();
  const maybeFlush = () => {
    if (batch.size >= BATCH_FILES || performance.now() - started >= BATCH_MS) {
      batch.flush();
      drain();
      started = performance.now();
    }
  };

  const workers = options.workers ?? defaultWorkers(files.length);
  const pool =
    workers > 0 ? new ExtractPool(workers, undefined, options.threadLimits ?? THREAD_LIMITS) : null;
  // Read and sent to a thread, in file order; added to the batch in the same order.
  const ahead: { index: number; read: ReadInput; extracted: Promise<Extracted | Error> }[] = [];
  let aheadChars = 0;
  const addOldest = async () => {
    const a = ahead.shift()!;
    aheadChars -= a.read.read.text.length;
    const extracted = await a.extracted;
    // No thread could start: extract here, as without threads.
    if (extracted instanceof NoThreadError) batch.add(a.index, a.read);
    else if (extracted instanceof Error) settle(a.index, extracted);
    else batch.add(a.index, a.read, extracted);
    maybeFlush();
  };
  try {
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      let read: ReadInput;
      try {
        const { bytes, name } = readSource(path, members.get(path), maxBytes);
        read = readInput({ bytes, name, path, date: options.date ?? null });
        if (read.read.diagnostics.length)
          warnings.set(
            i,
            read.read.diagnostics.map((d) => d.message),
          );
      } catch (e) {
        settle(i, e as Error);
        continue;
      }
      if (!pool) {
        batch.add(i, read);
        maybeFlush();
        continue;
      }
      // Stored already (the usual case of a re-run): no need to extract it.
      const stored = storedOutcome(db, read.id, options.date);
      if (stored) {
        settle(i, stored);
        continue;
      }
      ahead.push({
        index: i,
        read,
        extracted: pool
          .run(extractJob(read))
          .catch((e: unknown) => (e instanceof Error ? e : new Error(String(e)))),
      });
      aheadChars += read.read.text.length;
      while (ahead.length >= AHEAD_FILES || aheadChars >= AHEAD_CHARS) await addOldest();
    }
    while (ahead.length) await addOldest();
    batch.flush();
    drain();
  } finally {
    await pool?.close();
  }
  return summary;
}
