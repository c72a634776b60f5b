// `ties start` (what `npm start` runs): ingest the bundled corpus, then serve.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dbFlag } from '../args.ts';
import { defineCommand } from '../command.ts';
import { listenFlags } from './serve.ts';

/** The corpus shipped with ties. */
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'corpus');

export default defineCommand({
  name: 'start',
  summary: 'ingest the bundled corpus, then serve (npm start)',
  args: '',
  about: 'Ingests the bundled corpus (a no-op once done), then serves the API and the explorer page.',
  flags: {
    ...listenFlags,
    db: dbFlag,
    corpus: { type: 'string', value: 'DIR', help: 'ingest DIR instead of the bundled corpus/' },
  },
  async run({ values }) {
    const [{ checkListen }, { startServer, untilStopped }, { openStore }, { ingestPaths }, { listenOptions }] =
      await Promise.all([
        import('../../http/consent.ts'),
        import('../../http/server.ts'),
        import('../../services/database.service.ts'),
        import('../../services/ingest.service.ts'),
        import('../../services/schemas.ts'),
      ]);
    const { port, host, token } = listenOptions(values.port, values.host, values.token);
    // Refused before the corpus is ingested, not after.
    checkListen(host, token);
    const db = openStore(values.db);
    try {
      const s = await ingestPaths(db, [values.corpus ?? CORPUS]);
      const failed = s.failed.length;
      console.log(
        `ties: corpus: ${s.added} added, ${s.unchanged} unchanged, ${failed} failed, ${s.events} events found`,
      );
      for (const f of s.failed) console.log(`  failed ${f.path}: ${f.reason}`);
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
