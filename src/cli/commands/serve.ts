// `ties serve`: the JSON API and the explorer page.
import { startServer, untilStopped } from '../../http/server.ts';
import { openStore } from '../../services/database.service.ts';
import { listenOptions } from '../../services/schemas.ts';
import type { Command } from '../command.ts';
import { parse } from '../args.ts';

const usage = `usage: ties serve [--port N] [--host H] [--token T] [--db FILE]

Serves the JSON API under /api/ (described at /api/openapi.json) and the explorer page at /.
  --port N   default $PORT or 8787
  --host H   default 127.0.0.1 (0.0.0.0 to listen on every interface: needs a token)
  --token T  default $TIES_TOKEN; every /api/ request must then send Authorization: Bearer T
             (the page asks for it once). Required beyond loopback; at least 16 characters.`;

/** `ties serve`. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve the JSON API and the explorer page',
  usage,
  async run(argv) {
    const { values } = parse(argv, { port: { type: 'string' }, host: { type: 'string' }, token: { type: 'string' }, db: { type: 'string' } });
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
};
