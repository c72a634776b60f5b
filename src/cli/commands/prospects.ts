// `ties prospects [A [B]]`: plans, proposals, hopes and pending deals, each open or fulfilled by
// a later stored event, with the sentences of both.
import { openStore } from '../../services/database.service.ts';
import { prospects } from '../../services/prospects.service.ts';
import { actorQuery, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { z } from 'zod';

const usage = `usage: ties prospects [A [B]] [--open] [--json] [--db FILE]

Plans, proposals, hopes and pending deals the stored documents report, about A (and B), each
with its status: open, or fulfilled by a stored event of a compatible type between the same
participants, not before the prospect was stated, worded alike ("interest in the JF-17" and
"signed a contract … JF-17"). A fulfilled prospect shows the event's sentence and document.
  --open  only the prospects still open
  --json  the same JSON as GET /api/prospects`;

const where = (title: string | null, documentId: string, start: number | undefined) =>
  `${title ?? documentId.slice(0, 12)}${start === undefined ? '' : ` @${start}`}`;

/** `ties prospects`. */
export const prospectsCommand: Command = {
  name: 'prospects',
  summary: 'plans, proposals, hopes and pending deals: open or fulfilled',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { open: { type: 'boolean' }, json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length > 2) throw new TiesError('INVALID', 'give at most two countries (ties prospects --help)');
    const q = validate(z.object({ a: actorQuery.optional(), b: actorQuery.optional() }), { a: positionals[0], b: positionals[1] });
    const db = openStore(values.db, true);
    try {
      const result = prospects(db, { ...q, open: values.open === true });
      if (values.json) {
        console.log(JSON.stringify({ items: result.items }, null, 2));
        return 0;
      }
      const scope = result.b ? ` between ${result.a!.name} and ${result.b.name}` : result.a ? ` about ${result.a.name}` : '';
      const open = result.items.filter((p) => p.status === 'open').length;
      console.log(`${result.items.length} prospect${result.items.length === 1 ? '' : 's'}${scope}: ${open} open, ${result.items.length - open} fulfilled`);
      for (const p of result.items) {
        const who = [p.source, p.target].filter(Boolean).join('→') || p.actors.join('+');
        console.log(`\n#${p.id} ${p.status.toUpperCase()}  ${p.kind} ${p.type} ${who}${p.date ? `  stated ${p.date}` : ''}`);
        console.log(`  “${p.evidence.text}”  — ${where(p.documentTitle, p.documentId, p.evidence.start)}`);
        const f = p.fulfilledBy;
        if (f) {
          console.log(`  fulfilled by event ${f.eventId}: ${f.type} ${f.date ?? 'undated'}`);
          if (f.evidence) console.log(`  “${f.evidence.text}”  — ${where(f.documentTitle, f.documentId, f.evidence.start)}`);
          else console.log(`  — ${where(f.documentTitle, f.documentId, undefined)}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
