// Writes need consent (decision 0012): the real app over a real SQLite file, through
// `app.request()` and a real server on a free loopback port.
import { request as httpRequest } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { allowedHosts, hostOf, isLoopback } from '../src/http/consent.ts';
import { startServer } from '../src/http/server.ts';
import { listenOptions } from '../src/services/schemas.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const TEXT = 'Pakistan and Azerbaijan signed a defence agreement in 2003.';
const TOKEN = 'a-token-of-32-characters-or-so!!';

let dir: string;
let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-consent-'));
  db = openDatabase(join(dir, 'test.db'));
  app = createApp({ db, webRoot: join(dir, 'no-web') });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const documents = () => db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
const answer = async (res: Response) => ({
  status: res.status,
  code: ((await res.json()) as { error?: { code: string } }).error?.code,
});

describe('writes from another site', () => {
  // What a browser sends for a page on http://evil.example that posts to ties.
  it.each([
    [
      'a <form enctype=text/plain>',
      {
        'content-type': 'text/plain',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
      },
      TEXT,
    ],
    [
      'a no-cors fetch',
      {
        'content-type': 'text/plain;charset=UTF-8',
        origin: 'http://evil.example',
        'sec-fetch-site': 'cross-site',
        'sec-fetch-mode': 'no-cors',
      },
      TEXT,
    ],
    [
      'a fetch of JSON from another port of this machine',
      {
        'content-type': 'application/json',
        origin: 'http://localhost:3000',
        'sec-fetch-site': 'same-site',
      },
      JSON.stringify({ text: TEXT }),
    ],
    [
      'a request from a sandboxed frame',
      { 'content-type': 'application/json', origin: 'null' },
      JSON.stringify({ text: TEXT }),
    ],
    [
      'an old browser (Origin only)',
      { 'content-type': 'application/json', origin: 'http://evil.example' },
      JSON.stringify({ text: TEXT }),
    ],
  ])('refuses %s, storing nothing', async (_why, headers, body) => {
    const res = await app.request('/api/documents', { method: 'POST', headers, body });
    expect(await answer(res)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(documents()).toBe(0);
  });

  it('refuses a cross-site multipart form: the one body type a form can send that the API takes', async () => {
    const form = new FormData();
    form.set('text', TEXT);
    const res = await app.request('/api/documents', {
      method: 'POST',
      headers: { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      body: form,
    });
    expect(await answer(res)).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect(documents()).toBe(0);
  });

  it('refuses a write in a body type no page of its own sends, from anywhere', async () => {
    const res = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: TEXT,
    });
    expect(await answer(res)).toEqual({ status: 415, code: 'UNSUPPORTED' });
    // Every write method, also on routes that do not exist yet.
    const del = await app.request('/api/documents/x', {
      method: 'DELETE',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(await answer(del)).toEqual({ status: 403, code: 'FORBIDDEN' });
    const put = await app.request('/api/anything', {
      method: 'PUT',
      headers: { 'content-type': 'text/plain', 'content-length': '4' },
      body: 'text',
    });
    expect(await answer(put)).toEqual({ status: 415, code: 'UNSUPPORTED' });
    expect(documents()).toBe(0);
  });

  it('takes a write from its own page, and from a client that is no browser', async () => {
    const own = await app.request('/api/documents', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin: 'http://localhost',
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ text: TEXT }),
    });
    expect(own.status).toBe(201);
    const curl = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `${TEXT} Again.` }),
    });
    expect(curl.status).toBe(201);
    expect(documents()).toBe(2);
  });
});

describe('the Host header', () => {
  it('answers to loopback names and to what --host names, nothing else', () => {
    expect(['localhost:8787', '127.0.0.1', '[::1]:80', 'LOCALHOST'].map(hostOf)).toEqual([
      'localhost',
      '127.0.0.1',
      '::1',
      'localhost',
    ]);
    expect(allowedHosts('127.0.0.1').has('evil.example')).toBe(false);
    expect(allowedHosts('ties.lan').has('ties.lan')).toBe(true);
    expect([
      isLoopback('127.0.0.2'),
      isLoopback('::1'),
      isLoopback('0.0.0.0'),
      isLoopback('192.168.1.2'),
    ]).toEqual([true, true, false, false]);
  });

  it('refuses a rebound name on every request, reads included', async () => {
    for (const path of ['/api/health', '/', '/api/nothing']) {
      const res = await app.request(`http://attacker.example:8787${path}`, {
        headers: { host: 'attacker.example:8787' },
      });
      expect([path, res.status]).toEqual([path, 403]);
    }
  });

  it('refuses a wrong Host on a real server on loopback', async () => {
    const { server, url } = await startServer({
      db,
      port: 0,
      host: '127.0.0.1',
      webRoot: join(dir, 'no-web'),
    });
    try {
      const { port } = new URL(url);
      const ask = (host: string) =>
        new Promise<number>((resolve, reject) => {
          const req = httpRequest(
            { host: '127.0.0.1', port, path: '/api/health', headers: { host } },
            (res) => {
              res.resume();
              resolve(res.statusCode ?? 0);
            },
          );
          req.on('error', reject);
          req.end();
        });
      expect(await ask(`localhost:${port}`)).toBe(200);
      expect(await ask(`127.0.0.1:${port}`)).toBe(200);
      expect(await ask(`rebind.attacker.example:${port}`)).toBe(403);
    } finally {
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('the token', () => {
  it('is required to listen beyond loopback', async () => {
    await expect(startServer({ db, port: 0, host: '0.0.0.0' })).rejects.toThrow(
      /needs a token: pass --token/,
    );
    await expect(startServer({ db, port: 0, host: '192.0.2.1' })).rejects.toMatchObject({
      code: 'INVALID',
    });
  });

  it('comes from --token or TIES_TOKEN, and is long enough to guess no faster than a key', () => {
    expect(listenOptions('1', 'h', TOKEN).token).toBe(TOKEN);
    const before = process.env.TIES_TOKEN;
    process.env.TIES_TOKEN = TOKEN;
    try {
      expect(listenOptions('1', 'h').token).toBe(TOKEN);
    } finally {
      if (before === undefined) delete process.env.TIES_TOKEN;
      else process.env.TIES_TOKEN = before;
    }
    expect(() => listenOptions('1', 'h', 'short')).toThrow(/at least 16/);
  });

  it('is asked of every API request when set, and the page itself stays public', async () => {
    const locked = createApp({ db, webRoot: join(dir, 'no-web'), token: TOKEN });
    const none = await locked.request('/api/health');
    expect(await answer(none)).toEqual({ status: 401, code: 'UNAUTHORIZED' });
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(
      (
        await locked.request('/api/health', {
          headers: { authorization: 'Bearer wrong-token-of-some-length' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await locked.request('/api/health', { headers: { authorization: `Bearer ${TOKEN}` } }))
        .status,
    ).toBe(200);
    expect(
      (
        await locked.request('/api/health', {
          headers: { cookie: `x=1; ties-token=${encodeURIComponent(TOKEN)}` },
        })
      ).status,
    ).toBe(200);
    expect((await locked.request('/')).status).toBe(200);
    const write = await locked.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: TEXT }),
    });
    expect(write.status).toBe(401);
  });
});

describe('security headers', () => {
  it('are on the page, on answers and on errors', async () => {
    for (const path of ['/', '/api/health', '/api/nothing']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect([path, csp]).toEqual([path, expect.stringContaining("script-src 'self'")]);
      expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const refused = await app.request('http://evil.example/', {
      headers: { host: 'evil.example' },
    });
    expect(refused.headers.get('x-frame-options')).toBe('DENY');
  });
});
