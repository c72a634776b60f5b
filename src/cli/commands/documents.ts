// `ties documents`: what is stored.
import { openStore } from '../../services/database.service.ts';
import { documentPage } from '../../services/documents.service.ts';
import { paging, validate } from '../../services/schemas.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';
import { z } from 'zod';

const usage = `usage: ties documents [--limit N] [--offset N] [--json] [--db FILE]

The stored documents, newest first, with their number of event mentions.`;

/** `ties documents`. */
export const documentsCommand: Command = {
  name: 'documents',
  summary: 'list the stored documents',
  usage,
  async run(argv) {
    const { values } = parse(argv, { limit: { type: 'string' }, offset: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } });
    const p = validate(z.object(paging), { limit: values.limit, offset: values.offset });
    const db = openStore(values.db, true);
    try {
      const page = documentPage(db, p.limit, p.offset);
      if (values.json) {
        console.log(JSON.stringify(page, null, 2));
        return 0;
      }
      console.log(`${page.total} document${page.total === 1 ? '' : 's'}`);
      for (const d of page.items) {
        console.log(`${d.id.slice(0, 12)}  ${(d.date ?? '').padEnd(10)}  ${String(d.events).padStart(4)} events  ${d.title ?? '(untitled)'}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
};
