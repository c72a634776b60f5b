// `ties figures A [B]`: the quantities the stored documents give about an actor or a pair.
import { figures } from '../../services/conflicts.service.ts';
import { openStore } from '../../services/database.service.ts';
import { actorQuery, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { z } from 'zod';

const usage = `usage: ties figures A [B] [--json] [--db FILE]

Figures the stored documents give about A (and B): casualties, trade, visits, tourists, money,
each with what it measures, its unit, qualifier ("more than", "around"), date and evidence.
  --json  print them as JSON`;

/** `ties figures`. */
export const figuresCommand: Command = {
  name: 'figures',
  summary: 'quantities about a country or pair: casualties, trade, visits, money',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length < 1 || positionals.length > 2) throw new TiesError('INVALID', 'give one or two countries (ties figures --help)');
    const q = validate(z.object({ a: actorQuery, b: actorQuery.optional() }), { a: positionals[0], b: positionals[1] });
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
        console.log(`\n${(f.date ?? 'undated').padEnd(21)} ${f.measure}: ${amount}`);
        console.log(`  “${f.evidence.text}”  — ${f.documentTitle ?? f.documentId.slice(0, 12)} @${f.evidence.start}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
