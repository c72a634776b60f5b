// Exports of the current view (a pair's timeline, one actor's events, or everything) in the
// formats other tools read. Shared by `ties export` and `GET /api/export`.
import { TiesError } from '../errors.ts';
import { listEvents, timeline } from '../services/events.service.ts';
import type { Db } from '../store/db.ts';
import { listCorrections } from '../store/corrections.repo.ts';
import { getDocument } from '../store/documents.repo.ts';
import { toCsv } from './csv.ts';
import { toGdelt } from './gdelt-export.ts';
import { toJson, toJsonl } from './json.ts';
import { toTimelineJs } from './timelinejs.ts';
import type { ExportDocument, ExportInput } from './types.ts';

/** The export formats. */
export const EXPORT_FORMATS = ['csv', 'json', 'jsonl', 'timelinejs', 'gdelt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** True when `s` names an export format. */
export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

/** An export ready to write or send. */
export interface ExportFile {
  text: string;
  contentType: string;
  /** A file name for downloads: `ties-AZE-PAK.csv`. */
  filename: string;
  events: number;
  /** What the format could not carry (undated events left out of TimelineJS or GDELT, …). */
  notes: string[];
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  timelinejs: 'application/json; charset=utf-8',
  gdelt: 'text/tab-separated-values; charset=utf-8',
};

const EXTENSION: Record<ExportFormat, string> = { csv: 'csv', json: 'json', jsonl: 'jsonl', timelinejs: 'timeline.json', gdelt: 'export.tsv' };

/** The events of the view `a`–`b` (or involving `a`, or all) with the documents they cite. */
export function exportInput(db: Db, view: { a?: string; b?: string }): ExportInput {
  if (view.b && !view.a) throw new TiesError('INVALID', 'give the first actor (a) before the second (b)');
  let events;
  let title: string;
  if (view.a) {
    const t = timeline(db, { a: view.a, b: view.b });
    events = t.events;
    title = t.b ? `${t.a.name} – ${t.b.name}` : t.a.name;
  } else {
    events = listEvents(db, {}, -1, 0).items;
    title = 'All events';
  }
  const documents: ExportDocument[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    for (const m of e.mentions) {
      if (seen.has(m.documentId)) continue;
      seen.add(m.documentId);
      const d = getDocument(db, m.documentId);
      if (!d) throw new TiesError('IO', `document ${m.documentId} cited by event ${e.id} is missing`);
      documents.push({ id: d.id, title: d.title, date: d.date, url: d.url, kind: d.kind, format: d.format, text: d.text });
    }
  }
  const corrections = documents.flatMap((d) => listCorrections(db, { documentId: d.id }).map(({ status: _s, problem: _p, ...c }) => c));
  return { events, documents, title, corrections };
}

const stamp = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);

/** Exports the view in `format`; `now` stamps GDELT's DATEADDED. */
export function exportView(db: Db, format: ExportFormat, view: { a?: string; b?: string }, now = new Date()): ExportFile {
  const input = exportInput(db, view);
  const codes = [view.a, view.b].filter(Boolean).map((c) => String(c).replace(/[^A-Za-z0-9]+/g, '_'));
  const filename = `ties${codes.length ? `-${codes.join('-')}` : ''}.${EXTENSION[format]}`;
  const notes: string[] = [];
  let text: string;
  switch (format) {
    case 'csv':
      text = toCsv(input.events);
      break;
    case 'json':
      text = toJson(input);
      break;
    case 'jsonl':
      text = toJsonl(input);
      break;
    case 'timelinejs': {
      const file = toTimelineJs(input.events, input.title);
      const left = input.events.length - file.events.length;
      if (left) notes.push(`${left} undated events left out (TimelineJS needs a date)`);
      text = JSON.stringify(file, null, 2) + '\n';
      break;
    }
    case 'gdelt': {
      const g = toGdelt(input.events, stamp(now));
      if (g.undated) notes.push(`${g.undated} undated events left out (GDELT needs a day)`);
      if (g.widened) notes.push(`${g.widened} events dated coarser than a day written on their first day`);
      if (g.corrected.length) notes.push(`corrected by users: GLOBALEVENTID ${g.corrected.join(', ')}`);
      text = g.text;
      break;
    }
  }
  return { text, contentType: CONTENT_TYPE[format], filename, events: input.events.length, notes };
}
