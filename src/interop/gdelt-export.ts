// Events as a GDELT 2.0-style event export (61 tab-separated columns, no header), so tools built
// for GDELT can read ties' timelines. PLOVER types map back to CAMEO roots; an event keeps its
// own CAMEO code when that code reads as the same PLOVER type.
import { quadClass } from '../codes/plover.ts';
import type { PloverType } from '../extract/types.ts';
import { cameoActor, cameoActorOf, cameoEvent, cameoRoot, goldsteinScore } from '../codes/cameo.ts';
import type { ExportActor, ExportEvent } from './types.ts';

const GDELT_QUAD = {
  'verbal-cooperation': 1,
  'material-cooperation': 2,
  'verbal-conflict': 3,
  'material-conflict': 4,
} as const;

/** The CAMEO event code written for an event: its own when consistent with its type, else the type's root. */
export function exportCameo(e: {
  type: PloverType;
  cameo: string | null;
  mode: string | null;
}): string {
  if (e.cameo && /^\d{2,4}$/.test(e.cameo) && cameoEvent(e.cameo)?.type === e.type) {
    return e.cameo.length === 2 ? `${e.cameo}0` : e.cameo;
  }
  // CAMEO 19 "fight" is the conventional-military half of PLOVER's ASSAULT.
  if (e.type === 'ASSAULT' && e.mode && /firearms|heavy-weapons|military/.test(e.mode))
    return '190';
  return `${cameoRoot(e.type)}0`;
}

/**
 * The Goldstein cooperation–conflict score (-10 to +10) of an event: that of the CAMEO code it is
 * written with (data/codes/cameo-goldstein.tsv); null when the text says it did not happen.
 */
export function goldsteinOf(e: {
  type: PloverType;
  cameo: string | null;
  mode: string | null;
  negated: boolean;
}): number | null {
  return e.negated ? null : goldsteinScore(exportCameo(e));
}

function actorColumns(a: ExportActor | null): string[] {
  // Code, Name, CountryCode, KnownGroupCode, EthnicCode, Religion1Code, Religion2Code, Type1..3Code.
  if (!a) return ['', '', '', '', '', '', '', '', '', ''];
  const cameo = cameoActorOf(a.code);
  const kind = cameo ? cameoActor(cameo)?.kind : null;
  const code = cameo ?? a.code;
  const name = (a.name || a.text || a.code).toUpperCase();
  return [
    code,
    name,
    kind === 'state' ? code : '',
    kind === 'organisation' ? code : '',
    '',
    '',
    '',
    '',
    '',
    '',
  ];
}

const geoBlock = () => ['0', '', '', '', '', '', '', ''];

/** Days from `YYYY-MM-DD` as GDELT's FractionDate (year + day-of-year / 365). */
function fractionDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const doy = (Date.UTC(y, m - 1, d) - Date.UTC(y, 0, 1)) / 86_400_000 + 1;
  return (y + doy / 365).toFixed(4);
}

/** What the GDELT export wrote and what it could not. */
export interface GdeltExport {
  text: string;
  rows: number;
  /** Undated events: GDELT needs a day, so they are left out. */
  undated: number;
  /** Dated coarser than a day: written on their first day (GDELT cannot say "1991" or "1991-12"). */
  widened: number;
  /** Ids of the events a user corrected (GDELT's columns cannot say it). */
  corrected: string[];
}

/**
 * The events as GDELT 2.0 rows. `dateAdded` (`YYYYMMDDHHMMSS`) is the export time; numeric event
 * ids are kept as GLOBALEVENTID, others numbered from 1.
 */
export function toGdelt(events: ExportEvent[], dateAdded: string): GdeltExport {
  const lines: string[] = [];
  let undated = 0;
  let widened = 0;
  let seq = 0;
  for (const e of events) {
    const day = e.dateFirst ?? (e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : null);
    if (!day) {
      undated++;
      continue;
    }
    if (!e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) widened++;
    seq++;
    const raw = String(e.id).replace(/^gdelt:/, '');
    const id = /^\d+$/.test(raw) ? raw : String(seq);
    const type = e.type;
    const code = exportCameo({ type, cameo: e.cameo, mode: e.mode });
    const sqlDate = day.replace(/-/g, '');
    const urls = e.mentions.map((m) => m.url).filter((u): u is string => !!u);
    const docs = new Set(e.mentions.map((m) => m.documentId));
    const row = [
      id,
      sqlDate,
      sqlDate.slice(0, 6),
      sqlDate.slice(0, 4),
      fractionDate(day),
      ...actorColumns(e.source),
      ...actorColumns(e.target),
      '1',
      code,
      code.slice(0, 3),
      code.slice(0, 2),
      String(GDELT_QUAD[quadClass(type)]),
      String(goldsteinScore(code) ?? 0),
      String(e.mentions.length),
      String(docs.size),
      String(e.mentions.length),
      // AvgTone is GDELT's own article sentiment: ties has none to give.
      '',
      ...geoBlock(),
      ...geoBlock(),
      ...geoBlock(),
      dateAdded,
      urls[0] ?? '',
    ];
    lines.push(row.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t'));
  }
  const corrected = events.filter((e) => e.corrections?.length).map((e) => String(e.id));
  return {
    text: lines.length ? lines.join('\n') + '\n' : '',
    rows: lines.length,
    undated,
    widened,
    corrected,
  };
}
