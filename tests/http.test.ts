// The HTTP API on the real Hono app (`app.request()`) over a real SQLite file: the shapes the
// explorer page relies on, and every 4xx path.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { ExtractPool } from '../src/services/workers/extract-pool.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { PAIR_ID, PAIR_TEXT, storePairFixture } from './fixtures/pair-fixture.ts';

const ESSAY = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');

let dir: string;
let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-http-'));
  db = openDatabase(join(dir, 'test.db'));
  app = createApp({ db, webRoot: join(dir, 'no-web') });
  storePairFixture(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as any };
};
const post = async (path: string, body: BodyInit, type?: string) => {
  const res = await app.request(path, {
    method: 'POST',
    body,
    headers: type ? { 'content-type': type } : {},
  });
  return { status: res.status, body: (await res.json()) as any };
};
// A file as the page sends it: a multipart form with the file and the document's fields.
const fileForm = (
  content: BlobPart,
  name: string,
  type: string,
  fields: Record<string, string> = {},
) => {
  const form = new FormData();
  form.set('file', new File([content], name, { type }));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  return form;
};

describe('reading', () => {
  it('GET /api/health counts documents and events', async () => {
    expect(await get('/api/health')).toEqual({
      status: 200,
      body: { ok: true, documents: 1, events: 3 },
    });
  });

  // The compact, paged GET /api/timeline and GET /api/events/:id: tests/http-timeline.test.ts.

  it('GET /api/events filters and pages', async () => {
    const all = (await get('/api/events')).body;
    expect(all.total).toBe(3);
    const page = (await get('/api/events?limit=1&offset=1')).body;
    expect([page.total, page.items.map((e: any) => e.type)]).toEqual([3, ['COOPERATE']]);
    expect(
      (await get('/api/events?quad=material-cooperation')).body.items.map((e: any) => e.type),
    ).toEqual(['COOPERATE']);
    expect((await get(`/api/events?doc=${PAIR_ID}&type=CONSULT`)).body.total).toBe(1);
    expect((await get('/api/events?q=recognized')).body.items.map((e: any) => e.type)).toEqual([
      'SUPPORT',
    ]);
    expect((await get('/api/events?a=TUR&b=AZE')).body.total).toBe(1);
  });

  it('GET /api/documents lists and GET /api/documents/:id gives text and events', async () => {
    const list = (await get('/api/documents')).body;
    expect(list.items.find((d: any) => d.id === PAIR_ID)).toEqual({
      id: PAIR_ID,
      title: 'Fixture',
      date: '2021-10-01',
      format: 'txt',
      length: PAIR_TEXT.length,
      events: 3,
      addedAt: '2026-01-01T00:00:00.000Z',
    });
    const one = (await get(`/api/documents/${PAIR_ID}`)).body;
    expect([one.text, one.events.length]).toEqual([PAIR_TEXT, 3]);
  });

  it('GET /api/search finds the sentence with its events', async () => {
    const { body } = await get('/api/search?q=joint%20dri');
    expect(body.items).toEqual([
      {
        kind: 'sentence',
        documentId: PAIR_ID,
        documentTitle: 'Fixture',
        start: 89,
        end: 158,
        text: 'Turkey, Azerbaijan and Pakistan held a joint drill in September 2021.',
        snippet: expect.stringContaining('[joint] [drill]'),
        eventIds: [expect.any(String)],
      },
    ]);
  });

  it('GET /api/actors and /api/stats count events', async () => {
    const actors = (await get('/api/actors')).body.items;
    expect(actors.slice(0, 2)).toEqual([
      { code: 'AZE', name: 'Azerbaijan', kind: 'state', events: 3 },
      { code: 'PAK', name: 'Pakistan', kind: 'state', events: 3 },
    ]);
    expect((await get('/api/stats?a=AZE&b=PAK')).body).toEqual({
      byYear: [
        { year: 1991, total: 1, quads: { 'verbal-cooperation': 1 } },
        { year: 2021, total: 1, quads: { 'material-cooperation': 1 } },
      ],
      byType: [
        { type: 'CONSULT', count: 1 },
        { type: 'COOPERATE', count: 1 },
        { type: 'SUPPORT', count: 1 },
      ],
    });
  });

  it('GET /api/openapi.json describes every route', async () => {
    const { body } = await get('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/documents',
        '/api/documents/{id}',
        '/api/events',
        '/api/timeline',
        '/api/search',
        '/api/actors',
        '/api/stats',
      ]),
    );
  });

  it('GET / serves a placeholder until the page is built, then the page', async () => {
    const placeholder = await app.request('/');
    expect(placeholder.status).toBe(200);
    expect(await placeholder.text()).toContain('npm run build:web');
    const web = join(dir, 'web');
    mkdirSync(web);
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>explorer</title>');
    const built = await createApp({ db, webRoot: web }).request('/');
    expect(await built.text()).toContain('<title>explorer</title>');
  });
});

