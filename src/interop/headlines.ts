// An event as a sentence ("Pakistan recognises Azerbaijan"), for TimelineJS headlines. The verb
// phrases are data (data/export/headlines.tsv): by CAMEO code, by PLOVER type and mode, by type.
import { readFileSync } from 'node:fs';
import { cameoEvent } from '../codes/cameo.ts';
import { PLOVER_TYPES } from '../extract/types.ts';
import { nameOf } from '../services/actors.service.ts';
import type { ExportEvent } from './types.ts';

/** The three forms of one row: with a source and a target, with one side, with the participants together. */
export interface HeadlinePhrases {
  pair: string;
  alone: string;
  joint: string;
}

let table: Map<string, HeadlinePhrases> | null = null;

/** The rows of data/export/headlines.tsv by key (CAMEO code, TYPE/mode or TYPE). */
export function headlineTable(): Map<string, HeadlinePhrases> {
  if (table) return table;
  const text = readFileSync(new URL('../../data/export/headlines.tsv', import.meta.url), 'utf8');
  const rows = text
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .slice(1)
    .map((l) => l.split('\t'));
  table = new Map(
    rows.map(([key = '', pair = '', alone = '', joint = '']) => [key, { pair, alone, joint }]),
  );
  for (const t of PLOVER_TYPES)
    if (!table.has(t)) throw new Error(`data/export/headlines.tsv has no row for ${t}`);
  return table;
}

/** The phrases for an event: its CAMEO code's when that code reads as its type, else its mode's, else its type's. */
export function phrasesOf(e: Pick<ExportEvent, 'type' | 'mode' | 'cameo'>): HeadlinePhrases {
  const rows = headlineTable();
  const byCode = e.cameo && cameoEvent(e.cameo)?.type === e.type ? rows.get(e.cameo) : undefined;
  return (
    byCode ??
    (e.mode ? rows.get(`${e.type}/${e.mode}`) : undefined) ??
    (rows.get(e.type) as HeadlinePhrases)
  );
}

/** "A, B and C". */
function list(names: string[]): string {
  return names.length < 2
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The event as a sentence; a negated one says the text denies it. */
export function headline(e: ExportEvent): string {
  const p = phrasesOf(e);
  const name = (a: ExportEvent['source']) => (a ? a.name || a.code : null);
  const s = name(e.source);
  const t = name(e.target);
  let sentence: string;
  if (s && t) sentence = p.pair.replace('{s}', s).replace('{t}', t);
  else if (s || t) sentence = p.alone.replace('{s}', (s ?? t) as string);
  else if (e.actors.length > 1) sentence = p.joint.replace('{all}', list(e.actors.map(nameOf)));
  else sentence = p.alone.replace('{s}', e.actors[0] ? nameOf(e.actors[0]) : 'Someone');
  return e.negated ? `Denied: ${sentence}` : sentence;
}
