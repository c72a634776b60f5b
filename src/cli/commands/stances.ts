// `ties stances A [B]`: who supports or opposes whom, on which issue, per the stored documents.
import { TiesError } from '../../errors.ts';
import { check, COUNTRY_ARGS, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'stances',
  summary: 'who supports or opposes whom, on which issue',
  args: 'A [B]',
  about: `Stances held by or about A (between A and B, either way round, when B is given): who
supports or opposes whom on which issue, with the evidence.`,
  flags: {
    json: { type: 'boolean', help: 'print them as JSON' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length < 1 || positionals.length > 2) {
      throw new TiesError('INVALID', 'give one or two countries (ties stances --help)');
    }
    const [{ stances }, { openStore }, { actorQuery }, { z }] = await Promise.all([
      import('../../services/conflicts.service.ts'),
      import('../../services/database.service.ts'),
      import('../../services/schemas.ts'),
      import('zod'),
    ]);
    const schema = z.object({ a: actorQuery, b: actorQuery.optional() });
    const q = check(schema, { a: positionals[0], b: positionals[1] }, COUNTRY_ARGS);
    const db = openStore(values.db, true);
    try {
      const result = stances(db, q);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      console.log(`${result.items.length} stance${result.items.length === 1 ? '' : 's'}`);
      for (const s of result.items) {
        const verb = s.polarity === 'support' ? 'supports' : 'opposes';
        const where = `${s.documentTitle ?? s.documentId.slice(0, 12)} @${s.evidence.start}`;
        console.log(`\n${s.holder} ${verb} ${s.target ?? '—'}${s.issue ? ` on ${s.issue}` : ''}`);
        console.log(`  “${s.evidence.text}”  — ${where}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
