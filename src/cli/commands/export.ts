// `ties export`: the current view (a pair, one actor, or everything) as CSV, JSON, JSONL,
// TimelineJS or GDELT-style TSV, to a file or standard output.
import { TiesError } from '../../errors.ts';
import { dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'export',
  summary: 'export a timeline as CSV, JSON, JSONL, TimelineJS or GDELT-style TSV',
  args: '--format csv|json|jsonl|timelinejs|gdelt [A [B]]',
  about: `The events between A and B (or involving A, or all events) in another tool's format:
  csv         one row per event (RFC 4180, header, evidence quoted)
  json|jsonl  the extraction contract, one {document, events} per document (re-importable:
              ties import json FILE)
  timelinejs  a TimelineJS 3 JSON file (undated events left out)
  gdelt       GDELT 2.0-style tab-separated rows, PLOVER mapped back to CAMEO roots`,
  flags: {
    format: { type: 'string', short: 'f', value: 'F', help: 'csv, json, jsonl, timelinejs or gdelt' },
    out: { type: 'string', short: 'o', value: 'FILE', help: 'write to FILE instead of standard output' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    const [{ writeFileSync }, { EXPORT_FORMATS, exportView, isExportFormat }, { openStore }] =
      await Promise.all([
        import('node:fs'),
        import('../../interop/export.service.ts'),
        import('../../services/database.service.ts'),
      ]);
    const format = values.format;
    if (!format || !isExportFormat(format)) {
      throw new TiesError('INVALID', `--format takes one of ${EXPORT_FORMATS.join(', ')}`);
    }
    if (positionals.length > 2) {
      throw new TiesError('INVALID', 'give at most two countries (ties export --help)');
    }
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
});
