// `ties documents`: what is stored; `rm` deletes one, `set` re-dates or renames one.
import { TiesError } from '../../errors.ts';
import { check, dbFlag, isoDate } from '../args.ts';
import { defineCommand } from '../command.ts';

export default defineCommand({
  name: 'documents',
  summary: 'list the stored documents; delete (rm) or re-date (set) one',
  args: '',
  forms: ['ties documents rm ID', 'ties documents set ID [--date YYYY-MM-DD] [--title T]'],
  about: `The stored documents, newest first, with their number of event mentions. ID is a document's id
or its first digits, as the listing shows them.
  rm    deletes the document, its facts and its corrections; events it alone stated go, events
        other documents also state are recomputed (date, participants, confidence, conflicts)
  set   a new --date re-extracts the document against it (its corrections applied again);
        a new --title renames it`,
  flags: {
    limit: { type: 'string', value: 'N', help: 'how many to list (1 to 500, default 50)' },
    offset: { type: 'string', value: 'N', help: 'how many to skip first (default 0)' },
    date: { type: 'string', value: 'YYYY-MM-DD', help: "set: the document's new date" },
    title: { type: 'string', value: 'T', help: "set: the document's new title" },
    json: { type: 'boolean', help: 'print the page of documents (or what rm or set did) as JSON' },
    db: dbFlag,
  },
  async run({ values, positionals }) {
    const [action, id, ...extra] = positionals;
    if (action !== undefined && action !== 'rm' && action !== 'set') {
      throw new TiesError('INVALID', `unknown action '${action}' (ties documents --help)`);
    }
    if (action && (!id || extra.length))
      throw new TiesError('INVALID', `give one document id to ${action}`);
    if (action === 'set' && values.date === undefined && values.title === undefined) {
      throw new TiesError('INVALID', 'set needs --date or --title');
    }
    const date = isoDate(values.date, '--date');
    const [
      { openStore },
      { documentPage, resolveDocumentId },
      { deleteDocument, updateDocument },
      { paging },
      { z },
    ] = await Promise.all([
      import('../../services/database.service.ts'),
      import('../../services/documents.service.ts'),
      import('../../services/corrections.service.ts'),
      import('../../services/schemas.ts'),
      import('zod'),
    ]);
    const p = check(z.object(paging), { limit: values.limit, offset: values.offset }, {});
    const db = openStore(values.db, true);
    try {
      if (action === 'rm') {
        const r = deleteDocument(db, resolveDocumentId(db, id!));
        if (values.json) console.log(JSON.stringify(r, null, 2));
        else {
          console.log(`deleted ${r.id.slice(0, 12)} ${r.title ?? '(untitled)'}`);
          const recomputed = `recomputed from their other sources: ${r.eventsRecomputed}`;
          console.log(
            `events removed: ${r.eventsRemoved}, ${recomputed}, corrections deleted: ${r.corrections}`,
          );
        }
        return 0;
      }
      if (action === 'set') {
        const title = values.title?.trim();
        if (title !== undefined && !title)
          throw new TiesError('INVALID', '--title must not be empty');
        const r = updateDocument(db, resolveDocumentId(db, id!), { date, title });
        if (values.json) console.log(JSON.stringify(r, null, 2));
        else {
          const again = r.reextracted ? '  (re-extracted)' : '';
          console.log(
            `${r.id.slice(0, 12)}  ${r.date ?? 'no date'}  ${r.title ?? '(untitled)'}${again}`,
          );
        }
        return 0;
      }
      const page = documentPage(db, p.limit, p.offset);
      if (values.json) {
        console.log(JSON.stringify(page, null, 2));
        return 0;
      }
      console.log(`${page.total} document${page.total === 1 ? '' : 's'}`);
      for (const d of page.items) {
        const events = `${String(d.events).padStart(4)} events`;
        console.log(
          `${d.id.slice(0, 12)}  ${(d.date ?? '').padEnd(10)}  ${events}  ${d.title ?? '(untitled)'}`,
        );
      }
      return 0;
    } finally {
      db.close();
    }
  },
});
