// Exports of the current view (a pair's timeline, one actor's events, or everything) in the
// formats other tools read. Shared by `ties export` and `GET /api/export`.
import { TiesError } from '../errors.ts';
import type { DurationFinding } from '../extract/claims/durations.ts';
import { listEvents, timeline, type EventsQuery } from '../services/events.service.ts';
import { allClaims } from '../store/conflicts.repo.ts';
import type { Db } from '../store/db.ts';
import { listCorrections } from '../store/corrections.repo.ts';
import { getDocument } from '../store/documents.repo.ts';
import { toCsv } from './csv.ts';
import { toGdelt } from './gdelt-export.ts';
import { toJson, toJsonl } from './json.ts';
import { toTimelineJs, type NamedPeriod } from './timelinejs.ts';
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

const EXTENSION: Record<ExportFormat, string> = {
  csv: 'csv',
  json: 'json',
  jsonl: 'jsonl',
  timelinejs: 'timeline.json',
  gdelt: 'export.tsv',
};

/** What to export: the view's actors and its filters, as the timeline and `GET /api/events` take them. */
export type ExportView = EventsQuery;

/** What the filters keep, for titles: "AGREE, CONSULT; 1990–2000; “pipeline”". */
function filterNote(view: ExportView): string {
  const years =
    view.from !== undefined || view.to !== undefined ? `${view.from ?? '…'}–${view.to ?? '…'}` : '';
  const parts = [
    view.types?.join(', '),
    view.quads?.join(', '),
    years,
    view.documentId ? `document ${view.documentId.slice(0, 12)}` : '',
    view.q ? `“${view.q}”` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

/** The events of the view `a`–`b` (or involving `a`, or all), filtered as the view is, with the documents they cite. */
export function exportInput(db: Db, view: ExportView): ExportInput {
  if (view.b && !view.a)
    throw new TiesError('INVALID', 'give the first actor (a) before the second (b)');
  let events;
  let title: string;
  if (view.a) {
    const t = timeline(db, { ...view, a: view.a });
    events = t.events;
    title = t.b ? `${t.a.name} – ${t.b.name}` : t.a.name;
  } else {
    events = listEvents(db, view, -1, 0).items;
    title = 'All events';
  }
  const note = filterNote(view);
  if (note) title += ` (${note})`;
  const documents: ExportDocument[] = [];
  const seen = new Set<string>();
  for (const e of events) {
    for (const m of e.mentions) {
      if (seen.has(m.documentId)) continue;
      seen.add(m.documentId);
      const d = getDocument(db, m.documentId);
      if (!d)
        throw new TiesError('IO', `document ${m.documentId} cited by event ${e.id} is missing`);
      documents.push({
        id: d.id,
        title: d.title,
        date: d.date,
        url: d.url,
        kind: d.kind,
        format: d.format,
        text: d.text,
      });
    }
  }
  const corrections = documents.flatMap((d) =>
    listCorrections(db, { documentId: d.id }).map(({ status: _s, problem: _p, ...c }) => c),
  );
  return { events, documents, title, corrections };
}

const stamp = (d: Date) => d.toISOString().replace(/\D/g, '').slice(0, 14);

/**
 * Spans of years the exported documents name ("after 70 years of Soviet rule, in 1991"), about
 * the view's actors: the claims conflict detection stored, when it has read the documents.
 */
export function namedPeriods(db: Db, input: ExportInput): NamedPeriod[] {
  const docs = new Set(input.documents.map((d) => d.id));
  const actors = new Set(input.events.flatMap((e) => e.actors));
  const out: NamedPeriod[] = [];
  for (const c of allClaims(db)) {
    if (c.kind !== 'duration' || !docs.has(c.documentId)) continue;
    const d = c.data as Omit<DurationFinding, 'evidence'>;
    const end = Number(/^\d{4}/.exec(d.end)?.[0]);
    if (!Number.isFinite(end) || (d.actors.length && !d.actors.some((a) => actors.has(a))))
      continue;
    // The period as the text words it ("seven decades of Soviet rule"), else from the numbers.
    const what = d.what.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const written = new RegExp(
      `[\\p{L}\\d]+\\s+(?:years?|decades?|centur(?:y|ies))\\s+of\\s+${what}`,
      'iu',
    ).exec(c.evidence.text)?.[0];
    const name = written ?? `${d.years} years of ${d.what}`;
    out.push({
      start: end - d.years,
      end,
      name,
      evidence: c.evidence.text,
      documentTitle: c.documentTitle,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Options of `exportView`. */
export interface ExportOptions {
  /** Stamps GDELT's DATEADDED. */
  now?: Date;
  /** The explorer page's address (`http://127.0.0.1:8787/`): TimelineJS slides link their documents there. */
  page?: string;
}

/** The explorer page showing `view`, for links. */
function pageOf(base: string, view: ExportView): string {
  const url = new URL(base);
  const set = (k: string, v: string | number | undefined) => {
    if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
  };
  set('a', view.a);
  set('b', view.b);
  set('type', view.types?.join(','));
  set('quad', view.quads?.join(','));
  set('from', view.from);
  set('to', view.to);
  set('q', view.q);
  return url.toString();
}

/** Exports the view in `format`. */
export function exportView(
  db: Db,
  format: ExportFormat,
  view: ExportView,
  options: ExportOptions = {},
): ExportFile {
  const now = options.now ?? new Date();
  const input = exportInput(db, view);
  const codes = [view.a, view.b]
    .filter(Boolean)
    .map((c) => String(c).replace(/[^A-Za-z0-9]+/g, '_'));
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
      const page = options.page ? pageOf(options.page, view) : undefined;
      const file = toTimelineJs(input.events, input.title, {
        page,
        periods: namedPeriods(db, input),
      });
      const left = input.events.length - file.events.length;
      if (left) notes.push(`${left} undated events left out (TimelineJS needs a date)`);
      text = JSON.stringify(file, null, 2) + '\n';
      break;
    }
    case 'gdelt': {
      const g = toGdelt(input.events, stamp(now));
      if (g.undated) notes.push(`${g.undated} undated events left out (GDELT needs a day)`);
      if (g.widened)
        notes.push(`${g.widened} events dated coarser than a day written on their first day`);
      if (g.corrected.length)
        notes.push(`corrected by users: GLOBALEVENTID ${g.corrected.join(', ')}`);
      text = g.text;
      break;
    }
  }
  return { text, contentType: CONTENT_TYPE[format], filename, events: input.events.length, notes };
}
