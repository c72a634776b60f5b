// `ties start` (what `npm start` runs): ingest the bundled corpus, then serve.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkListen } from '../../http/consent.ts';
import { startServer, untilStopped } from '../../http/server.ts';
import { openStore } from '../../services/database.service.ts';
import { ingestPaths } from '../../services/ingest.service.ts';
import { listenOptions } from '../../services/schemas.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';

/** The corpus shipped with ties. */
const CORPUS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'corpus');

const usage = `usage: ties start [--port N] [--host H] [--token T] [--db FILE] [--corpus DIR]

Ingests the bundled corpus (a no-op once done), then serves the API and the explorer page.
  --port N   default $PORT or 8787
  --host H, --token T   as for 'ties serve'`;

/** `ties start`. */
export const startCommand: Command = {
  name: 'start',
  summary: 'ingest the bundled corpus, then serve (npm start)',
  usage,
  async run(argv) {
    const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, token: { type: 'string' }, db: { type: 'string' }, corpus: { type: 'string' } });
    const { port, host, token } = listenOptions(values.port, values.host, values.token);
    // Refused before the corpus is ingested, not after.
    checkListen(host, token);
    const db = openStore(values.db);
    try {
      const s = await ingestPaths(db, [values.corpus ?? CORPUS]);
      console.log(`ties: corpus: ${s.added} added, ${s.unchanged} unchanged, ${s.failed.length} failed, ${s.events} events found`);
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
};
