// `ties ingest PATH…`: store documents and their facts, many documents per transaction (each
// whole or not at all).
import { basename } from 'node:path';
import { TiesError } from '../../errors.ts';
import type { FileOutcome, IngestSummary } from '../../services/ingest.service.ts';
import { byteSize, count, dbFlag, isoDate } from '../args.ts';
import { defineCommand } from '../command.ts';

function progress(stream: NodeJS.WriteStream) {
  const tty = stream.isTTY === true;
  return {
    file(r: FileOutcome, done: number, total: number) {
      const what =
        r.status === 'failed'
          ? `failed    ${r.path}: ${r.reason}`
          : `${r.status.padEnd(10)}${r.path}${r.status === 'added' ? ` (${r.outcome.events} events)` : ''}`;
      // Read with a fallback (not UTF-8): said on its own line, as `ties extract` says it.
      const notes = r.status === 'failed' ? [] : r.warnings.map((w) => `warning   ${r.path}: ${w}`);
      if (!tty) {
        stream.write(`[${done}/${total}] ${what}\n`);
        for (const n of notes) stream.write(`${n}\n`);
        return;
      }
      for (const n of notes) stream.write(`\r\x1b[K${n}\n`);
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
  const replaced = s.replaced ? `, replaced older versions: ${s.replaced}` : '';
  const redated = s.redated ? `, re-extracted with the new date: ${s.redated}` : '';
  const lines = [
    `documents added: ${s.added}, unchanged: ${s.unchanged}, failed: ${s.failed.length}${replaced}${redated}`,
    `events found: ${s.events}`,
  ];
  for (const f of s.failed) lines.push(`  failed ${f.path}: ${f.reason}`);
  for (const c of s.correctionProblems)
    lines.push(`  correction not applied (${c.kind}) ${c.path}: ${c.problem}`);
  return lines.join('\n');
}

export default defineCommand({
  name: 'ingest',
  summary: 'store documents (files, folders) and their events in the database',
  args: 'PATH…',
  about: `Reads files and folders (recursively, following symbolic links: .txt .md .html .htm,
those in .gz, and the documents inside .zip archives), extracts their events and stores them.
The same content again is a no-op; a changed file replaces its old facts. A file that fails
(too big, unreadable, out of memory) fails alone: the others are stored, and the exit code is 1,
as it is when a folder holds no document. Bytes that are not UTF-8 are read as Windows-1252,
with a warning line. Corrections (ties corrections) are applied again to every document
stored; one whose text is gone from a changed file is reported.`,
  flags: {
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: `publication date of the documents (anchor of "last year", "on Tuesday");
a stored file given another date is re-extracted with it`,
    },
    jobs: {
      type: 'string',
      value: 'N',
      help: `extraction threads beside the one storing (default: one per other core, none
for fewer than 32 files; 0 extracts in the storing thread)`,
    },
    'max-bytes': {
      type: 'string',
      value: 'N',
      help: `a bigger file fails alone, unread (default 48M; as 5000000, 64M or 1G). The
extractor reads long texts in windows, but the text and the findings are held whole by
the reader, the extraction thread and the store (up to about 25 times the file's size):
48 MiB keeps an ingest under about 1.5 GB`,
    },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (!positionals.length) {
      throw new TiesError('INVALID', 'give at least one file or folder (ties ingest --help)');
    }
    const date = isoDate(values.date, '--date');
    const workers = count(values.jobs, '--jobs', 64);
    const maxBytes = byteSize(values['max-bytes'], '--max-bytes');
    const [{ ingestPaths }, { openStore }] = await Promise.all([
      import('../../services/ingest.service.ts'),
      import('../../services/database.service.ts'),
    ]);
    const db = openStore(values.db);
    try {
      const p = progress(process.stderr);
      const result = await ingestPaths(db, positionals, {
        date,
        workers,
        maxBytes,
        onFile: (r, done, total) => p.file(r, done, total),
      });
      console.log(summary(result));
      return result.failed.length ? 1 : 0;
    } finally {
      db.close();
    }
  },
});
