// The server's own answers from the response cache (issue 15): a repeated read is written on the
// socket before Hono, so it must be the answer Hono gave, pass the same consent checks, and
// follow every write. A real server on a free loopback port over a real SQLite file.
import type { ServerType } from '@hono/node-server';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWithEvents } from '../bench/web.ts';
import { startServer } from '../src/http/server.ts';
import type { CompactTimeline } from '../src/services/events.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const TOKEN = 'a-token-of-32-characters-or-so!!';
const PAGE = '/api/timeline?a=AZE&b=PAK';

let dir: string;
let db: Db;

interface Answer {
  status: number;
  /** Header names as the server wrote them, lower-cased, with their values. */
  headers: Record<string, string>;
  /** Header names exactly as written on the wire. */
  names: string[];
  body: Buffer;
}

function ask(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
  body?: string,
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const names = res.rawHeaders.filter((_, i) => i % 2 === 0);
          const all: Record<string, string> = {};
          for (let i = 0; i < res.rawHeaders.length; i += 2)
            all[res.rawHeaders[i]!.toLowerCase()] = res.rawHeaders[i + 1]!;
          resolve({
            status: res.statusCode ?? 0,
            headers: all,
            names,
            body: Buffer.concat(chunks),
          });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function serving<T>(
  options: { token?: string },
  run: (port: number) => Promise<T>,
): Promise<T> {
  const { server, url } = await startServer({
    db,
    port: 0,
    host: '127.0.0.1',
    webRoot: join(dir, 'no-web'),
    ...options,
  });
  try {
    return await run(Number(new URL(url).port));
  } finally {
    await close(server);
  }
}

async function close(server: ServerType) {
  (server as { closeAllConnections?: () => void }).closeAllConnections?.();
  await new Promise((r) => server.close(r));
}

// What differs between two answers of one body by design: the time, and how the names are cased.
const comparable = (a: Answer) => {
  const { date: _date, ...rest } = a.headers;
  return rest;
};
// Hono writes lower-case names; the server's own answers write them as the cache names them.
const fromCache = (a: Answer) => a.names.includes('ETag');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-server-cache-'));
  db = openDatabase(join(dir, 'test.db'));
  // Enough events for a body worth compressing.
  fillWithEvents(db, 300);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a repeated read answered by the server from the cache', () => {
  it('is the answer the app made, headers included, and a 304 when the tag matches', async () => {
    await serving({}, async (port) => {
      const first = await ask(port, PAGE);
      expect(first.status).toBe(200);
      expect(fromCache(first)).toBe(false);
      const again = await ask(port, PAGE);
      expect(fromCache(again)).toBe(true);
      expect(again.body.equals(first.body)).toBe(true);
      expect(comparable(again)).toEqual(comparable(first));
      expect(again.headers['x-frame-options']).toBe('DENY');

      const unchanged = await ask(port, PAGE, { 'if-none-match': first.headers.etag! });
      expect(unchanged.status).toBe(304);
      expect(unchanged.body.length).toBe(0);
      expect(unchanged.headers['content-security-policy']).toContain("frame-ancestors 'none'");

      // A compressed body is made by the app once, then written by the server.
      const gzip = { 'accept-encoding': 'gzip' };
      const made = await ask(port, PAGE, gzip);
      let kept = await ask(port, PAGE, gzip);
      for (let i = 0; i < 50 && !fromCache(kept); i++) kept = await ask(port, PAGE, gzip);
      expect([made.headers['content-encoding'], kept.headers['content-encoding']]).toEqual([
        'gzip',
        'gzip',
      ]);
      expect(fromCache(kept)).toBe(true);
      expect(gunzipSync(kept.body).equals(first.body)).toBe(true);
      expect(comparable(kept)).toEqual(comparable(made));
    });
  });

  it('follows a write through the server and one by another connection', async () => {
    await serving({}, async (port) => {
      await ask(port, PAGE);
      const before = await ask(port, PAGE);
      expect(fromCache(before)).toBe(true);
      const total = (JSON.parse(before.body.toString()) as CompactTimeline).total;

      const posted = await ask(
        port,
        '/api/documents',
        { 'content-type': 'application/json' },
        'POST',
        JSON.stringify({ text: 'On 4 April 1932, Azerbaijan accused Pakistan of delays.' }),
      );
      expect(posted.status).toBe(201);
      const after = await ask(port, PAGE);
      expect(after.headers.etag).not.toBe(before.headers.etag);
      expect((JSON.parse(after.body.toString()) as CompactTimeline).total).toBe(total + 1);
      const stale = await ask(port, PAGE, { 'if-none-match': before.headers.etag! });
      expect(stale.status).toBe(200);

      // Another connection to the same file (another process would be the same).
      const other = openDatabase(join(dir, 'test.db'));
      try {
        ingestDocument(other, { text: 'On 6 June 1933, Azerbaijan accused Pakistan of theft.' });
      } finally {
        other.close();
      }
      const later = await ask(port, PAGE);
      expect((JSON.parse(later.body.toString()) as CompactTimeline).total).toBe(total + 2);
    });
  });

  it('passes the consent checks: a wrong Host, and a missing token, are refused', async () => {
    await serving({}, async (port) => {
      await ask(port, PAGE);
      expect(fromCache(await ask(port, PAGE))).toBe(true);
      const rebound = await ask(port, PAGE, { host: `rebind.attacker.example:${port}` });
      expect(rebound.status).toBe(403);
    });
    await serving({ token: TOKEN }, async (port) => {
      const auth = { authorization: `Bearer ${TOKEN}` };
      await ask(port, PAGE, auth);
      expect(fromCache(await ask(port, PAGE, auth))).toBe(true);
      expect((await ask(port, PAGE)).status).toBe(401);
      expect(
        (await ask(port, PAGE, { authorization: 'Bearer wrong-token-of-some-length' })).status,
      ).toBe(401);
    });
  });
});
