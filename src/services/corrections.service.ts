// Corrections as users make them (CLI, API, page): each is stored in its own table, keyed to a
// mention, and takes effect by storing its document again (re-extracted, then corrected), so a
// correction made now and one re-applied at the next ingest go through the same code. Also
// deleting and re-dating documents, sharing corrections between stores, and writing a
// document's corrected events as gold for ../shared/eval's scorer.
import { issueMessage } from './schemas.ts';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TiesError } from '../errors.ts';
import { PLOVER_TYPES } from '../extract/types.ts';
import { dateBounds } from '../merge/same-event.ts';
import {
  CORRECTION_KINDS,
  deleteCorrection,
  deleteCorrectionsOfDocument,
  insertCorrection,
  listCorrections,
  type CorrectionFacts,
  type CorrectionKind,
  type CorrectionRow,
  type MentionKey,
} from '../store/corrections.repo.ts';
import type { Db } from '../store/db.ts';
import {
  getDocument,
  getDocumentMeta,
  updateDocumentTitle,
  type DocumentRow,
} from '../store/documents.repo.ts';
import {
  eventIdsOfDocument,
  eventOfMentionAt,
  mentionsOfDocument,
  mentionsOfEvent,
} from '../store/events.repo.ts';
import { detectConflicts } from './conflicts.service.ts';
import { resolveActorQuery } from './actors.service.ts';
import { removeDocument, storeDocument } from './persist.service.ts';
import { extractForStore } from './workers/extract-pool.ts';

export { CORRECTION_KINDS, type CorrectionKind, type CorrectionRow, type MentionKey };

/** A correction as a user gives it: what to correct (an event, or one mention), and how. */
export interface CorrectionInput {
  kind: CorrectionKind;
  /** Every mention of this event (reject, type, date, participants; merge: the first event). */
  event?: string;
  /** One mention (split needs one; add names the span of the document to make an event of). */
  mention?: MentionKey;
  /** What to set: type/mode, date, source/target/actors, or all of them for `add`. */
  value?: CorrectionFacts & { withEvent?: string };
  note?: string | null;
  author?: string | null;
}

/** What a correction did: the corrections stored, and the events that now hold their mentions. */
export interface CorrectionResult {
  corrections: CorrectionRow[];
  /** The events the corrected mentions belong to after re-applying (none for a reject). */
  eventIds: string[];
}

const code = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .transform((s) => resolveActorQuery(s).code);

const facts = z.object({
  type: z
    .enum(PLOVER_TYPES, { error: (i) => `'${String(i.input)}' is not a PLOVER type` })
    .optional(),
  mode: z.string().trim().max(40).nullable().optional(),
  date: z
    .string()
    .trim()
    .nullable()
    .optional()
    .refine(
      (d) => d === undefined || d === null || contractDate(d),
      'must be YYYY, YYYY-MM, YYYY-MM-DD or START/END of those',
    ),
  source: code.nullable().optional(),
  target: code.nullable().optional(),
  actors: z.array(code).max(20).optional(),
  withEvent: z.string().regex(/^\d+$/, 'must be an event id').optional(),
});

/** True for a contract date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `START/END`) naming real days. */
export function contractDate(d: string): boolean {
  const parts = d.split('/');
  if (parts.length > 2) return false;
  const real = parts.every((p) => {
    const b = dateBounds(p);
    return (
      b !== null &&
      b.every((day) => {
        const t = new Date(`${day}T00:00:00Z`);
        return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(day);
      })
    );
  });
  const b = real ? dateBounds(d) : null;
  return b !== null && b[0] <= b[1];
}

const key = z.object({
  documentId: z.string().regex(/^[0-9a-f]{64}$/, 'must be a document id (64 hex digits)'),
  start: z.number().int().min(0),
  end: z.number().int().min(1),
});

/** A correction request as the CLI and the API validate it. */
export const correctionInput = z
  .object({
    kind: z.enum(CORRECTION_KINDS, {
      error: (i) =>
        `'${String(i.input)}' is not a correction kind (${CORRECTION_KINDS.join(', ')})`,
    }),
    event: z.string().regex(/^\d+$/, 'must be an event id').optional(),
    mention: key.optional(),
    value: facts.default({}),
    note: z.string().trim().max(2000).nullable().optional(),
    author: z.string().trim().max(200).nullable().optional(),
  })
  .refine((c) => c.event !== undefined || c.mention !== undefined, {
    message: 'name an event or a mention',
    path: ['event'],
  })
  .refine((c) => c.kind !== 'add' || (c.mention && c.value.type), {
    message: 'add needs a mention span and a type',
    path: ['mention'],
  })
  .refine((c) => c.kind !== 'split' || c.mention, {
    message: 'split needs the mention to set apart',
    path: ['mention'],
  })
  .refine((c) => c.kind !== 'merge' || c.value.withEvent, {
    message: 'merge needs the other event (withEvent)',
    path: ['value'],
  })
  .refine((c) => c.kind !== 'type' || c.value.type, {
    message: 'type needs a type',
    path: ['value'],
  })
  .refine((c) => c.kind !== 'date' || c.value.date !== undefined, {
    message: 'date needs a date (null: undated)',
    path: ['value'],
  })
  .refine(
    (c) =>
      c.kind !== 'participants' ||
      c.value.source !== undefined ||
      c.value.target !== undefined ||
      c.value.actors,
    {
      message: 'participants needs a source, target or actors',
      path: ['value'],
    },
  );

