// `ties export`: the current view (a pair, one actor, or everything) as CSV, JSON, JSONL,
// TimelineJS or GDELT-style TSV, to a file or standard output.
import { TiesError } from '../../errors.ts';
import { check, COUNTRY_ARGS, dbFlag } from '../args.ts';
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
    format: {
      type: 'string',
      short: 'f',
      value: 'F',
      help: 'csv, json, jsonl, timelinejs or gdelt',
    },
    out: {
      type: 'string',
      short: 'o',
      value: 'FILE',
      help: 'write to FILE instead of standard output',
    },
    type: {
      type: 'string',
      multiple: true,
      value: 'T',
      help: 'only these PLOVER types (repeat, or comma-separate)',
    },
    quad: { type: 'string', value: 'Q', help: 'only these quad classes, comma-separated' },
    from: { type: 'string', value: 'YYYY', help: 'only events reaching into this year or later' },
    to: { type: 'string', value: 'YYYY', help: 'only events reaching into this year or earlier' },
    doc: { type: 'string', value: 'ID', help: 'only events stated in this document' },
    search: {
      type: 'string',
      value: 'WORDS',
      help: 'only events stated in a sentence with these words',
    },
    page: {
      type: 'string',
      value: 'URL',
      help: 'the explorer TimelineJS slides link to (default http://127.0.0.1:8787/)',
    },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    const [
      { writeFileSync },
      { EXPORT_FORMATS, exportView, isExportFormat },
      { openStore },
      { exportViewQuery },
      { eventsQueryOf },
    ] = await Promise.all([
      import('node:fs'),
      import('../../interop/export.service.ts'),
      import('../../services/database.service.ts'),
      import('../../services/schemas.ts'),
      import('../../services/events.service.ts'),
    ]);
    const format = values.format;
    if (!format || !isExportFormat(format)) {
      throw new TiesError('INVALID', `--format takes one of ${EXPORT_FORMATS.join(', ')}`);
    }
    if (positionals.length > 2) {
      throw new TiesError('INVALID', 'give at most two countries (ties export --help)');
    }
    const input = {
      a: positionals[0],
      b: positionals[1],
      type: values.type,
      quad: values.quad,
      from: values.from,
      to: values.to,
      doc: values.doc,
      q: values.search,
    };
    const q = check(exportViewQuery, input, { ...COUNTRY_ARGS, q: '--search' });
    const view = eventsQueryOf(q);
    const page = values.page ?? 'http://127.0.0.1:8787/';
    const db = openStore(values.db, true);
    try {
      const file = exportView(db, format, view, { page });
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
