// Answers of the read routes, kept per store version (issue 15). Under load the same few URLs
// are asked again and again (the page's default pair, its conflicts, the health check), and each
// answer costs queries and serializing proportional to what it lists. The body of each
// (URL, store version) is made once, compressed once per encoding off the event loop, and every
// later request for it is a buffer write; any write to the store starts a new version, so nothing
// stale is served. Bounded in bytes, least recently used first out.
//
// A repeated answer is written by the server straight on the socket (`answer`), before Hono: at
// 500 connections asking for one page, Hono's request and response objects, its middleware
// chain and the Headers it builds were most of each request's time on the event loop, and
// `/api/health` waited behind hundreds of them in each turn of the loop.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { storeVersion, type Db } from '../store/db.ts';
import { SECURITY_HEADERS } from './consent.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip';

interface Entry {
  body: Uint8Array;
  type: string;
  /** Compressed bodies, made on the first request that accepts each. */
  encoded: Partial<Record<Encoding, Promise<Uint8Array>>>;
  /** The compressed bodies made so far: what the server's own answers can write. */
  ready: Partial<Record<Encoding, Uint8Array>>;
  bytes: number;
}

/** Options of `responseCache`. */
export interface ResponseCacheOptions {
  /** Bytes of bodies (compressed ones included) kept in all; default 64 MiB. */
  maxBytes?: number;
}

/** The cache of read answers: Hono middleware that fills it, and the server's answer from it. */
export interface ResponseCache {
  /** For GET routes whose answer depends only on the URL and the store. */
  middleware: MiddlewareHandler;
  /**
   * Answers a GET from the cache on `res` and returns true, or returns false having written
   * nothing (not kept, or an encoding not made yet): the request then goes to the app. Every
   * request is shown to it first (a write makes it read the store's version afresh until the
   * write is answered); the caller checks consent.
   */
  answer(req: IncomingMessage, res: ServerResponse): boolean;
}

// Smaller bodies gain little from compression and cost a round through the thread pool.
const MIN_COMPRESS = 1024;
// Quality 5 of Brotli: about gzip's speed, a smaller body (11, the default, takes seconds for 1 MB).
const BROTLI_OPTIONS = {
  params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: 1 },
};

/** Whether an If-None-Match header names `tag` (weak comparison, as RFC 9110 asks for GET). */
export function matchesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || bare(t) === bare(tag));
}

/** The ETag of every read answer: the store's version (any write changes it). */
export const storeTag = (db: Db) => `W/"${storeVersion(db)}"`;

function accepted(header: string | undefined): Encoding | null {
  if (!header) return null;
  const offers = new Map<string, number>();
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
    offers.set(name!.trim(), q ? Number(q[1]) : 1);
  }
  for (const e of ['br', 'gzip'] as const)
    if ((offers.get(e) ?? offers.get('*') ?? 0) > 0) return e;
  return null;
}

/** A request header's value, repeated ones joined as the Fetch API joins them. */
export const headerOf = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
};

/**
 * The response cache over `db`: a 200 JSON answer is kept under (URL, store version); a request
 * with an If-None-Match naming the version gets 304.
 */
