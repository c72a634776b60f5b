// `ties stances A [B]`: who supports or opposes whom, on which issue, per the stored documents.
import { stances } from '../../services/conflicts.service.ts';
import { openStore } from '../../services/database.service.ts';
import { actorQuery, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { z } from 'zod';

const usage = `usage: ties stances A [B] [--json] [--db FILE]

Stances held by or about A (between A and B, either way round, when B is given): who
supports or opposes whom on which issue, with the evidence.
  --json  print them as JSON`;

/** `ties stances`. */
export const stancesCommand: Command = {
  name: 'stances',
  summary: 'who supports or opposes whom, on which issue',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length < 1 || positionals.length > 2) throw new TiesError('INVALID', 'give one or two countries (ties stances --help)');
    const q = validate(z.object({ a: actorQuery, b: actorQuery.optional() }), { a: positionals[0], b: positionals[1] });
    const db = openStore(values.db, true);
    try {
      const result = stances(db, q);
      if (values.json) {
        console.log(JSON.stringify(result, null, 2));
        return 0;
      }
      console.log(`${result.items.length} stance${result.items.length === 1 ? '' : 's'}`);
      for (const s of result.items) {
        console.log(`\n${s.holder} ${s.polarity === 'support' ? 'supports' : 'opposes'} ${s.target ?? '—'}${s.issue ? ` on ${s.issue}` : ''}`);
        console.log(`  “${s.evidence.text}”  — ${s.documentTitle ?? s.documentId.slice(0, 12)} @${s.evidence.start}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
