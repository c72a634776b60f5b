// Imports into the store: GDELT event exports (plain or zipped) and ties' own JSON/JSONL
// exports. Each document is stored with its mentions in one transaction, like an ingest; the
// mentions merge into stored events by the same rule (`sameEvent`) as extracted ones.
import { quadClass } from '../codes/plover.ts';
import { splitSentences } from '../extract/text/sentences.ts';
import { sameEvent } from '../merge/same-event.ts';
import { checkCorrection, importCorrections } from '../services/corrections.service.ts';
import { storeClauseWording } from '../services/clause-wording.ts';
import { indexDocumentConflicts } from '../services/conflict-index.ts';
import { documentId, factsOf, mentionOf, width } from '../services/persist.service.ts';
import type { Db } from '../store/db.ts';
import { hasDocument, insertDocument, type DocumentRow } from '../store/documents.repo.ts';
import {
  candidateEvents,
  insertEvent,
  insertMention,
  refreshEventCounts,
  updateEventDate,
  type EventRow,
  type MentionFields,
} from '../store/events.repo.ts';
import { TiesError } from '../errors.ts';
import { decodeText } from '../extract/input/decode.ts';
import {
  gdeltReader,
  parseGdelt,
  type GdeltEvent,
  type GdeltLayout,
  type GdeltParse,
  type GdeltProblem,
  type GdeltSkipReason,
} from './gdelt.ts';
import { parseTiesExport } from './json.ts';
import { isZip, streamZip } from './zip.ts';

/** What importing one GDELT file did; every row is counted in exactly one of the numbers. */
export interface GdeltImportSummary {
  file: string;
  rows: number;
  layouts: Partial<Record<GdeltLayout, number>>;
  /** Rows stored as event mentions. */
  imported: number;
  /** Rows of documents (source URLs) that were already stored: re-importing a file is a no-op. */
  unchanged: number;
  skipped: Record<GdeltSkipReason, number>;
  skippedRoots: Record<string, number>;
  malformed: (GdeltProblem & { entry?: string })[];
  documents: { added: number; unchanged: number };
  /** Events new to the store (the rest merged into stored events). */
  newEvents: number;
}

/** What importing a ties JSON/JSONL export did. */
export interface JsonImportSummary {
  file: string;
  documents: { added: number; unchanged: number };
  mentions: number;
  newEvents: number;
  /** The corrections the export carried: stored, and applied to their documents. */
  corrections: {
    added: number;
    unchanged: number;
    problems: { uid: string; kind: string; problem: string }[];
  };
}

/** Where the import has put mentions so far: export keys → stored events, and what it created. */
interface Placement {
  keyed: Map<string, number>;
  created: Set<number>;
  /** Merge into events this import created itself (GDELT: yes, across articles; JSON: no, the export already merged). */
  mergeCreated: boolean;
}

/** Stores one mention: into the event its key names, else a matching stored event, else a new one. */
function place(db: Db, m: MentionFields, key: string, at: Placement, touched: Set<number>): void {
  const keyed = at.keyed.get(key);
  if (keyed !== undefined) {
    // Mentions sharing a key come from one exported event and carry its date: nothing to re-date.
    insertMention(db, keyed, m);
    refreshEventCounts(db, keyed);
    touched.add(keyed);
    return;
  }
  let best: { event: EventRow; score: number } | null = null;
  if (m.actors.length) {
    for (const event of candidateEvents(db, m)) {
      // Within a document the source already told its events apart, as in ingest.
      if (touched.has(event.id) || (!at.mergeCreated && at.created.has(event.id))) continue;
      const v = sameEvent(factsOf(m, m.evidence?.text ?? null), factsOf(event, null));
      if (v.same && (!best || v.score > best.score)) best = { event, score: v.score };
    }
  }
  let id: number;
  if (!best) {
    id = insertEvent(db, { ...m, quad: quadClass(m.type) }, 1);
    at.created.add(id);
    insertMention(db, id, m);
  } else {
    const { event } = best;
    id = event.id;
    insertMention(db, id, m);
    if (m.date && width(m.dateFirst, m.dateLast) < width(event.dateFirst, event.dateLast))
      updateEventDate(db, id, m.date, m.dateFirst, m.dateLast);
    refreshEventCounts(db, id);
  }
  at.keyed.set(key, id);
  touched.add(id);
}

