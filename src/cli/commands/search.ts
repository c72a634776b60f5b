// `ties search TEXT`: full-text search over the stored sentences.
import { TiesError } from '../../errors.ts';
import { check, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'search',
  summary: 'full-text search over the stored documents, with the matching sentence',
  args: 'TEXT…',
  about: `Sentences of the stored documents containing every word of TEXT (the last one as a prefix),
best first, with the events each states.`,
  flags: {
    limit: { type: 'string', value: 'N', help: 'at most N sentences (1 to 200, default 20)' },
    json: { type: 'boolean', help: 'print the matches as JSON' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    if (!positionals.length) {
      throw new TiesError('INVALID', 'give the words to search for (ties search --help)');
    }
    const [{ openStore }, { searchQuery }, { search }] = await Promise.all([
      import('../../services/database.service.ts'),
      import('../../services/schemas.ts'),
      import('../../services/search.service.ts'),
    ]);
    const q = check(searchQuery, { q: positionals.join(' '), limit: values.limit }, { q: 'TEXT' });
    const db = openStore(values.db, true);
    try {
      const items = search(db, q.q, q.limit);
      if (values.json) {
        console.log(JSON.stringify({ items }, null, 2));
        return 0;
      }
      if (!items.length) console.log('no matches');
      for (const h of items) {
        const events = h.eventIds.length ? `  events: ${h.eventIds.join(', ')}` : '';
        const where = `${h.documentTitle ?? h.documentId.slice(0, 12)} @${h.start}-${h.end}`;
        console.log(`${where}${events}\n  ${h.snippet}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
