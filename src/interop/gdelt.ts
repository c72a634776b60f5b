// GDELT event exports → ties events. GDELT 1.0 (57 columns before April 2013, 58 after, with
// SOURCEURL) and 2.0 (61 columns) are told apart by each row's column count. A row that cannot
// be read is reported with its line number and never stops the file.
import type { EventActor, PloverType } from '../extract/types.ts';
import { cameoActor, cameoEvent, isStateRole } from '../codes/cameo.ts';

/** Which GDELT event table layout a row follows. */
export type GdeltLayout = 'gdelt1-57' | 'gdelt1-58' | 'gdelt2-61';

/** The fields of one GDELT event row that ties keeps. */
export interface GdeltRow {
  layout: GdeltLayout;
  globalEventId: string;
  /** The event's day, `YYYY-MM-DD` (GDELT's SQLDATE). */
  date: string;
  actor1: GdeltActor;
  actor2: GdeltActor;
  isRootEvent: boolean;
  eventCode: string;
  eventRootCode: string;
  /** GDELT's quad class: 1 verbal cooperation … 4 material conflict. */
  quadClass: 1 | 2 | 3 | 4;
  goldstein: number;
  numMentions: number;
  numSources: number;
  numArticles: number;
  avgTone: number;
  /** When GDELT added the row: `YYYYMMDD` (1.0) or `YYYYMMDDHHMMSS` (2.0). */
  dateAdded: string;
  sourceUrl: string | null;
}

/** One side of a GDELT event as coded: the full CAMEO code and its parts. */
export interface GdeltActor {
  code: string;
  name: string;
  countryCode: string;
  knownGroupCode: string;
  /** Role codes (GOV, MIL, BUS, …), empty ones dropped. */
  types: string[];
}

/** A GDELT row read as a ties event: no text span, the source URL is its provenance. */
export interface GdeltEvent {
  /** `gdelt:GLOBALEVENTID`. */
  id: string;
  type: PloverType;
  mode: string | null;
  cameo: string;
  date: string;
  source: EventActor | null;
  target: EventActor | null;
  actors: string[];
  /** GDELT rows carry no text: always null, see `note`. */
  evidence: null;
  url: string | null;
  note: string;
  confidence: number;
  negated: false;
  /** What GDELT coded that a ties event has no field for. */
  gdelt: Pick<
    GdeltRow,
    | 'globalEventId'
    | 'layout'
    | 'quadClass'
    | 'goldstein'
    | 'numMentions'
    | 'numSources'
    | 'numArticles'
    | 'avgTone'
    | 'dateAdded'
    | 'isRootEvent'
    | 'actor1'
    | 'actor2'
  >;
}

/** Why a well-formed row was not imported. */
export type GdeltSkipReason = 'no-plover-type' | 'no-state-actor';

/** A row that could not be read, with its 1-based line number. */
export interface GdeltProblem {
  line: number;
  reason: string;
}

/** Everything read from one GDELT export. */
export interface GdeltParse {
  rows: number;
  layouts: Partial<Record<GdeltLayout, number>>;
  events: GdeltEvent[];
  skipped: Record<GdeltSkipReason, number>;
  /** Skipped rows by CAMEO root, so a summary can say which roots had no PLOVER type. */
  skippedRoots: Record<string, number>;
  malformed: GdeltProblem[];
}

/** What ties says in every GDELT event about where it comes from. */
export const GDELT_NOTE =
  'Coded by GDELT from the article at the source URL; GDELT gives no text span.';

const LAYOUT: Record<number, GdeltLayout> = { 57: 'gdelt1-57', 58: 'gdelt1-58', 61: 'gdelt2-61' };

// Column positions differ only after the actor blocks (2.0 adds an ADM2 column to each geo block).
const COLUMNS = {
  'gdelt1-57': { dateAdded: 56, url: -1 },
  'gdelt1-58': { dateAdded: 56, url: 57 },
  'gdelt2-61': { dateAdded: 59, url: 60 },
} as const;

function dayOf(sqlDate: string): string | null {
  if (!/^\d{8}$/.test(sqlDate)) return null;
  const y = Number(sqlDate.slice(0, 4));
  const m = Number(sqlDate.slice(4, 6));
  const d = Number(sqlDate.slice(6, 8));
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return `${sqlDate.slice(0, 4)}-${sqlDate.slice(4, 6)}-${sqlDate.slice(6, 8)}`;
}

const actorAt = (f: string[], i: number): GdeltActor => ({
  code: f[i] ?? '',
  name: f[i + 1] ?? '',
  countryCode: f[i + 2] ?? '',
  knownGroupCode: f[i + 3] ?? '',
  types: [f[i + 7], f[i + 8], f[i + 9]].filter((t): t is string => !!t),
});

