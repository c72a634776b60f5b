// `ties start` (what `npm start` runs): serve the user's database, or, when they have none, the
// bundled sample corpus from a database of its own, so the sample never mixes with their documents.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';
import { listenFlags } from './serve.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The corpus shipped with ties. */
const CORPUS = join(ROOT, 'corpus');

/** The sample corpus's own database: `TIES_SAMPLE_DB`, else `sample.db` in the ties folder. */
export function sampleDatabasePath(): string {
  return process.env.TIES_SAMPLE_DB || join(ROOT, 'sample.db');
}

/** Which database `ties start` serves (`--db`, `TIES_DB`, an existing ./ties.db, else the sample's), and whether it is the sample's. */
export function startDatabase(db: string | undefined): { path: string; sample: boolean } {
  if (db) return { path: db, sample: false };
  const mine = process.env.TIES_DB || 'ties.db';
  if (process.env.TIES_DB || existsSync(mine)) return { path: mine, sample: false };
  return { path: sampleDatabasePath(), sample: true };
}

export default defineCommand({
  name: 'start',
  summary: 'serve your database, or the bundled sample corpus from its own (npm start)',
  args: '',
  about: `Serves the API and the explorer page over your database: --db FILE, else $TIES_DB, else
./ties.db when it exists. With none of these, it serves the bundled sample corpus from its own
database ($TIES_SAMPLE_DB, else sample.db in the ties folder), ingested there first, and says
so. Your database never gets the sample unless you ask: ties ingest corpus/, or --corpus here.`,
  flags: {
    ...listenFlags,
    db: dbFlag,
    corpus: {
      type: 'string',
      value: 'DIR',
      help: 'ingest DIR into the database served first (a no-op once done)',
    },
  },
  async run({ values }) {
    const [
      { checkListen },
      { startServer, untilStopped },
      { openStore },
      { ingestPaths },
      { listenOptions },
    ] = await Promise.all([
      import('../../http/consent.ts'),
      import('../../http/server.ts'),
      import('../../services/database.service.ts'),
      import('../../services/ingest.service.ts'),
      import('../../services/schemas.ts'),
    ]);
    const { port, host, token } = listenOptions(values.port, values.host, values.token);
    // Refused before the corpus is ingested, not after.
    checkListen(host, token);
    const chosen = startDatabase(values.db);
    const db = openStore(chosen.path);
    try {
      const where = resolve(chosen.path);
      console.log(
        chosen.sample
          ? `ties: no database of yours (./ties.db, TIES_DB or --db): serving the sample corpus from ${where}`
          : `ties: serving your database ${where}${values.corpus ? '' : ' (the sample corpus is not added to it: ties ingest corpus/ does)'}`,
      );
      const corpus = values.corpus ?? (chosen.sample ? CORPUS : null);
      if (corpus) {
        const s = await ingestPaths(db, [corpus]);
        const failed = s.failed.length;
        console.log(
          `ties: corpus: ${s.added} added, ${s.unchanged} unchanged, ${failed} failed, ${s.events} events found`,
        );
        for (const f of s.failed) console.log(`  failed ${f.path}: ${f.reason}`);
      }
      const { server, url } = await startServer({ db, port, host, token });
      // Stop signals are handled before the line that says we serve (see serve.ts).
      const stopped = untilStopped(server);
      console.log(`ties: serving ${url} (Ctrl-C stops)`);
      await stopped;
      return 0;
    } finally {
      db.close();
    }
  },
});
