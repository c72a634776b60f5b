// `ties figures A [B]`: the quantities the stored documents give about an actor or a pair.
import { TiesError } from '../../errors.ts';
import { check, COUNTRY_ARGS, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'figures',
  summary: 'quantities about a country or pair: casualties, trade, visits, money',
  args: 'A [B]',
  about: `Figures the stored documents give about A (and B): casualties, trade, visits, tourists, money,
each with what it measures, its unit, qualifier ("more than", "around"), date and evidence.`,
  flags: {
    json: { type: 'boolean', help: 'print them as JSON' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (positionals.length < 1 || positionals.length > 2) {
      throw new TiesError('INVALID', 'give one or two countries (ties figures --help)');
    }
    const [{ figures }, { openStore }, { actorQuery }, { z }] = await Promise.all([
      import('../../services/conflicts.service.ts'),
      import('../../services/database.service.ts'),
      import('../../services/schemas.ts'),
      import('zod'),
    ]);
    const schema = z.object({ a: actorQuery, b: actorQuery.optional() });
    const q = check(schema, { a: positionals[0], b: positionals[1] }, COUNTRY_ARGS);
    const db = openStore(values.db, true);
    try {
      const result = figures(db, q);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      console.log(`${result.items.length} figure${result.items.length === 1 ? '' : 's'}`);
      for (const f of result.items) {
        const amount = `${f.qualifier ? `${f.qualifier} ` : ''}${f.value.toLocaleString('en')} ${f.unit}`;
        const where = `${f.documentTitle ?? f.documentId.slice(0, 12)} @${f.evidence.start}`;
        console.log(`\n${(f.date ?? 'undated').padEnd(21)} ${f.measure}: ${amount}`);
        console.log(`  “${f.evidence.text}”  — ${where}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
