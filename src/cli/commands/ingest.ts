// `ties ingest PATH…`: store documents and their facts, many documents per transaction (each whole or not at all).
import { basename } from 'node:path';
import { ingestPaths, type FileOutcome, type IngestSummary } from '../../services/ingest.service.ts';
import { openStore } from '../../services/database.service.ts';
import { isoDate, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { count, parse } from '../args.ts';

const usage = `usage: ties ingest PATH… [--date YYYY-MM-DD] [--jobs N] [--db FILE]

Reads files and folders (recursively: .txt .md .html .htm), extracts their events and stores
them. The same content again is a no-op; a changed file replaces its old facts.
  --date D   publication date of the documents (anchor of "last year", "on Tuesday")
  --jobs N   extraction threads beside the one storing (default: one per other core, none
             for fewer than 32 files; 0 extracts in the storing thread)
  --db FILE  database file (default: $TIES_DB or ./ties.db)`;

function progress(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  return {
    file(r: FileOutcome, done: number, total: number) {
      const what = r.status === 'failed' ? `failed    ${r.path}: ${r.reason}` : `${r.status.padEnd(10)}${r.path}${r.status === 'added' ? ` (${r.outcome.events} events)` : ''}`;
      if (!tty) {
        stream.write(`[${done}/${total}] ${what}\n`);
        return;
      }
      const width = 30;
      const filled = total ? Math.round((done / total) * width) : width;
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${basename(r.path)}`;
      // Failures stay on screen above the bar; everything else is overwritten.
      if (r.status === 'failed') stream.write(`\r\x1b[K${what}\n`);
      stream.write(`\r\x1b[K${bar.slice(0, (stream.columns ?? 80) - 1)}`);
      if (done === total) stream.write('\n');
    },
  };
}

function summary(s: IngestSummary): string {
  const lines = [
    `documents added: ${s.added}, unchanged: ${s.unchanged}, failed: ${s.failed.length}${s.replaced ? `, replaced older versions: ${s.replaced}` : ''}`,
    `events found: ${s.events}`,
  ];
  for (const f of s.failed) lines.push(`  failed ${f.path}: ${f.reason}`);
  return lines.join('\n');
}

/** `ties ingest`. */
export const ingestCommand: Command = {
  name: 'ingest',
  summary: 'store documents (files, folders) and their events in the database',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { date: { type: 'string' }, jobs: { type: 'string' }, db: { type: 'string' } });
    if (!positionals.length) throw new TiesError('INVALID', 'give at least one file or folder (ties ingest --help)');
    const date = values.date === undefined ? undefined : validate(isoDate, values.date);
    const workers = count(values.jobs, '--jobs', 64);
    const db = openStore(values.db);
    try {
      const p = progress(process.stderr);
      const result = await ingestPaths(db, positionals, { date, workers, onFile: (r, done, total) => p.file(r, done, total) });
      console.log(summary(result));
      return result.failed.length ? 1 : 0;
    } finally {
      db.close();
    }
  },
};
