// Running the app on a port: used by `ties serve` and `ties start`.
import { serve, type ServerType } from '@hono/node-server';
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerOptions as HttpServerOptions,
  type ServerResponse,
} from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TiesError } from '../errors.ts';
import type { Db } from '../store/db.ts';
import { ExtractPool } from '../services/workers/extract-pool.ts';
import { createApp } from './app.ts';
import { checkListen, consentCheck } from './consent.ts';
import { headerOf, responseCache } from './response-cache.ts';

/** Where `npm run build:web` puts the explorer page. */
export function defaultWebRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'web');
}

const WARM_UP = 'On 2 May 2001, France and Germany signed a trade agreement in Paris.';

/** Options of `startServer`. */
export interface ServerOptions {
  db: Db;
  port: number;
  host: string;
  webRoot?: string;
  /** The bearer token `/api/` requests must carry; required when `host` is beyond loopback. */
  token?: string;
}

/** Listens on `host:port`; resolves with the server and its URL once it accepts connections. */
export function startServer(options: ServerOptions): Promise<{ server: ServerType; url: string }> {
  try {
    checkListen(options.host, options.token);
  } catch (e) {
    return Promise.reject(e);
  }
  // Posted documents are extracted on a thread, so that a 5 MB document does not stop the server
  // answering for the seconds its extraction takes. The thread starts once the server listens:
  // loading the extractor takes about 0.2 s of a core, several seconds on a machine under load,
  // which the first POST would otherwise wait for (issue 15: stored within 2 s under load).
  let threads: ExtractPool | null = null;
  const pool = {
    run: (job: Parameters<ExtractPool['run']>[0]) => (threads ??= new ExtractPool(1)).run(job),
  };
  const cache = responseCache(options.db);
  const app = createApp({
    db: options.db,
    webRoot: options.webRoot ?? defaultWebRoot(),
    pool,
    host: options.host,
    token: options.token,
    cache,
  });
  // A GET the cache holds is answered here, before Hono, once it passes the same consent checks;
  // anything else (a refusal included) goes to the app, which answers it in full.
  const check = consentCheck({ host: options.host, token: options.token });
  const cached = (req: IncomingMessage, res: ServerResponse): boolean => {
    // Shown every write, which the cache follows (it answers none).
    if (req.method !== 'GET') return cache.answer(req, res);
    const host = req.headers.host;
    if (!host) return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const refused = check(
      {
        method: 'GET',
        path: query < 0 ? url : url.slice(0, query),
        header: (name) => headerOf(req, name),
      },
      host,
    );
    return !refused && cache.answer(req, res);
  };
  return new Promise((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        createServer: ((serverOptions: HttpServerOptions, listener: RequestListener) =>
          createServer(serverOptions, (req, res) => {
            if (!cached(req, res)) listener(req, res);
          })) as typeof createServer,
      },
      (info) => {
        const host = info.address.includes(':') ? `[${info.address}]` : info.address;
        threads ??= new ExtractPool(1);
        // The extractor reads its models on its first text: 0.3 s of a core, 2-3 s on a loaded
        // machine, which the first POST waited for. A sentence of our own reads them now.
        threads.run({ text: WARM_UP, title: null, date: null }).catch(() => {});
        resolve({ server, url: `http://${host}:${info.port}/` });
      },
    );
    server.once('close', () => void threads?.close());
    server.once('error', (e: NodeJS.ErrnoException) =>
      reject(
        new TiesError(
          'IO',
          e.code === 'EADDRINUSE'
            ? `port ${options.port} on ${options.host} is already in use`
            : e.message,
          { cause: e },
        ),
      ),
    );
  });
}

/** Resolves when the process is asked to stop (Ctrl-C, SIGTERM), after closing the server. */
export function untilStopped(server: ServerType): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      server.close(() => resolve());
      // Keep-alive connections would hold close() open; they carry no state worth waiting for.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
