// `ties serve`: the JSON API and the explorer page.
import { dbFlag, type Flag } from '../args.ts';
import { defineCommand } from '../command.ts';

/** The flags `ties serve` and `ties start` share. */
export const listenFlags = {
  port: { type: 'string', value: 'N', help: 'the port (default: $PORT or 8787)' },
  host: {
    type: 'string',
    value: 'H',
    help: `the address (default: $HOST or 127.0.0.1; 0.0.0.0 listens on every interface,
which needs a token)`,
  },
  token: {
    type: 'string',
    value: 'T',
    help: `default $TIES_TOKEN; every /api/ request must then send Authorization: Bearer T
(the page asks for it once). Required beyond loopback; at least 16 characters.`,
  },
} as const satisfies Record<string, Flag>;

export default defineCommand({
  name: 'serve',
  summary: 'serve the JSON API and the explorer page',
  args: '',
  about:
    'Serves the JSON API under /api/ (described at /api/openapi.json) and the explorer page at /.',
  flags: { ...listenFlags, db: dbFlag },
  async run({ values }) {
    const [{ startServer, untilStopped }, { openStore }, { listenOptions }] = await Promise.all([
      import('../../http/server.ts'),
      import('../../services/database.service.ts'),
      import('../../services/schemas.ts'),
    ]);
    const { port, host, token } = listenOptions(values.port, values.host, values.token);
    const db = openStore(values.db);
    try {
      const { server, url } = await startServer({ db, port, host, token });
      // Listen for the stop signals before saying we serve: a SIGTERM sent on reading that line
      // must find the handler (Node installs it with the first listener).
      const stopped = untilStopped(server);
      console.log(`ties: serving ${url} (API at ${url}api/, Ctrl-C stops)`);
      await stopped;
      return 0;
    } finally {
      db.close();
    }
  },
});