/** Stores a document with its mentions; false when it was already stored. The caller holds the transaction. */
function storeImported(
  db: Db,
  doc: DocumentRow,
  lines: { start: number; end: number }[],
  mentions: { key: string; m: MentionFields }[],
  at: Placement,
): boolean {
  if (!insertDocument(db, doc, lines)) return false;
  const touched = new Set<number>();
  for (const { key, m } of mentions) place(db, m, key, at, touched);
  storeClauseWording(db, doc.id);
  return true;
}

function lineSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) spans.push({ start, end: start + line.length });
    start += line.length + 1;
  }
  return spans;
}

function gdeltMention(docId: string, e: GdeltEvent): MentionFields {
  return {
    documentId: docId,
    extractionId: e.id,
    type: e.type,
    mode: e.mode,
    cameo: e.cameo,
    date: e.date,
    dateFirst: e.date,
    dateLast: e.date,
    source: e.source?.code ?? null,
    sourceText: e.source?.text ?? null,
    target: e.target?.code ?? null,
    targetText: e.target?.text ?? null,
    actors: e.actors,
    evidence: null,
    moreEvidence: null,
    confidence: e.confidence,
    negated: false,
  };
}

/**
 * The text ties stores for one GDELT source article: GDELT ships no article text, so the document
 * is the list of its coded rows (searchable), headed by a line saying so.
 */
export function gdeltDocumentText(url: string | null, events: GdeltEvent[]): string {
  const head = `GDELT events coded from ${url ?? 'an article GDELT gives no address for'}. GDELT gives no article text: these events have no text span.`;
  const rows = events.map((e) => {
    const g = e.gdelt;
    const who = [g.actor1, g.actor2]
      .map((a) => (a.code ? `${a.name || a.code} (${a.code})` : '-'))
      .join(' → ');
    return `GDELT ${g.globalEventId}, ${e.date}: ${who}: CAMEO ${e.cameo} = PLOVER ${e.type}${e.mode ? `/${e.mode}` : ''}; Goldstein ${g.goldstein}; quad class ${g.quadClass}; ${g.numMentions} mentions in ${g.numSources} sources; added ${g.dateAdded}.`;
  });
  return [head, ...rows].join('\n') + '\n';
}

const dayOfAdded = (s: string) =>
  /^\d{8}/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : null;

/**
 * Imports a GDELT 1.0 or 2.0 event export (tab-separated, or a ZIP of them): one document per
 * source URL. Each file (each ZIP entry) is one transaction: a crash leaves it imported whole or
 * not at all, and a rerun skips the documents already stored. One commit per source URL cost a
 * quarter of the import time (bench/interop.ts).
 */
export function importGdelt(db: Db, bytes: Uint8Array, name: string): GdeltImportSummary {
  const summary: GdeltImportSummary = {
    file: name,
    rows: 0,
    layouts: {},
    imported: 0,
    unchanged: 0,
    skipped: { 'no-plover-type': 0, 'no-state-actor': 0 },
    skippedRoots: {},
    malformed: [],
    documents: { added: 0, unchanged: 0 },
    newEvents: 0,
  };
  const at: Placement = { keyed: new Map(), created: new Set(), mergeCreated: true };
  const store = (entry: string, parsed: GdeltParse) => {
    summary.rows += parsed.rows;
    for (const [k, v] of Object.entries(parsed.layouts))
      summary.layouts[k as GdeltLayout] = (summary.layouts[k as GdeltLayout] ?? 0) + v;
    for (const k of Object.keys(parsed.skipped) as GdeltSkipReason[])
      summary.skipped[k] += parsed.skipped[k];
    for (const [k, v] of Object.entries(parsed.skippedRoots))
      summary.skippedRoots[k] = (summary.skippedRoots[k] ?? 0) + v;
    summary.malformed.push(...parsed.malformed.map((p) => (entry ? { ...p, entry } : p)));
    const byUrl = new Map<string, GdeltEvent[]>();
    for (const e of parsed.events) {
      const key = e.url ?? `${name}${entry ? `:${entry}` : ''}`;
      let list = byUrl.get(key);
      if (!list) byUrl.set(key, (list = []));
      list.push(e);
    }
    db.transaction(() => {
      for (const [key, events] of byUrl) {
        const url = events[0]?.url ?? null;
        const text = gdeltDocumentText(url, events);
        const id = documentId(text);
        if (hasDocument(db, id)) {
          summary.documents.unchanged++;
          summary.unchanged += events.length;
          continue;
        }
        const doc: DocumentRow = {
          id,
          title: url ? `GDELT: ${url}` : `GDELT: ${key}`,
          date: dayOfAdded(events[0]?.gdelt.dateAdded ?? ''),
          format: 'txt',
          path: null,
          url,
          kind: 'gdelt',
          length: text.length,
          text,
          addedAt: new Date().toISOString(),
        };
        const before = at.created.size;
        storeImported(
          db,
          doc,
          lineSpans(text),
          events.map((e) => ({ key: e.id, m: gdeltMention(id, e) })),
          at,
        );
        summary.documents.added++;
        summary.imported += events.length;
        summary.newEvents += at.created.size - before;
      }
    }).immediate();
  };
  if (isZip(bytes)) {
    // Each entry is inflated, decoded and read in chunks: only its events are held, never its text.
    streamZip(bytes, (info) => {
      const decoder = new TextDecoder('utf-8');
      const reader = gdeltReader();
      return {
        data: (chunk) => reader.push(decoder.decode(chunk, { stream: true })),
        end: () => {
          reader.push(decoder.decode());
          store(info.name, reader.end());
        },
      };
    });
  } else {
    store('', parseGdelt(decodeText(bytes, name).text));
  }
  // Nothing readable means the file is not GDELT at all; nothing was stored from it either.
  if (summary.rows === 0) throw new TiesError('BAD_INPUT', `${name} has no GDELT rows`);
  if (summary.malformed.length === summary.rows) {
    const m = summary.malformed[0]!;
    throw new TiesError(
      'BAD_INPUT',
      `${name} is not a GDELT event export: ${m.entry ? `${m.entry}: ` : ''}line ${m.line}: ${m.reason}`,
    );
  }
  return summary;
}