/** The value a correction of `kind` stores: only the facts it sets. */
function valueOf(kind: CorrectionKind, v: CorrectionInput['value'] = {}): CorrectionFacts {
  const pick = (keys: (keyof CorrectionFacts)[]) =>
    Object.fromEntries(
      keys.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]),
    ) as CorrectionFacts;
  switch (kind) {
    case 'type':
      return pick(['type', 'mode']);
    case 'date':
      return pick(['date']);
    case 'participants':
      return pick(['source', 'target', 'actors']);
    case 'add':
      return pick(['type', 'mode', 'date', 'source', 'target', 'actors']);
    default:
      return {};
  }
}

function eventMentions(db: Db, event: string): MentionKey[] {
  const keys = mentionsOfEvent(db, Number(event)).flatMap((m) =>
    m.evidence ? [{ documentId: m.documentId, start: m.evidence.start, end: m.evidence.end }] : [],
  );
  if (!keys.length)
    throw new TiesError(
      'NOT_FOUND',
      `no event ${event} with a text span to correct (ids are in 'ties timeline --json' and the API)`,
    );
  return keys;
}

function spanOf(db: Db, k: MentionKey): { doc: DocumentRow; text: string } {
  const doc = getDocument(db, k.documentId);
  if (!doc) throw new TiesError('NOT_FOUND', `no document ${k.documentId}`);
  if (doc.kind === 'gdelt')
    throw new TiesError('INVALID', 'GDELT documents have no text of their own to correct');
  if (k.end > doc.text.length || k.start >= k.end)
    throw new TiesError(
      'INVALID',
      `the span ${k.start}–${k.end} is not inside the document (${doc.text.length} characters)`,
    );
  const text = doc.text.slice(k.start, k.end);
  if (!text.trim()) throw new TiesError('INVALID', 'the span is only white space');
  return { doc, text };
}

/**
 * Stores the document `doc` again from its text: re-extracted (with its stored date), its
 * corrections applied. Runs inside the caller's transaction when there is one.
 */
function restore(db: Db, doc: DocumentRow): void {
  const { extraction, sentences, claims, wordings } = extractForStore({
    text: doc.text,
    title: doc.title,
    date: doc.date,
  });
  // The claims come from the same extraction: conflicts are not read from the text again.
  storeDocument(db, doc, extraction, sentences, [doc.id], claims, wordings);
}

/** Records a correction and re-applies its document's corrections; returns what it made. */
export function addCorrection(db: Db, raw: unknown, now = new Date()): CorrectionResult {
  const input = validated(raw);
  const keys = input.mention ? [input.mention] : eventMentions(db, input.event!);
  const value = valueOf(input.kind, input.value);
  if (input.kind === 'merge') {
    const other = eventMentions(db, input.value!.withEvent!)[0]!;
    if (input.event === input.value!.withEvent)
      throw new TiesError('INVALID', 'an event cannot be merged with itself');
    value.with = other;
  }
  // A merge or split names one mention: the event's first.
  const targets = input.kind === 'merge' || input.kind === 'split' ? keys.slice(0, 1) : keys;
  const docs = new Map<string, DocumentRow>();
  const rows: CorrectionRow[] = [];
  targets.forEach((k, i) => {
    const { doc, text } = spanOf(db, k);
    if (input.kind !== 'add' && eventOfMentionAt(db, k.documentId, k.start, k.end) === null) {
      throw new TiesError(
        'NOT_FOUND',
        `no event is stored for the span ${k.start}–${k.end} of document ${k.documentId.slice(0, 12)}`,
      );
    }
    docs.set(doc.id, doc);
    rows.push({
      uid: randomUUID(),
      documentId: k.documentId,
      evidence: { start: k.start, end: k.end, text },
      kind: input.kind,
      value,
      original: null,
      note: input.note ?? null,
      author: input.author ?? null,
      // Corrections of one request apply in request order after every older one.
      createdAt: new Date(now.getTime() + i).toISOString(),
      status: 'pending',
      problem: null,
    });
  });
  db.transaction(() => {
    for (const r of rows) insertCorrection(db, r);
    for (const doc of docs.values()) restore(db, doc);
  }).immediate();
  const stored = listCorrections(db, { uids: rows.map((r) => r.uid) });
  const eventIds = new Set<string>();
  for (const r of stored) {
    const id = eventOfMentionAt(db, r.documentId, r.evidence.start, r.evidence.end);
    if (id !== null) eventIds.add(String(id));
  }
  return { corrections: stored, eventIds: [...eventIds] };
}

