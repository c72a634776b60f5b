// `ties documents`: what is stored.
import { check, dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'documents',
  summary: 'list the stored documents',
  args: '',
  about: 'The stored documents, newest first, with their number of event mentions.',
  flags: {
    limit: { type: 'string', value: 'N', help: 'how many to list (1 to 500, default 50)' },
    offset: { type: 'string', value: 'N', help: 'how many to skip first (default 0)' },
    json: { type: 'boolean', help: 'print the page of documents as JSON' },
    db: dbFlag,
  },
  async run({ values }) {
    const [{ openStore }, { documentPage }, { paging }, { z }] = await Promise.all([
      import('../../services/database.service.ts'),
      import('../../services/documents.service.ts'),
      import('../../services/schemas.ts'),
      import('zod'),
    ]);
    const p = check(z.object(paging), { limit: values.limit, offset: values.offset }, {});
    const db = openStore(values.db, true);
    try {
      const page = documentPage(db, p.limit, p.offset);
      if (values.json) {
        console.log(JSON.stringify(page, null, 2));
        return 0;
      }
      console.log(`${page.total} document${page.total === 1 ? '' : 's'}`);
      for (const d of page.items) {
        const events = `${String(d.events).padStart(4)} events`;
        console.log(`${d.id.slice(0, 12)}  ${(d.date ?? '').padEnd(10)}  ${events}  ${d.title ?? '(untitled)'}`);
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
