// `ties export`: the current view (a pair, one actor, or everything) as CSV, JSON, JSONL,
// TimelineJS or GDELT-style TSV, to a file or standard output.
import { writeFileSync } from 'node:fs';
import { TiesError } from '../../errors.ts';
import { EXPORT_FORMATS, exportView, isExportFormat } from '../../interop/export.service.ts';
import { openStore } from '../../services/database.service.ts';
import { parse } from '../args.ts';
import type { Command } from '../command.ts';

const usage = `usage: ties export --format csv|json|jsonl|timelinejs|gdelt [A [B]] [--out FILE] [--db FILE]

The events between A and B (or involving A, or all events) in another tool's format:
  csv         one row per event (RFC 4180, header, evidence quoted)
  json|jsonl  the extraction contract, one {document, events} per document (re-importable:
              ties import json FILE)
  timelinejs  a TimelineJS 3 JSON file (undated events left out)
  gdelt       GDELT 2.0-style tab-separated rows, PLOVER mapped back to CAMEO roots
  --out FILE  write to FILE instead of standard output`;

/** `ties export`. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'export a timeline as CSV, JSON, JSONL, TimelineJS or GDELT-style TSV',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { format: { type: 'string', short: 'f' }, out: { type: 'string', short: 'o' }, db: { type: 'string' } });
    const format = values.format;
    if (!format || !isExportFormat(format)) throw new TiesError('INVALID', `--format takes one of ${EXPORT_FORMATS.join(', ')}`);
    if (positionals.length > 2) throw new TiesError('INVALID', 'give at most two countries (ties export --help)');
    const db = openStore(values.db, true);
    try {
      const file = exportView(db, format, { a: positionals[0], b: positionals[1] });
      if (values.out) {
        writeFileSync(values.out, file.text);
        console.error(`${values.out}: ${file.events} events as ${format}`);
      } else process.stdout.write(file.text);
      for (const note of file.notes) console.error(`note: ${note}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
