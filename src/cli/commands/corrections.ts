// `ties corrections`: list, add and undo corrections; share them between stores (JSONL); write
// a document's corrected events as gold for ../shared/eval's scorer.
import { readFileSync, writeFileSync } from 'node:fs';
import { TiesError } from '../../errors.ts';
import type { CorrectionRow } from '../../services/corrections.service.ts';
import { dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

function span(value: string | undefined): { start: number; end: number } | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)[:-](\d+)$/.exec(value.trim());
  if (!m || Number(m[1]) >= Number(m[2]))
    throw new TiesError('INVALID', `--span takes START:END offsets (START < END), not '${value}'`);
  return { start: Number(m[1]), end: Number(m[2]) };
}

function line(c: CorrectionRow): string {
  const what = Object.entries(c.value)
    .map(
      ([k, v]) =>
        `${k}=${typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { documentId: string }).documentId.slice(0, 12) : JSON.stringify(v)}`,
    )
    .join(' ');
  const by = [c.author, c.createdAt.slice(0, 16).replace('T', ' ')].filter(Boolean).join(', ');
  const head = `${c.uid.slice(0, 8)}  ${c.kind.padEnd(12)} ${c.status.padEnd(9)} ${c.documentId.slice(0, 12)} @${c.evidence.start}–${c.evidence.end}  ${what}`;
  return [
    head,
    `    “${c.evidence.text}”  (${by})${c.note ? ` — ${c.note}` : ''}`,
    ...(c.problem ? [`    problem: ${c.problem}`] : []),
  ].join('\n');
}

const uidOf = (all: CorrectionRow[], prefix: string): string => {
  const hits = all.filter((c) => c.uid.startsWith(prefix));
  if (hits.length !== 1)
    throw new TiesError(
      hits.length ? 'INVALID' : 'NOT_FOUND',
      hits.length ? `'${prefix}' names more than one correction` : `no correction ${prefix}`,
    );
  return hits[0]!.uid;
};

