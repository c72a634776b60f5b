// `ties extract`: one document (or a batch on stdin) in, its events out, for a person or as JSON.
import { readFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { TiesError } from '../../errors.ts';
import type { Extraction, ExtractedEvent } from '../../extract/types.ts';
import { byteSize, isoDate } from '../args.ts';
import { defineCommand } from '../command.ts';

/** Throws the one-line refusal of a document over the size limit (`services/limits.ts`). */
type SizeCheck = (name: string, bytes: number, max?: number) => void;

function readInput(
  path: string,
  maxBytes: number | undefined,
  checkDocumentSize: SizeCheck,
): Uint8Array {
  try {
    // A file's size is known before it is read: refused unread when over the limit.
    if (path !== '-') checkDocumentSize(path, statSync(path).size, maxBytes);
    const bytes = path === '-' ? readFileSync(0) : readFileSync(path);
    if (path === '-') checkDocumentSize('standard input', bytes.length, maxBytes);
    return bytes;
  } catch (e) {
    if (e instanceof TiesError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TiesError('NOT_FOUND', `no such file: ${path}`);
    if (code === 'EISDIR')
      throw new TiesError('INVALID', `${path} is a folder: ties ingest reads folders`);
    throw new TiesError('IO', `cannot read ${path}: ${(e as Error).message}`);
  }
}

const arrow = (e: ExtractedEvent) => `${e.source?.code ?? '?'} → ${e.target?.code ?? '·'}`;

/** The extraction as a person reads it: events in date order, undated last, each with its sentence. */
function human(x: Extraction): string {
  const dated = x.events.filter((e) => e.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const undated = x.events.filter((e) => !e.date);
  const lines: string[] = [];
  if (x.document.title) lines.push(x.document.title, '');
  lines.push(
    `${x.events.length} events (${dated.length} dated), ${x.prospects.length} prospects`,
    '',
  );
  for (const e of [...dated, ...undated]) {
    const negated = e.negated ? ' (negated)' : '';
    lines.push(`${(e.date ?? 'undated').padEnd(21)} ${e.type.padEnd(9)} ${arrow(e)}${negated}`);
    lines.push(`    “${e.evidence.text}” [${e.evidence.start}–${e.evidence.end}]`);
  }
  if (x.prospects.length) {
    lines.push('', 'Prospects (planned, proposed, hoped for or pending; not on the timeline):');
    for (const p of x.prospects) {
      const when = `${p.date ? ` stated ${p.date}` : ''}${p.planned ? ` planned for ${p.planned}` : ''}`;
      lines.push(`${p.kind.padEnd(9)} ${p.type.padEnd(9)} ${arrow(p)}${when}`);
      lines.push(`    “${p.evidence.text}”`);
    }
  }
  for (const d of x.diagnostics) lines.push(`note: ${d.message}`);
  return lines.join('\n');
}

async function batch(): Promise<number> {
  const { extract } = await import('../../extract/index.ts');
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let failed = 0;
  for await (const line of rl) {
    n++;
    if (!line.trim()) continue;
    let id: unknown = n;
    try {
      const rec = JSON.parse(line) as { id?: unknown; text?: unknown; date?: unknown };
      id = rec.id ?? n;
      if (typeof rec.text !== 'string')
        throw new TiesError('INVALID', 'each line needs a "text" string');
      const date = typeof rec.date === 'string' && rec.date ? rec.date.slice(0, 10) : null;
      const x = extract({ text: rec.text, date });
      process.stdout.write(`${JSON.stringify({ id, events: x.events, prospects: x.prospects })}\n`);
    } catch (e) {
      failed++;
      const message = e instanceof SyntaxError ? 'not a JSON object' : (e as Error).message;
      process.stdout.write(`${JSON.stringify({ id, events: [], error: message })}\n`);
      console.error(`ties extract: line ${n}: ${message}`);
    }
  }
  return failed ? 1 : 0;
}

export default defineCommand({
  name: 'extract',
  summary: 'extract dated, sourced PLOVER events from a document',
  args: 'FILE|-',
  forms: ['ties extract --jsonl < batch.jsonl'],
  about: `Reads one document (a .txt, .md or .html file; - reads standard input) and prints its
events in date order, undated ones last, each with its sentence, then its prospects.`,
  flags: {
    json: {
      type: 'boolean',
      help: 'print the extraction contract (document, events, prospects, figures, stances)',
    },
    date: {
      type: 'string',
      value: 'YYYY-MM-DD',
      help: `the document's own date, against which "last month" or "on Tuesday" resolve`,
    },
    'with-text': { type: 'boolean', help: 'include the (extracted) document text in the JSON' },
    explain: {
      type: 'boolean',
      help: "print the pipeline's trace: which rule made which event, and what was dropped",
    },
    'max-bytes': {
      type: 'string',
      value: 'N',
      help: `refuse a bigger document, unread (default 48M; as 5000000, 64M or 1G). The
extractor reads long texts in windows, but the text and the findings are held whole
(up to about 25 times the file's size): 48 MiB keeps the peak under about 1.5 GB`,
    },
    jsonl: {
      type: 'boolean',
      help: 'batch: one {"id", "text", "date"} a line in,\none {"id", "events", "prospects"} a line out',
    },
  },
  async run({ values, positionals }) {
    if (values.jsonl) return batch();
    const [path, ...extra] = positionals;
    if (!path)
      throw new TiesError('INVALID', 'name a file to extract from (or - for standard input)');
    if (extra.length) {
      throw new TiesError(
        'INVALID',
        `one file at a time (got ${positionals.length}); ties ingest takes many`,
      );
    }
    const date = isoDate(values.date, '--date');
    const { extract, readDocument } = await import('../../extract/index.ts');
    const { checkDocumentSize } = await import('../../services/limits.ts');
    const bytes = readInput(path, byteSize(values['max-bytes'], '--max-bytes'), checkDocumentSize);
    const doc = readDocument(bytes, { name: path === '-' ? 'standard input' : path });
    const trace: string[] = [];
    const x = extract(
      // --date wins over the date a page declares in its metadata.
      { text: doc.text, title: doc.title, date: date ?? doc.date },
      { withText: values['with-text'], trace: values.explain ? (l) => trace.push(l) : undefined },
    );
    x.diagnostics.unshift(...doc.diagnostics);
    if (values.json) console.log(JSON.stringify(x, null, 2));
    else console.log(human(x));
    if (values.explain) console.error(trace.join('\n'));
    return 0;
  },
});