describe('POST /api/documents', () => {
  it('adds a file sent as a form, then finds it unchanged', async () => {
    const first = await post(
      '/api/documents',
      fileForm(ESSAY, 'essay.txt', 'text/plain;charset=utf-8', {
        title: 'Essay',
        date: '2021-06-16',
      }),
    );
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      added: true,
      document: { title: 'Essay', date: '2021-06-16', format: 'txt', length: ESSAY.length },
    });
    expect(first.body.events).toBeGreaterThan(0);
    const again = await post('/api/documents', fileForm(ESSAY, 'again.txt', 'text/plain'));
    expect(again).toEqual({ status: 200, body: { ...first.body, added: false } });
  });

  it('adds JSON, form text and HTML documents', async () => {
    const json = await post(
      '/api/documents',
      JSON.stringify({
        text: 'Pakistan and Azerbaijan signed a defence agreement in 2003.',
        title: 'Note',
        date: '2004-01-01',
      }),
      'application/json',
    );
    expect(json.status).toBe(201);
    expect(json.body.document).toMatchObject({ title: 'Note', date: '2004-01-01', format: 'txt' });
    const page =
      '<html><head><title>Page</title></head><body><p>India and Pakistan held talks in Agra in July 2001.</p></body></html>';
    const html = await post('/api/documents', fileForm(page, 'page.html', 'text/html'));
    expect(html.status).toBe(201);
    expect(html.body.document).toMatchObject({ title: 'Page', format: 'html' });
    const text = new FormData();
    text.set('text', 'Azerbaijan and Turkey signed a trade agreement in 2012.');
    text.set('title', 'Form note');
    const form = await post('/api/documents', text);
    expect([form.status, form.body.document.title, form.body.document.format]).toEqual([
      201,
      'Form note',
      'txt',
    ]);
  });

  it.each([
    ['no content type', new TextEncoder().encode('Some text.'), undefined, 415, 'UNSUPPORTED'],
    ['an unsupported content type', '%PDF-1.4', 'application/pdf', 415, 'UNSUPPORTED'],
    [
      'a raw text body (what a cross-site form can send)',
      'Pakistan and Azerbaijan met.',
      'text/plain',
      415,
      'UNSUPPORTED',
    ],
    ['a raw HTML body', '<p>Pakistan and Azerbaijan met.</p>', 'text/html', 415, 'UNSUPPORTED'],
    ['an empty file', fileForm('', 'a.txt', 'text/plain'), undefined, 422, 'BAD_INPUT'],
    ['a blank file', fileForm('  \n ', 'a.txt', 'text/plain'), undefined, 422, 'BAD_INPUT'],
    [
      'a binary file',
      fileForm(
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]),
        'a.txt',
        'text/plain',
      ),
      undefined,
      422,
      'BAD_INPUT',
    ],
    [
      'a form with neither file nor text',
      (() => {
        const f = new FormData();
        f.set('title', 'x');
        return f;
      })(),
      undefined,
      400,
      'INVALID',
    ],
    [
      'a multipart body that does not parse',
      '--x\r\nnot a part',
      'multipart/form-data; boundary=y',
      400,
      'INVALID',
    ],
    ['an empty JSON text', JSON.stringify({ text: '' }), 'application/json', 422, 'BAD_INPUT'],
    ['JSON that does not parse', '{"text": ', 'application/json', 400, 'INVALID'],
    ['JSON without text', JSON.stringify({ title: 'x' }), 'application/json', 400, 'INVALID'],
    [
      'a JSON date that is not a date',
      JSON.stringify({ text: 'Pakistan and Azerbaijan met.', date: '2021-02-30' }),
      'application/json',
      400,
      'INVALID',
    ],
    [
      'a JSON format ties does not read',
      JSON.stringify({ text: 'x', format: 'pdf' }),
      'application/json',
      400,
      'INVALID',
    ],
  ] as [string, BodyInit, string | undefined, number, string][])(
    'rejects %s',
    async (_why, body, type, status, code) => {
      const res = await post('/api/documents', body, type);
      expect(res.status).toBe(status);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    },
  );

  it('rejects a bad date in a form', async () => {
    const res = await post(
      '/api/documents',
      fileForm('Pakistan and Azerbaijan met.', 'a.txt', 'text/plain', { date: '16.06.2021' }),
    );
    expect([res.status, res.body.error.code, res.body.error.message]).toEqual([
      400,
      'INVALID',
      'date must be a date YYYY-MM-DD',
    ]);
  });

  it('rejects a body over the size limit with 413', async () => {
    const big = 'Pakistan and Azerbaijan met. '.repeat(Math.ceil((5 * 1024 * 1024) / 29) + 10);
    const res = await post('/api/documents', JSON.stringify({ text: big }), 'application/json');
    expect([res.status, res.body.error.code]).toEqual([413, 'TOO_LARGE']);
    const small = createApp({ db, maxBodyBytes: 100 });
    const r2 = await small.request('/api/documents', {
      method: 'POST',
      body: fileForm('x'.repeat(101), 'a.txt', 'text/plain'),
    });
    expect(r2.status).toBe(413);
  });
});

