// `ties prospects [A [B]]`: plans, proposals, hopes and pending deals, each open or fulfilled by
// a later stored event, with the sentences of both.
import { TiesError } from '../../errors.ts';
import { check, COUNTRY_ARGS, pairScope, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

const where = (title: string | null, documentId: string, start: number | undefined) =>
  `${title ?? documentId.slice(0, 12)}${start === undefined ? '' : ` @${start}`}`;

export default defineCommand({
  name: 'prospects',
  summary: 'plans, proposals, hopes and pending deals: open or fulfilled',
  args: '[A [B]]',
  about: `Plans, proposals, hopes and pending deals the stored documents report, about A (and B), each
with its status: open, or fulfilled by a stored event of a compatible type between the same
participants, not before the prospect was stated, worded alike ("interest in the JF-17" and
"signed a contract … JF-17"). A fulfilled prospect shows the event's sentence and document.`,
  flags: {
    open: { type: 'boolean', help: 'only the prospects still open' },
    json: { type: 'boolean', help: 'print the same JSON as GET /api/prospects' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length > 2) {
      throw new TiesError('INVALID', 'give at most two countries (ties prospects --help)');
    }
    const [{ openStore }, { prospects }, { actorQuery }, { z }] = await Promise.all([
      import('../../services/database.service.ts'),
      import('../../services/prospects.service.ts'),
      import('../../services/schemas.ts'),
      import('zod'),
    ]);
    const schema = z.object({ a: actorQuery.optional(), b: actorQuery.optional() });
    const q = check(schema, { a: positionals[0], b: positionals[1] }, COUNTRY_ARGS);
    const db = openStore(values.db, true);
    try {
      const result = prospects(db, { ...q, open: values.open === true });
      if (values.json) {
        console.log(JSON.stringify({ items: result.items }, null, 2));
        return 0;
      }
      const scope = pairScope(result.a, result.b);
      const n = result.items.length;
      const open = result.items.filter((p) => p.status === 'open').length;
      console.log(
        `${n} prospect${n === 1 ? '' : 's'}${scope}: ${open} open, ${n - open} fulfilled`,
      );
      for (const p of result.items) {
        const who = [p.source, p.target].filter(Boolean).join('→') || p.actors.join('+');
        const stated = p.date ? `  stated ${p.date}` : '';
        console.log(`\n#${p.id} ${p.status.toUpperCase()}  ${p.kind} ${p.type} ${who}${stated}`);
        console.log(
          `  “${p.evidence.text}”  — ${where(p.documentTitle, p.documentId, p.evidence.start)}`,
        );
        const f = p.fulfilledBy;
        if (f) {
          console.log(`  fulfilled by event ${f.eventId}: ${f.type} ${f.date ?? 'undated'}`);
          if (f.evidence) {
            console.log(
              `  “${f.evidence.text}”  — ${where(f.documentTitle, f.documentId, f.evidence.start)}`,
            );
          } else console.log(`  — ${where(f.documentTitle, f.documentId, undefined)}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
