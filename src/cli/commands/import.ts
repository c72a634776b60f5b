// `ties import gdelt FILE…` and `ties import json FILE…`: events from other tools (or from a ties
// export) into the database, with a summary that accounts for every row.
import { readFileSync } from 'node:fs';
import { TiesError } from '../../errors.ts';
import type { GdeltImportSummary } from '../../interop/import.service.ts';
import { dbFlag, nearest } from '../args.ts';
import { defineCommand } from '../command.ts';

function read(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new TiesError(code === 'ENOENT' ? 'NOT_FOUND' : 'IO', `cannot read ${path}: ${why}`);
  }
}

/** The lines of a GDELT import summary. */
export function gdeltReport(s: GdeltImportSummary): string[] {
  const layouts =
    Object.entries(s.layouts)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'none readable';
  const roots = Object.entries(s.skippedRoots)
    .map(([k, v]) => `${v} CAMEO ${k}`)
    .join(', ');
  const docs = s.documents;
  const lines = [
    `${s.file}: ${s.rows} rows (${layouts})`,
    `  imported ${s.imported} as mentions in ${docs.added} new documents (${s.newEvents} new events, the rest merged)`,
    ...(s.unchanged
      ? [
          `  unchanged ${s.unchanged} (their ${docs.unchanged} source documents were already stored)`,
        ]
      : []),
    `  skipped ${s.skipped['no-plover-type']} with no PLOVER type${roots ? ` (${roots})` : ''}`,
    `  skipped ${s.skipped['no-state-actor']} with no state or intergovernmental actor`,
    `  malformed ${s.malformed.length}`,
  ];
  for (const m of s.malformed.slice(0, 20)) {
    lines.push(`    ${m.entry ? `${m.entry}:` : ''}line ${m.line}: ${m.reason}`);
  }
  if (s.malformed.length > 20) lines.push(`    … and ${s.malformed.length - 20} more`);
  return lines;
}

export default defineCommand({
  name: 'import',
  summary: 'import GDELT event exports or a ties JSON export',
  args: 'gdelt|json FILE…',
  about: `gdelt: GDELT 1.0 (57/58 columns) or 2.0 (61 columns) event exports, tab-separated or zipped.
  Each source URL becomes a document; each row an event mention with no text span (GDELT gives
  none). Rows with CAMEO roots 01/02 (no PLOVER type) or without a state or intergovernmental
  actor are skipped and counted; malformed rows are reported with their line. A file in which
  no row reads as GDELT fails, and nothing of it is stored.
json: a ties JSON or JSONL export (ties export --format json|jsonl): the same documents and events,
  and the corrections it carries, applied to their documents.`,
  flags: { db: dbFlag },
  async run({ values, positionals }) {
    const [kind, ...files] = positionals;
    if (kind !== 'gdelt' && kind !== 'json') {
      const near = kind ? nearest(kind, ['gdelt', 'json']) : [];
      const hint = near.length ? `did you mean ${near[0]}?` : 'ties import --help';
      throw new TiesError('INVALID', `say what to import: 'gdelt' or 'json' (${hint})`);
    }
    if (!files.length) throw new TiesError('INVALID', 'give at least one file to import');
    const [{ importGdelt, importJson }, { openStore }] = await Promise.all([
      import('../../interop/import.service.ts'),
      import('../../services/database.service.ts'),
    ]);
    const db = openStore(values.db);
    try {
      for (const file of files) {
        const bytes = read(file);
        if (kind === 'gdelt') {
          for (const line of gdeltReport(importGdelt(db, bytes, file))) console.log(line);
        } else {
          const s = importJson(db, bytes.toString('utf8'), file);
          const docs = `${s.documents.added} documents added, ${s.documents.unchanged} already stored`;
          console.log(`${file}: ${docs}; ${s.mentions} mentions, ${s.newEvents} new events`);
          const c = s.corrections;
          if (c.added || c.unchanged)
            console.log(`  corrections: ${c.added} added, ${c.unchanged} already stored`);
          for (const p of c.problems)
            console.log(`  correction not applied (${p.kind} ${p.uid.slice(0, 8)}): ${p.problem}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