export default defineCommand({
  name: 'corrections',
  summary:
    'correct events (reject, type, date, participants, split, merge, add); share corrections',
  args: '[list]',
  forms: [
    'ties corrections add KIND (--event ID | --document ID --span START:END) [facts] [--note N]',
    'ties corrections rm UID',
    'ties corrections export [--document ID] [--out FILE]',
    'ties corrections export --gold --document ID [--out FILE] [--text FILE]',
    'ties corrections import FILE…',
  ],
  about: `A correction is kept apart from what the extractor found and applied again whenever its
document is stored (re-ingested, re-dated, imported). It is keyed to a mention: the document's
text hash and the evidence span. KIND and its facts:
  reject          not an event (every mention of --event, or the one at --span)
  type            --type T [--mode M]
  date            --date D (YYYY, YYYY-MM, YYYY-MM-DD, START/END; 'none': undated)
  participants    [--source A] [--target B] [--actors A,B,…] (names or codes)
  split           the mention at --document/--span becomes an event of its own
  merge           --event ID --with OTHER: the two events are one
  add             an event the extractor missed: --document ID --span START:END --type T
                  [--date D] [--source A] [--target B] [--actors …]
export writes JSONL, one correction a line; import reads it into this store (already stored
ones are left alone) and applies each to its document when stored, else when it is ingested.
--gold writes the document's events as corrected, one gold event a line in the format of
../shared/eval (score.mjs --gold OUT --doc TEXT --pred …).`,
  flags: {
    event: { type: 'string', value: 'ID', help: 'the event to correct (every mention of it)' },
    document: {
      type: 'string',
      value: 'ID',
      help: 'a document id or its first digits (with --span; or to list, export)',
    },
    span: { type: 'string', value: 'START:END', help: "the mention's evidence span in --document" },
    type: { type: 'string', value: 'T', help: 'type, add: the PLOVER type' },
    mode: { type: 'string', value: 'M', help: 'type, add: the PLOVER mode' },
    date: { type: 'string', value: 'D', help: "date, add: the event's date ('none': undated)" },
    source: { type: 'string', value: 'A', help: 'participants, add: who acts' },
    target: { type: 'string', value: 'B', help: 'participants, add: who is acted on' },
    actors: { type: 'string', value: 'A,B,…', help: 'participants, add: every participant' },
    with: { type: 'string', value: 'ID', help: 'merge: the other event' },
    note: { type: 'string', value: 'TEXT', help: 'why (kept with the correction)' },
    author: { type: 'string', value: 'NAME', help: 'who corrects (default $TIES_AUTHOR)' },
    gold: { type: 'boolean', help: "export: the document's corrected events as gold lines" },
    out: {
      type: 'string',
      short: 'o',
      value: 'FILE',
      help: 'export: write to FILE instead of standard output',
    },
    text: {
      type: 'string',
      value: 'FILE',
      help: "export --gold: also write the document's stored text",
    },
    json: { type: 'boolean', help: 'print JSON instead of text' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    const [
      {
        addCorrection,
        corrections,
        exportCorrections,
        goldOfDocument,
        importCorrections,
        parseCorrections,
        removeCorrection,
      },
      { openStore },
      { resolveDocumentId },
    ] = await Promise.all([
      import('../../services/corrections.service.ts'),
      import('../../services/database.service.ts'),
      import('../../services/documents.service.ts'),
    ]);
    const [action = 'list', ...args] = positionals;
    const write = (text: string, what: string) => {
      if (values.out) {
        writeFileSync(values.out, text);
        console.error(`${values.out}: ${what}`);
      } else process.stdout.write(text);
    };
    if (action === 'import') {
      if (!args.length) throw new TiesError('INVALID', 'give the JSONL file(s) to import');
      const rows = args.flatMap((f) => {
        try {
          return parseCorrections(readFileSync(f, 'utf8'));
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ENOENT')
            throw new TiesError('NOT_FOUND', `cannot read ${f}: no such file`);
          if (e instanceof TiesError) throw new TiesError(e.code, `${f}: ${e.message}`);
          throw e;
        }
      });
      const db = openStore(values.db);
      try {
        const r = importCorrections(db, rows);
        console.log(
          `corrections added: ${r.added}, already stored: ${r.unchanged}, waiting for their document: ${r.pending}; documents corrected: ${r.documents}`,
        );
        for (const p of r.problems)
          console.log(`  not applied (${p.kind} ${p.uid.slice(0, 8)}): ${p.problem}`);
        return 0;
      } finally {
        db.close();
      }
    }
    const db = openStore(values.db, true);
    try {
      const documentId =
        values.document === undefined ? undefined : resolveDocumentId(db, values.document);
      switch (action) {
        case 'list': {
          const list = corrections(db, { documentId });
          if (values.json) console.log(JSON.stringify({ items: list }, null, 2));
          else {
            console.log(`${list.length} correction${list.length === 1 ? '' : 's'}`);
            for (const c of list) console.log(line(c));
          }
          return 0;
        }
        case 'add': {
          const [kind, ...extra] = args;
          if (!kind || extra.length)
            throw new TiesError('INVALID', 'give one kind to add (ties corrections --help)');
          const s = span(values.span);
          if (s && !documentId) throw new TiesError('INVALID', '--span needs --document');
          const date =
            values.date === undefined ? undefined : values.date === 'none' ? null : values.date;
          const r = addCorrection(db, {
            kind,
            event: values.event,
            mention: s && documentId ? { documentId, ...s } : undefined,
            value: {
              type: values.type?.toUpperCase(),
              mode: values.mode,
              date,
              source: values.source,
              target: values.target,
              actors: values.actors
                ?.split(',')
                .map((a) => a.trim())
                .filter(Boolean),
              withEvent: values.with,
            },
            note: values.note,
            author: values.author ?? process.env.TIES_AUTHOR ?? null,
          });
          if (values.json) console.log(JSON.stringify(r, null, 2));
          else {
            for (const c of r.corrections) console.log(line(c));
            console.log(
              r.eventIds.length
                ? `events now: ${r.eventIds.join(', ')}`
                : 'no event holds the corrected mention now',
            );
          }
          return r.corrections.every((c) => c.status === 'applied') ? 0 : 1;
        }
        case 'rm': {
          if (args.length !== 1) throw new TiesError('INVALID', 'give one correction id to remove');
          const { removed } = removeCorrection(db, uidOf(corrections(db), args[0]!));
          console.log(
            `removed ${removed.kind} correction ${removed.uid.slice(0, 8)}; its document is as extracted there again`,
          );
          return 0;
        }
        case 'export': {
          if (args.length) throw new TiesError('INVALID', `unexpected '${args[0]}'`);
          if (values.gold) {
            if (!documentId) throw new TiesError('INVALID', '--gold needs --document ID');
            const gold = goldOfDocument(db, documentId);
            write(
              gold.lines.map((g) => JSON.stringify(g) + '\n').join(''),
              `${gold.lines.length} gold events of ${gold.document.title ?? documentId.slice(0, 12)}`,
            );
            if (values.text) {
              writeFileSync(values.text, gold.text);
              console.error(`${values.text}: the document's text (${gold.text.length} characters)`);
            }
            return 0;
          }
          const text = exportCorrections(db, { documentId });
          write(text, `${text ? text.trimEnd().split('\n').length : 0} corrections`);
          return 0;
        }
        default:
          throw new TiesError('INVALID', `unknown action '${action}' (ties corrections --help)`);
      }
    } finally {
      db.close();
    }
  },
});
