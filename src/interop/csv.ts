// CSV out and back in, per RFC 4180: CRLF line ends, a header row, fields with commas, quotes or
// line breaks quoted, quotes doubled. One row per event; its first mention is its evidence.
// Document text that a spreadsheet would take for a formula is made inert (`inert`).
import { goldsteinOf } from './gdelt-export.ts';
import type { ExportEvent } from './types.ts';

/** The CSV columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'date_first',
  'date_last',
  'type',
  'mode',
  'cameo',
  'quad',
  'goldstein',
  'source',
  'source_name',
  'target',
  'target_name',
  'actors',
  'confidence',
  'negated',
  'mentions',
  'document_id',
  'document_title',
  'document_date',
  'evidence_start',
  'evidence_end',
  'evidence_text',
  'url',
  'corrected',
] as const;

// Evidence is prose: always quoted, so a spreadsheet never splits or reinterprets it.
const ALWAYS_QUOTED = new Set<string>(['evidence_text', 'document_title']);

/**
 * Text from documents that a spreadsheet would run as a formula (it starts with = + - @, a tab or
 * a carriage return) gets a leading apostrophe, as OWASP advises against CSV injection: the
 * spreadsheet shows the text, and a reader of the file sees why it changed. Codes, numbers and
 * dates are written by ties and left alone.
 */
export function inert(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field as RFC 4180 writes it. */
export function csvField(value: string, force = false): string {
  return force || /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV row values of one event (strings, empty for null). */
export function csvRow(e: ExportEvent): Record<(typeof CSV_COLUMNS)[number], string> {
  const m = e.mentions[0];
  const s = (v: string | number | null | undefined) =>
    v === null || v === undefined ? '' : String(v);
  return {
    id: s(e.id),
    date: s(e.date),
    date_first: s(e.dateFirst),
    date_last: s(e.dateLast),
    type: e.type,
    mode: s(e.mode),
    cameo: s(e.cameo),
    quad: e.quad,
    goldstein: s(goldsteinOf(e)),
    source: s(e.source?.code),
    source_name: inert(s(e.source?.name)),
    target: s(e.target?.code),
    target_name: inert(s(e.target?.name)),
    actors: e.actors.join(';'),
    confidence: s(e.confidence),
    negated: e.negated ? 'true' : 'false',
    mentions: s(e.mentions.length),
    document_id: s(m?.documentId),
    document_title: inert(s(m?.documentTitle)),
    document_date: s(m?.documentDate),
    evidence_start: s(m?.evidence?.start),
    evidence_end: s(m?.evidence?.end),
    evidence_text: inert(s(m?.evidence?.text)),
    url: inert(s(m?.url)),
    corrected: e.corrections?.length ? 'true' : 'false',
  };
}

/** The events as one CSV text with a header row. */
export function toCsv(events: ExportEvent[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const e of events) {
    const row = csvRow(e);
    lines.push(CSV_COLUMNS.map((c) => csvField(row[c], ALWAYS_QUOTED.has(c))).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * Parses RFC 4180 CSV into rows of fields. Accepts LF as well as CRLF line ends; a quoted field may
 * span lines. Returns null-free strings; a final line break does not make an empty row.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && text[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
