// `ties conflicts [A B]`: where the stored sources disagree (dates, ranks, figures, arithmetic).
import { conflicts } from '../../services/conflicts.service.ts';
import { openStore } from '../../services/database.service.ts';
import { actorQuery, validate } from '../../services/schemas.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { z } from 'zod';

const usage = `usage: ties conflicts [A [B]] [--json] [--db FILE]

Disagreements between the stored documents, or inside one: one event dated differently,
incompatible ranks ("the first country to recognise" vs "the second … after Turkey"),
figures that cannot both hold, and arithmetic a text contradicts ("after 80 years … in 1991"
vs "from the 1920s"). Each conflict lists its claims with document and evidence.
A and B (names or codes) keep the conflicts about that actor or pair.
  --json  the same JSON as GET /api/conflicts`;

/** `ties conflicts`. */
export const conflictsCommand: Command = {
  name: 'conflicts',
  summary: 'where the sources disagree: dates, ranks, figures, arithmetic',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, db: { type: 'string' } });
    if (positionals.length > 2) throw new TiesError('INVALID', 'give at most two countries (ties conflicts --help)');
    const q = validate(z.object({ a: actorQuery.optional(), b: actorQuery.optional() }), { a: positionals[0], b: positionals[1] });
    const db = openStore(values.db, true);
    try {
      const result = conflicts(db, q);
      if (values.json) {
        console.log(JSON.stringify({ items: result.items }, null, 2));
        return 0;
      }
      const scope = result.b ? ` between ${result.a!.name} and ${result.b.name}` : result.a ? ` about ${result.a.name}` : '';
      console.log(`${result.items.length} conflict${result.items.length === 1 ? '' : 's'}${scope}`);
      for (const c of result.items) {
        console.log(`\n#${c.id} ${c.kind}: ${c.summary}${c.eventIds.length ? `  (event ${c.eventIds.join(', ')})` : ''}`);
        for (const claim of c.claims) {
          const where = claim.documentTitle ?? claim.documentId.slice(0, 12);
          console.log(`  ${claim.value}\n    “${claim.evidence.text}”  — ${where} @${claim.evidence.start}`);
        }
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
