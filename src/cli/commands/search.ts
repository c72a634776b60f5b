// `ties search TEXT`: full-text search over the stored sentences.
import { openStore } from '../../services/database.service.ts';
import { searchQuery, validate } from '../../services/schemas.ts';
import { search } from '../../services/search.service.ts';
import { TiesError } from '../../errors.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';

const usage = `usage: ties search TEXT… [--limit N] [--json] [--db FILE]

Sentences of the stored documents containing every word of TEXT (the last one as a prefix),
best first, with the events each states.`;

/** `ties search`. */
export const searchCommand: Command = {
  name: 'search',
  summary: 'full-text search over the stored documents, with the matching sentence',
  usage,
  async run(argv) {
    const { values, positionals } = parse(argv, { limit: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
    if (!positionals.length) throw new TiesError('INVALID', 'give the words to search for (ties search --help)');
    const q = validate(searchQuery, { q: positionals.join(' '), limit: values.limit });
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
        console.log(`${h.documentTitle ?? h.documentId.slice(0, 12)} @${h.start}-${h.end}${events}\n  ${h.snippet}\n`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