function validated(raw: unknown): CorrectionInput {
  const r = correctionInput.safeParse(raw);
  if (r.success) return r.data as CorrectionInput;
  // An unknown actor name is the resolver's NOT_FOUND, not a schema message.
  throw new TiesError('INVALID', issueMessage(r.error));
}

/** Undoes a correction: it is deleted and its document stored again without it. */
export function removeCorrection(db: Db, uid: string): { removed: CorrectionRow } {
  const [row] = listCorrections(db, { uids: [uid] });
  if (!row) throw new TiesError('NOT_FOUND', `no correction ${uid}`);
  db.transaction(() => {
    deleteCorrection(db, uid);
    const doc = getDocument(db, row.documentId);
    if (doc) restore(db, doc);
  }).immediate();
  return { removed: row };
}

/** The stored corrections (of one document). */
export function corrections(db: Db, q: { documentId?: string } = {}): CorrectionRow[] {
  return listCorrections(db, q);
}

/** What deleting a document did. */
export interface DeletedDocument {
  id: string;
  title: string | null;
  /** Events that lost their only source and went. */
  eventsRemoved: number;
  /** Events that kept other sources and were recomputed. */
  eventsRecomputed: number;
  corrections: number;
}

/** Deletes a document, its mentions and facts and corrections; events it alone supported go, the others are recomputed, and so are conflicts. */
export function deleteDocument(db: Db, id: string): DeletedDocument {
  const meta = getDocumentMeta(db, id);
  if (!meta) throw new TiesError('NOT_FOUND', `no document ${id}`);
  const out = db
    .transaction(() => {
      const events = eventIdsOfDocument(db, id);
      removeDocument(db, id);
      const left = events.filter((e) => mentionsOfEvent(db, e).length > 0).length;
      return {
        eventsRemoved: events.length - left,
        eventsRecomputed: left,
        corrections: deleteCorrectionsOfDocument(db, id),
      };
    })
    .immediate();
  detectConflicts(db);
  return { id, title: meta.title, ...out };
}

/**
 * Changes a document's title or date. A new date re-extracts the document (relative dates are
 * read against it) and re-applies its corrections; a title alone is only renamed.
 */
export function updateDocument(
  db: Db,
  id: string,
  change: { title?: string | null; date?: string | null },
): { id: string; title: string | null; date: string | null; reextracted: boolean } {
  const doc = getDocument(db, id);
  if (!doc) throw new TiesError('NOT_FOUND', `no document ${id}`);
  if (change.date !== undefined && change.date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(change.date))
    throw new TiesError('INVALID', 'date must be YYYY-MM-DD');
  const title = change.title !== undefined ? change.title : doc.title;
  const redate = change.date !== undefined && change.date !== doc.date;
  if (redate && doc.kind === 'gdelt')
    throw new TiesError(
      'INVALID',
      'GDELT documents are not re-extracted; their dates come from GDELT',
    );
  db.transaction(() => {
    if (redate) restore(db, { ...doc, title, date: change.date ?? null });
    else if (title !== doc.title) updateDocumentTitle(db, id, title);
  }).immediate();
  if (redate) detectConflicts(db);
  return { id, title, date: redate ? (change.date ?? null) : doc.date, reextracted: redate };
}

/** One line of `ties corrections export`: a correction with its document's title. */
export interface CorrectionLine extends CorrectionRow {
  documentTitle: string | null;
}

/** The corrections (of one document) as JSONL, one a line. */
export function exportCorrections(db: Db, q: { documentId?: string } = {}): string {
  const titles = new Map<string, string | null>();
  return listCorrections(db, q)
    .map((c) => {
      if (!titles.has(c.documentId))
        titles.set(c.documentId, getDocumentMeta(db, c.documentId)?.title ?? null);
      const line: CorrectionLine = { ...c, documentTitle: titles.get(c.documentId) ?? null };
      return JSON.stringify(line) + '\n';
    })
    .join('');
}

