// `ties conflicts [A B]`: where the stored sources disagree (dates, ranks, figures, arithmetic).
import { TiesError } from '../../errors.ts';
import { check, COUNTRY_ARGS, pairScope, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'conflicts',
  summary: 'where the sources disagree: dates, ranks, figures, arithmetic',
  args: '[A [B]]',
  about: `Disagreements between the stored documents, or inside one: one event dated differently,
incompatible ranks ("the first country to recognise" vs "the second … after Turkey"),
figures that cannot both hold, and arithmetic a text contradicts ("after 80 years … in 1991"
vs "from the 1920s"). Each conflict lists its claims with document and evidence.
A and B (names or codes) keep the conflicts about that actor or pair.`,
  flags: {
    json: { type: 'boolean', help: 'print the same items as GET /api/conflicts, all of them' },
    rescan: {
      type: 'boolean',
      help: 'detect every group again first (ingest keeps them up to date; this rebuilds)',
    },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length > 2) {
      throw new TiesError('INVALID', 'give at most two countries (ties conflicts --help)');
    }
    const [{ conflicts, detectConflicts }, { openStore }, { actorQuery }, { z }] =
      await Promise.all([
        import('../../services/conflicts.service.ts'),
        import('../../services/database.service.ts'),
        import('../../services/schemas.ts'),
        import('zod'),
      ]);
    const schema = z.object({ a: actorQuery.optional(), b: actorQuery.optional() });
    const q = check(schema, { a: positionals[0], b: positionals[1] }, COUNTRY_ARGS);
    const db = openStore(values.db, true);
    try {
      if (values.rescan) detectConflicts(db, { force: true });
      const result = conflicts(db, q);
      if (values.json) {
        console.log(JSON.stringify({ items: result.items }, null, 2));
        return 0;
      }
      const scope = pairScope(result.a, result.b);
      const n = result.items.length;
      console.log(`${n} conflict${n === 1 ? '' : 's'}${scope}`);
      for (const c of result.items) {
        const events = c.eventIds.length ? `  (event ${c.eventIds.join(', ')})` : '';
        console.log(`\n#${c.id} ${c.kind}: ${c.summary}${events}`);
        for (const claim of c.claims) {
          const where = claim.documentTitle ?? claim.documentId.slice(0, 12);
          console.log(
            `  ${claim.value}\n    “${claim.evidence.text}”  — ${where} @${claim.evidence.start}`,
          );
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