// Store ids are numbers: ordering keys numerically recreates events in their original order,
// which is the timeline's tie-break between events of the same dates.
const byKey = (a: string, b: string) => {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a < b ? -1 : a > b ? 1 : 0;
};

/**
 * Imports a ties JSON or JSONL export: its documents as they were, its events as they were merged.
 * One transaction for the file: the events of an export span its documents.
 */
export function importJson(db: Db, text: string, name: string): JsonImportSummary {
  const docs = parseTiesExport(text);
  const summary: JsonImportSummary = {
    file: name,
    documents: { added: 0, unchanged: 0 },
    mentions: 0,
    newEvents: 0,
    corrections: { added: 0, unchanged: 0, problems: [] },
  };
  const corrections = docs.flatMap((d, i) =>
    (d.corrections ?? []).map((c, j) =>
      checkCorrection(c, `document ${i + 1}, correction ${j + 1}`),
    ),
  );
  const at: Placement = { keyed: new Map(), created: new Set(), mergeCreated: false };
  db.transaction(() => {
    const mentions: { key: string; rank: number; m: MentionFields }[] = [];
    const added: DocumentRow[] = [];
    for (const { document: d, events } of docs) {
      const doc: DocumentRow = {
        id: documentId(d.text),
        title: d.title,
        date: d.date,
        format: d.format,
        path: null,
        url: d.url,
        kind: d.kind,
        length: d.text.length,
        text: d.text,
        addedAt: new Date().toISOString(),
      };
      if (
        !insertDocument(db, doc, d.kind === 'gdelt' ? lineSpans(d.text) : splitSentences(d.text))
      ) {
        summary.documents.unchanged++;
        continue;
      }
      summary.documents.added++;
      added.push(doc);
      for (const e of events)
        mentions.push({
          key: e.event,
          rank: e.mention ?? mentions.length,
          m: mentionOf(doc.id, e),
        });
    }
    mentions.sort((a, b) => byKey(a.key, b.key) || a.rank - b.rank);
    // One document's mentions never merge with each other (as in ingest), tracked per document.
    const touched = new Map<string, Set<number>>();
    for (const { key, m } of mentions) {
      let t = touched.get(m.documentId);
      if (!t) touched.set(m.documentId, (t = new Set()));
      place(db, m, key, at, t);
    }
    // What reads of the text (clause wording, claims) is read now, not when the store is queried.
    for (const doc of added) {
      storeClauseWording(db, doc.id);
      indexDocumentConflicts(db, doc, null);
    }
    summary.mentions = mentions.length;
  }).immediate();
  summary.newEvents = at.created.size;
  if (corrections.length) {
    // Stored after the documents they are keyed to, then applied to them (their events rebuilt).
    const r = importCorrections(db, corrections);
    summary.corrections = { added: r.added, unchanged: r.unchanged, problems: r.problems };
  }
  return summary;
}