const span = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  text: z.string(),
});
/** A correction as exports carry it (JSONL lines, the JSON export's `corrections`). */
export const correctionLine = z.object({
  uid: z.string().min(1).max(100),
  documentId: z.string().regex(/^[0-9a-f]{64}$/),
  evidence: span,
  kind: z.enum(CORRECTION_KINDS),
  value: z.record(z.string(), z.unknown()),
  original: z.record(z.string(), z.unknown()).nullable().default(null),
  note: z.string().nullable().default(null),
  author: z.string().nullable().default(null),
  createdAt: z.string().min(1),
});

/** What importing corrections did. */
export interface CorrectionsImport {
  added: number;
  /** Already stored (same uid). */
  unchanged: number;
  /** Their document is not in this store: kept, applied when it is ingested. */
  pending: number;
  /** Stored documents whose corrections were re-applied. */
  documents: number;
  /** Corrections that could not be applied, with why. */
  problems: { uid: string; kind: CorrectionKind; problem: string }[];
}

/** Reads correction lines (JSONL text, or objects already parsed) and validates each; throws BAD_INPUT naming the first bad line. */
export function parseCorrections(text: string): CorrectionRow[] {
  return text
    .split('\n')
    .map((line, i) => [line, i + 1] as const)
    .filter(([line]) => line.trim())
    .map(([line, n]) => {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new TiesError('BAD_INPUT', `line ${n}: not JSON`);
      }
      return checkCorrection(value, `line ${n}`);
    });
}

/** One correction read from an export, validated; throws BAD_INPUT with `where`. */
export function checkCorrection(value: unknown, where: string): CorrectionRow {
  const r = correctionLine.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TiesError(
      'BAD_INPUT',
      `${where}: ${issue?.path.join('.') || 'value'} ${issue?.message ?? 'is not a correction'}`,
    );
  }
  const c = r.data;
  if (c.evidence.text.length !== c.evidence.end - c.evidence.start)
    throw new TiesError('BAD_INPUT', `${where}: evidence text does not match its offsets`);
  return {
    ...c,
    value: c.value as CorrectionFacts,
    original: c.original as CorrectionFacts | null,
    status: 'pending',
    problem: null,
  };
}

/**
 * Stores corrections from another store (already stored uids are left alone) and re-applies the
 * corrections of every stored document they concern, in one transaction.
 */
export function importCorrections(db: Db, rows: CorrectionRow[]): CorrectionsImport {
  const out: CorrectionsImport = { added: 0, unchanged: 0, pending: 0, documents: 0, problems: [] };
  const docs = new Map<string, DocumentRow>();
  db.transaction(() => {
    for (const r of rows) {
      if (!insertCorrection(db, { ...r, status: 'pending', problem: null })) {
        out.unchanged++;
        continue;
      }
      out.added++;
      const doc = docs.get(r.documentId) ?? getDocument(db, r.documentId);
      if (doc && doc.kind !== 'gdelt') docs.set(doc.id, doc);
      else out.pending++;
    }
    for (const doc of docs.values()) restore(db, doc);
  }).immediate();
  out.documents = docs.size;
  for (const c of listCorrections(db, { uids: rows.map((r) => r.uid) })) {
    if (c.status !== 'applied' && c.status !== 'pending')
      out.problems.push({ uid: c.uid, kind: c.kind, problem: c.problem ?? c.status });
  }
  if (docs.size) detectConflicts(db);
  return out;
}

/** Re-applies the corrections of the given stored documents (after an import brought them). */
export function reapplyCorrections(db: Db, documentIds: Iterable<string>): number {
  let n = 0;
  db.transaction(() => {
    for (const id of documentIds) {
      const doc = getDocument(db, id);
      if (!doc || doc.kind === 'gdelt') continue;
      restore(db, doc);
      n++;
    }
  }).immediate();
  return n;
}

/** One gold event as ../shared/eval's score.mjs reads it (seed.gold.jsonl's fields). */
export interface GoldLine {
  id: string;
  date: string | null;
  actors: string[];
  type: string;
  evidence: string;
  start: number;
  end: number;
}

/**
 * A document's events as corrected, in the gold format of ../shared/eval (GUIDELINES.md): every
 * event the store keeps for it after its corrections, in text order. Throws NOT_FOUND.
 */
export function goldOfDocument(
  db: Db,
  id: string,
): { document: Omit<DocumentRow, 'text'>; text: string; lines: GoldLine[] } {
  const doc = getDocument(db, id);
  if (!doc) throw new TiesError('NOT_FOUND', `no document ${id}`);
  const { text, ...document } = doc;
  const lines = mentionsOfDocument(db, id)
    .filter((m) => m.evidence)
    .map((m, i) => ({
      id: `${id.slice(0, 8)}-${i + 1}`,
      date: m.date,
      actors: [...new Set(m.actors)],
      type: m.type,
      evidence: m.evidence!.text,
      start: m.evidence!.start,
      end: m.evidence!.end,
    }));
  return { document, text, lines };
}
