// Answers of the read routes, kept per store version (issue 15). Under load the same few URLs
// are asked again and again (the page's default pair, its conflicts, the health check), and each
// answer costs queries and serializing proportional to what it lists. The body of each
// (URL, store version) is made once, compressed once per encoding off the event loop, and every
// later request for it is a buffer write; any write to the store starts a new version, so nothing
// stale is served. Bounded in bytes, least recently used first out.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { storeVersion, type Db } from '../store/db.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

type Encoding = 'br' | 'gzip';

interface Entry {
  body: Uint8Array;
  type: string;
  /** Compressed bodies, made on the first request that accepts each. */
  encoded: Partial<Record<Encoding, Promise<Uint8Array>>>;
  bytes: number;
}

/** Options of `responseCache`. */
export interface ResponseCacheOptions {
  /** Bytes of bodies (compressed ones included) kept in all; default 64 MiB. */
  maxBytes?: number;
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

/**
 * Middleware for GET routes whose answer depends only on the URL and the store: a 200 JSON answer
 * is kept under (URL, store version); a request with an If-None-Match naming the version gets 304.
 */
export function responseCache(db: Db, options: ResponseCacheOptions = {}): MiddlewareHandler {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const entries = new Map<string, Entry>();
  let version = '';
  let bytes = 0;

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

  const encode = (key: string, entry: Entry, encoding: Encoding): Promise<Uint8Array> => {
    let p = entry.encoded[encoding];
    if (!p) {
      p = encoding === 'br' ? brotli(entry.body, BROTLI_OPTIONS) : gzipped(entry.body);
      entry.encoded[encoding] = p;
      void p.then((b) => {
        // Counted once made, if the entry is still kept.
        if (entries.get(key) === entry) {
          entry.bytes += b.length;
          bytes += b.length;
        }
      });
    }
    return p;
  };

  const send = async (c: Context, key: string, entry: Entry, tag: string): Promise<Response> => {
    const headers: Record<string, string> = {
      'Content-Type': entry.type,
      ETag: tag,
      'Cache-Control': 'no-cache',
      Vary: 'Accept-Encoding',
    };
    const encoding =
      entry.body.length >= MIN_COMPRESS ? accepted(c.req.header('accept-encoding')) : null;
    if (!encoding) return new Response(entry.body as Uint8Array<ArrayBuffer>, { headers });
    const body = await encode(key, entry, encoding);
    headers['Content-Encoding'] = encoding;
    return new Response(body as Uint8Array<ArrayBuffer>, { headers });
  };

  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const current = storeVersion(db);
    if (current !== version) {
      entries.clear();
      bytes = 0;
      version = current;
    }
    const tag = `W/"${current}"`;
    if (matchesTag(c.req.header('if-none-match'), tag))
      return new Response(null, {
        status: 304,
        headers: { ETag: tag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' },
      });
    const url = c.req.url;
    const key = url.slice(url.indexOf('/', url.indexOf('//') + 2));
    const hit = entries.get(key);
    if (hit) {
      // Most recently used last: the first entries are the ones to let go.
      entries.delete(key);
      entries.set(key, hit);
      return send(c, key, hit, tag);
    }
    await next();
    const res = c.res;
    const type = res.headers.get('content-type') ?? '';
    if (res.status !== 200 || !type.startsWith('application/json')) return;
    // The route ran synchronously against the version read above (GET routes never write).
    const body = new Uint8Array(await res.arrayBuffer());
    const entry: Entry = { body, type, encoded: {}, bytes: body.length };
    if (storeVersion(db) === version) remember(key, entry);
    c.res = await send(c, key, entry, tag);
  };
}