export function responseCache(db: Db, options: ResponseCacheOptions = {}): ResponseCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let version = '';
  let bytes = 0;

  // The store's version now; a new one empties the cache.
  const current = (): string => {
    const v = storeVersion(db);
    if (v !== version) {
      entries.clear();
      bytes = 0;
      version = v;
    }
    return v;
  };

  const remember = (key: string, entry: Entry) => {
    if (entry.bytes > maxBytes / 4) return;
    entries.set(key, entry);
    bytes += entry.bytes;
    for (const [k, e] of entries) {
      if (bytes <= maxBytes) break;
      entries.delete(k);
      bytes -= e.bytes;
    }
  };

  // The entry kept for `key`, as the most recently used.
  const lookup = (key: string): Entry | undefined => {
    const hit = entries.get(key);
    if (hit) {
      // Most recently used last: the first entries are the ones to let go.
      entries.delete(key);
      entries.set(key, hit);
    }
    return hit;
  };

  const encode = (key: string, entry: Entry, encoding: Encoding): Promise<Uint8Array> => {
    let p = entry.encoded[encoding];
    if (!p) {
      p = encoding === 'br' ? brotli(entry.body, BROTLI_OPTIONS) : gzipped(entry.body);
      entry.encoded[encoding] = p;
      void p.then((b) => {
        entry.ready[encoding] = b;
        // Counted once made, if the entry is still kept.
        if (entries.get(key) === entry) {
          entry.bytes += b.length;
          bytes += b.length;
        }
      });
    }
    return p;
  };

  const notModified = (tag: string): Record<string, string> => ({
    ETag: tag,
    'Cache-Control': 'no-cache',
    Vary: 'Accept-Encoding',
  });
  const headersOf = (entry: Entry, tag: string): Record<string, string> => ({
    'Content-Type': entry.type,
    ...notModified(tag),
  });

  const send = async (c: Context, key: string, entry: Entry, tag: string): Promise<Response> => {
    const headers = headersOf(entry, tag);
    const encoding =
      entry.body.length >= MIN_COMPRESS ? accepted(c.req.header('accept-encoding')) : null;
    if (!encoding) return new Response(entry.body as Uint8Array<ArrayBuffer>, { headers });
    const body = await encode(key, entry, encoding);
    headers['Content-Encoding'] = encoding;
    return new Response(body as Uint8Array<ArrayBuffer>, { headers });
  };

  const middleware: MiddlewareHandler = async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const tag = `W/"${current()}"`;
    if (matchesTag(c.req.header('if-none-match'), tag))
      return new Response(null, { status: 304, headers: notModified(tag) });
    const url = c.req.url;
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    const hit = lookup(key);
    if (hit) return send(c, key, hit, tag);
    const asked = version;
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !type.startsWith('application/json')) return;
    // The route ran synchronously against the version read above (GET routes never write).
    const body = new Uint8Array(await res.arrayBuffer());
    const entry: Entry = { body, type, encoded: {}, ready: {}, bytes: body.length };
    if (current() === asked) remember(key, entry);
    c.res = await send(c, key, entry, tag);
  };

  // The version read once a turn of the event loop for the server's own answers: reading it was
  // a tenth of each answer's time. A commit by another process in the same turn is seen by the
  // next one, as if its requests had come a moment earlier. While one of this server's writes
  // (any other method than GET or HEAD) is under way, every answer reads the version again.
  let turn: string | null = null;
  let writing = 0;
  const versionOfTurn = (): string => {
    if (writing > 0) return current();
    if (turn === null) {
      turn = current();
      setImmediate(() => {
        turn = null;
      });
    }
    return turn;
  };

  const answer = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET') {
      if (req.method !== 'HEAD') {
        writing++;
        res.once('close', () => {
          writing--;
          turn = null;
        });
      }
      return false;
    }
    const key = req.url;
    if (key?.[0] !== '/') return false;
    const v = versionOfTurn();
    // The cache moved to a newer version in this turn (a miss read it): the app answers.
    if (v !== version) return false;
    const tag = `W/"${v}"`;
    const hit = entries.get(key);
    if (!hit) return false;
    if (matchesTag(headerOf(req, 'if-none-match'), tag)) {
      res.writeHead(304, { ...SECURITY_HEADERS, ...notModified(tag) });
      res.end();
      return true;
    }
    const encoding =
      hit.body.length >= MIN_COMPRESS ? accepted(headerOf(req, 'accept-encoding')) : null;
    const body = encoding ? hit.ready[encoding] : hit.body;
    if (!body) return false;
    lookup(key);
    const headers: Record<string, string | number> = {
      ...SECURITY_HEADERS,
      ...headersOf(hit, tag),
      'Content-Length': body.length,
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    res.writeHead(200, headers);
    res.end(body);
    return true;
  };

  return { middleware, answer };
}