describe('POST /api/documents with an extraction thread', () => {
  it('stores what extracting on the event loop stores, and answers other requests meanwhile', async () => {
    const pool = new ExtractPool(1);
    const here = openDatabase(join(dir, 'here.db'));
    const there = openDatabase(join(dir, 'there.db'));
    try {
      const big = Array.from({ length: 40 }, (_, i) =>
        ESSAY.replaceAll('1991', String(1800 + i)),
      ).join('\n\n');
      const send = async (a: ReturnType<typeof createApp>) =>
        a.request('/api/documents', {
          method: 'POST',
          body: fileForm(big, 'big.txt', 'text/plain', { date: '2021-06-16' }),
        });
      const order: string[] = [];
      const threaded = createApp({ db: there, pool });
      const posted = send(threaded).then(
        async (r) => (order.push('post'), { status: r.status, body: await r.json() }),
      );
      const health = Promise.resolve(threaded.request('/api/health')).then(
        (r) => (order.push('health'), r.status),
      );
      const [a, h] = await Promise.all([posted, health]);
      // The health check was answered while the document was being extracted.
      expect([order, h]).toEqual([['health', 'post'], 200]);
      const b = await send(createApp({ db: here }));
      const when = { addedAt: expect.any(String) };
      const plain = (await b.json()) as { document: object };
      expect(a).toEqual({
        status: 201,
        body: { ...plain, document: { ...plain.document, ...when } },
      });
      const rows = (d: Db) =>
        d.prepare(`SELECT type, date, actors, mention_count FROM events ORDER BY id`).all();
      expect(rows(there)).toEqual(rows(here));
      expect(rows(there).length).toBeGreaterThan(20);
    } finally {
      await pool.close();
      here.close();
      there.close();
    }
  });
});

describe('4xx of the read routes', () => {
  it.each([
    ['/api/documents?limit=0', 400, 'INVALID'],
    ['/api/documents?limit=ten', 400, 'INVALID'],
    ['/api/documents?offset=-1', 400, 'INVALID'],
    ['/api/documents/0000', 404, 'NOT_FOUND'],
    ['/api/events?type=AGREE,HUG', 400, 'INVALID'],
    ['/api/events?quad=warm', 400, 'INVALID'],
    ['/api/events?from=91', 400, 'INVALID'],
    ['/api/events?from=2000&to=1990', 400, 'INVALID'],
    ['/api/events?b=PAK', 400, 'INVALID'],
    ['/api/events?doc=nothex', 400, 'INVALID'],
    ['/api/events?a=Atlantis', 404, 'NOT_FOUND'],
    ['/api/events?limit=501', 400, 'INVALID'],
    ['/api/timeline', 400, 'INVALID'],
    ['/api/timeline?a=', 400, 'INVALID'],
    ['/api/timeline?a=Narnia', 404, 'NOT_FOUND'],
    ['/api/timeline?a=AZE&b=Narnia', 404, 'NOT_FOUND'],
    ['/api/timeline?a=AZE&to=19x5', 400, 'INVALID'],
    ['/api/search', 400, 'INVALID'],
    ['/api/search?q=%20', 400, 'INVALID'],
    ['/api/search?q=%21%3F', 400, 'INVALID'],
    ['/api/search?q=x&limit=0', 400, 'INVALID'],
    ['/api/stats', 400, 'INVALID'],
    ['/api/stats?a=Narnia', 404, 'NOT_FOUND'],
    ['/api/no-such-route', 404, 'NOT_FOUND'],
  ])('GET %s → %i', async (path, status, code) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });

  it('search treats FTS5 syntax in the text as words', async () => {
    expect((await get('/api/search?q=%22joint%20AND%20NEAR(drill')).status).toBe(200);
  });
});