/** Reads one tab-split row; a string says why it is malformed. */
export function readGdeltRow(f: string[]): GdeltRow | string {
  const layout = LAYOUT[f.length];
  if (!layout)
    return `${f.length} column${f.length === 1 ? '' : 's'} (GDELT 1.0 has 57 or 58, 2.0 has 61)`;
  const [id = '', sqlDate = ''] = f;
  if (!/^\d+$/.test(id)) return `GLOBALEVENTID '${id}' is not a number`;
  const date = dayOf(sqlDate);
  if (!date) return `SQLDATE '${sqlDate}' is not a date YYYYMMDD`;
  const eventCode = f[26] ?? '';
  if (!/^\d{2,4}$/.test(eventCode) || !cameoEvent(eventCode))
    return `EventCode '${eventCode}' is not a CAMEO code`;
  const quad = Number(f[29]);
  if (quad !== 1 && quad !== 2 && quad !== 3 && quad !== 4)
    return `QuadClass '${f[29]}' is not 1–4`;
  const goldstein = Number(f[30]);
  if (f[30] === '' || !Number.isFinite(goldstein) || goldstein < -10 || goldstein > 10) {
    return `GoldsteinScale '${f[30]}' is not a number from -10 to 10`;
  }
  const cols = COLUMNS[layout];
  const url = cols.url >= 0 ? (f[cols.url] ?? '').trim() : '';
  return {
    layout,
    globalEventId: id,
    date,
    actor1: actorAt(f, 5),
    actor2: actorAt(f, 15),
    isRootEvent: f[25] === '1',
    eventCode,
    eventRootCode: f[28] || eventCode.slice(0, 2),
    quadClass: quad,
    goldstein,
    numMentions: Number(f[31]) || 0,
    numSources: Number(f[32]) || 0,
    numArticles: Number(f[33]) || 0,
    avgTone: Number(f[34]) || 0,
    dateAdded: f[cols.dateAdded] ?? '',
    sourceUrl: url || null,
  };
}

/**
 * The ties actor a GDELT actor stands for: its state when it is the state or one of its organs
 * (no role, or GOV, MIL, …), else its intergovernmental organisation; null for companies, media,
 * rebels and other non-state actors, even when GDELT gives them a country.
 */
export function gdeltActor(a: GdeltActor): EventActor | null {
  const text = a.name || a.code;
  const country = a.countryCode ? cameoActor(a.countryCode) : null;
  if (country?.code && country.kind === 'state' && a.types.every(isStateRole))
    return { code: country.code, text };
  const group = a.knownGroupCode ? cameoActor(a.knownGroupCode) : null;
  if (group?.code && group.kind === 'organisation') return { code: group.code, text };
  return null;
}

// GDELT has no confidence; more independent sources make a machine-coded event likelier real.
const confidenceOf = (sources: number) => Math.min(0.9, 0.5 + 0.1 * Math.max(0, sources - 1));

/** A GDELT row as a ties event, or why it is skipped. */
export function gdeltEvent(row: GdeltRow): GdeltEvent | GdeltSkipReason {
  const code = cameoEvent(row.eventCode);
  if (!code?.type) return 'no-plover-type';
  const source = gdeltActor(row.actor1);
  const target = gdeltActor(row.actor2);
  if (!source && !target) return 'no-state-actor';
  const actors = [...new Set([source?.code, target?.code].filter((c): c is string => !!c))];
  return {
    id: `gdelt:${row.globalEventId}`,
    type: code.type,
    mode: code.mode,
    cameo: row.eventCode,
    date: row.date,
    source,
    target,
    actors,
    evidence: null,
    url: row.sourceUrl,
    note: GDELT_NOTE,
    confidence: confidenceOf(row.numSources),
    negated: false,
    gdelt: {
      globalEventId: row.globalEventId,
      layout: row.layout,
      quadClass: row.quadClass,
      goldstein: row.goldstein,
      numMentions: row.numMentions,
      numSources: row.numSources,
      numArticles: row.numArticles,
      avgTone: row.avgTone,
      dateAdded: row.dateAdded,
      isRootEvent: row.isRootEvent,
      actor1: row.actor1,
      actor2: row.actor2,
    },
  };
}

/** A GDELT export read in pieces: `push` text as it is decoded, `end` for what was read. */
export interface GdeltReader {
  push(text: string): void;
  end(): GdeltParse;
}

/** Reads a GDELT export (tab-separated, no header) chunk by chunk; every row is imported, skipped or reported. */
export function gdeltReader(): GdeltReader {
  const out: GdeltParse = {
    rows: 0,
    layouts: {},
    events: [],
    skipped: { 'no-plover-type': 0, 'no-state-actor': 0 },
    skippedRoots: {},
    malformed: [],
  };
  let line = 0;
  // The unfinished last line of the text pushed so far.
  let rest = '';
  const row = (text: string) => {
    line++;
    if (text.endsWith('\r')) text = text.slice(0, -1);
    // Blank lines (a final newline leaves one) are not rows.
    if (text === '') return;
    out.rows++;
    const row = readGdeltRow(text.split('\t'));
    if (typeof row === 'string') {
      out.malformed.push({ line, reason: row });
      return;
    }
    out.layouts[row.layout] = (out.layouts[row.layout] ?? 0) + 1;
    const event = gdeltEvent(row);
    if (typeof event === 'string') {
      out.skipped[event]++;
      if (event === 'no-plover-type')
        out.skippedRoots[row.eventRootCode] = (out.skippedRoots[row.eventRootCode] ?? 0) + 1;
      return;
    }
    out.events.push(event);
  };
  return {
    push(text) {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) row(l);
    },
    end() {
      row(rest);
      rest = '';
      return out;
    },
  };
}

/** Reads a whole GDELT export (tab-separated, no header); every row is imported, skipped or reported. */
export function parseGdelt(text: string): GdeltParse {
  const reader = gdeltReader();
  reader.push(text);
  return reader.end();
}
