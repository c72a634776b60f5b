// GET /api/timeline (compact, paged, with an ETag) and GET /api/events/:id on the real Hono app
// over a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillWithEvents } from '../bench/web.ts';
import { createApp } from '../src/http/app.ts';
import type { CompactTimeline } from '../src/services/events.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { PAIR_ID, pairSpan, storePairFixture } from './fixtures/pair-fixture.ts';
import { impliedDate, toDay } from '../src/store/days.ts';

let dir: string;
let db: Db;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-timeline-'));
  db = openDatabase(join(dir, 'test.db'));
  app = createApp({ db });
  storePairFixture(db);
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await app.request(path, { headers });
  return {
    status: res.status,
    etag: res.headers.get('etag'),
    body: res.status === 200 ? ((await res.json()) as any) : null,
  };
};

/** The compact page as rows of [type, date, first, last, source, target, participants, text]. */
function rows(t: CompactTimeline): unknown[][] {
  const e = t.events;
  const code = (i: number) => (i < 0 ? null : t.actors[i]!.code);
  const date = (i: number) =>
    e.date[i] || (e.first[i] === null ? null : impliedDate(e.first[i]!, e.last[i]!));
  return e.id.map((_, i) => [
    t.types[e.type[i]!],
    date(i),
    e.first[i],
    e.last[i],
    code(e.source[i]!),
    code(e.target[i]!),
    e.actors[i]!.map(code),
    e.text[i],
  ]);
}

describe('GET /api/timeline', () => {
  it('gives the pair in date order, undated last, as parallel arrays with tables, by name or code', async () => {
    const { status, body } = await get('/api/timeline?a=Azerbaijan&b=PAK');
    expect(status).toBe(200);
    expect([body.a, body.b, body.total, body.next]).toEqual([
      { code: 'AZE', name: 'Azerbaijan' },
      { code: 'PAK', name: 'Pakistan' },
      3,
      null,
    ]);
    expect(rows(body)).toEqual([
      [
        'SUPPORT',
        '1991-12-12',
        8015,
        8015,
        'PAK',
        'AZE',
        ['PAK', 'AZE'],
        'Pakistan recognized Azerbaijan on December 12, 1991',
      ],
      [
        'COOPERATE',
        '2021-09',
        18871,
        18900,
        null,
        null,
        ['TUR', 'AZE', 'PAK'],
        'Turkey, Azerbaijan and Pakistan held a joint drill in September 2021',
      ],
      [
        'CONSULT',
        null,
        null,
        null,
        'AZE',
        'PAK',
        ['AZE', 'PAK'],
        'Azerbaijan and Pakistan held talks',
      ],
    ]);
    expect(body.actors).toEqual(
      expect.arrayContaining([{ code: 'TUR', name: expect.stringMatching(/^T/) }]),
    );
    expect(body.events.quad.map((q: number) => body.quads[q])).toEqual([
      'verbal-cooperation',
      'material-cooperation',
      'verbal-cooperation',
    ]);
    expect(body.events.documents).toEqual([[0], [0], [0]]);
    // Dates a day, month or year range implies are left out.
    expect(body.events.date).toEqual([0, 0, 0]);
    expect(body.documents).toEqual([PAIR_ID]);
    expect([body.events.negated, body.events.mentions]).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
    expect((await get('/api/timeline?a=pak&b=aze')).body.events).toEqual(body.events);
  });

  it.each([
    ['from=2000', ['COOPERATE']],
    ['to=1995&type=support,consult', ['SUPPORT']],
    ['quad=verbal-cooperation', ['SUPPORT', 'CONSULT']],
    [`doc=${PAIR_ID}&type=CONSULT`, ['CONSULT']],
    ['q=recognized', ['SUPPORT']],
    ['q=drill+september', ['COOPERATE']],
  ])('filters by %s', async (filter, types) => {
    const { body } = await get(`/api/timeline?a=AZE&b=PAK&${filter}`);
    expect(body.events.type.map((t: number) => body.types[t])).toEqual(types);
    expect(body.total).toBe(types.length);
  });

  it('a alone means every event involving a', async () => {
    const tur = (await get('/api/timeline?a=Turkey')).body;
    expect([tur.a.code, tur.b, tur.events.type.map((t: number) => tur.types[t])]).toEqual([
      'TUR',
      null,
      ['COOPERATE'],
    ]);
  });

  it('pages with limit and cursor: the pages together are the whole timeline, in order', async () => {
    const whole = (await get('/api/timeline?a=AZE&b=PAK')).body;
    const ids: number[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const { body } = await get(
        `/api/timeline?a=AZE&b=PAK&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(body.total).toBe(3);
      ids.push(...body.events.id);
      if (!body.next) break;
      cursor = body.next;
    }
    expect(ids).toEqual(whole.events.id);
  });

  it.each([
    ['cursor=12', /^cursor is not a cursor this server gave/],
    ['cursor=1_2_x', /^cursor is not a cursor this server gave/],
    ['limit=0', /^limit must be at least 1$/],
    ['limit=10001', /^limit must be at most 10000$/],
    ['limit=1&limit=2', /^limit must be given once$/],
    ['type=HUG', /^type 'HUG' is not a PLOVER type \(/],
    ['from=1990&to=1980', /^from must not be after to$/],
    ['cursor=' + 'x'.repeat(65), /^cursor is too long \(at most 64\)$/],
  ])('refuses %s with a one-line 400', async (q, message) => {
    const res = await app.request(`/api/timeline?a=AZE&${q}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as any).error.message).toMatch(message);
  });

  it('names a missing parameter in a plain sentence', async () => {
    const res = await app.request('/api/timeline?b=AZE');
    expect([res.status, ((await res.json()) as any).error.message]).toEqual([400, 'a is required']);
  });

  it('answers 304 while the store is unchanged; a write here or by another connection changes the ETag', async () => {
    const first = await get('/api/timeline?a=AZE&b=PAK');
    expect(first.etag).toMatch(/^W\/".+"$/);
    const again = await get('/api/timeline?a=AZE&b=PAK', { 'if-none-match': first.etag! });
    expect([again.status, again.etag]).toEqual([304, first.etag]);

    // A document posted to this server (its own connection writes).
    const posted = await app.request('/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text: 'On 3 March 2010, Pakistan and Azerbaijan signed a trade agreement in Baku.',
        title: 'Trade',
      }),
    });
    expect(posted.status).toBe(201);
    const afterPost = await get('/api/timeline?a=AZE&b=PAK', { 'if-none-match': first.etag! });
    expect(afterPost.status).toBe(200);
    expect(afterPost.etag).not.toBe(first.etag);
    expect(afterPost.body.total).toBeGreaterThan(3);

    // A document stored by another connection (`ties ingest` in another process does this).
    const other = openDatabase(join(dir, 'test.db'));
    try {
      ingestDocument(other, {
        text: 'On 5 May 2012, Azerbaijan accused Pakistan of delays.',
        title: 'Delays',
      });
    } finally {
      other.close();
    }
    const afterOther = await get('/api/timeline?a=AZE&b=PAK', { 'if-none-match': afterPost.etag! });
    expect(afterOther.status).toBe(200);
    expect(afterOther.etag).not.toBe(afterPost.etag);
    expect(
      (await get('/api/timeline?a=AZE&b=PAK', { 'if-none-match': afterOther.etag! })).status,
    ).toBe(304);
  });

  it('sends the same page again as it made it, compressed when asked, until the store changes', async () => {
    // Enough events for a body worth compressing.
    const big = openDatabase(join(dir, 'cache.db'));
    try {
      fillWithEvents(big, 300);
      const cached = createApp({ db: big });
      const url = '/api/timeline?a=AZE&b=PAK';
      const raw = async (headers: Record<string, string> = {}) => {
        const res = await cached.request(url, { headers });
        return {
          encoding: res.headers.get('content-encoding'),
          vary: res.headers.get('vary'),
          bytes: Buffer.from(await res.arrayBuffer()),
        };
      };
      const plain = await raw();
      expect(plain.encoding).toBeNull();
      expect(plain.vary).toBe('Accept-Encoding');
      const page = JSON.parse(plain.bytes.toString('utf8')) as CompactTimeline;
      expect(page.events.id.length).toBeGreaterThan(10);
      expect((await raw()).bytes.equals(plain.bytes)).toBe(true);

      const gz = await raw({ 'accept-encoding': 'gzip, deflate' });
      expect(gz.encoding).toBe('gzip');
      expect(gunzipSync(gz.bytes).equals(plain.bytes)).toBe(true);
      const br = await raw({ 'accept-encoding': 'gzip, deflate, br' });
      expect(br.encoding).toBe('br');
      expect(brotliDecompressSync(br.bytes).equals(plain.bytes)).toBe(true);
      expect(br.bytes.length).toBeLessThan(plain.bytes.length / 3);
      expect((await raw({ 'accept-encoding': 'br;q=0, gzip' })).encoding).toBe('gzip');
      expect((await raw({ 'accept-encoding': 'identity' })).encoding).toBeNull();

      // A write: the page is made again from the store.
      ingestDocument(big, { text: 'On 5 May 1931, Azerbaijan accused Pakistan of delays.' });
      const after = JSON.parse((await raw()).bytes.toString('utf8')) as CompactTimeline;
      expect(after.total).toBe(page.total + 1);
    } finally {
      big.close();
    }
  });
});

describe('impliedDate', () => {
  it.each([
    ['1991-12-12', '1991-12-12', '1991-12-12'],
    ['2003-05-01', '2003-05-31', '2003-05'],
    ['2004-02-01', '2004-02-29', '2004-02'],
    ['1995-01-01', '1995-12-31', '1995'],
    ['0950-01-01', '0950-12-31', '0950'],
    ['1990-01-01', '1999-12-31', null],
    ['2003-05-01', '2003-05-30', null],
    ['2003-05-02', '2003-05-31', null],
    ['2003-05-01', '2003-06-30', null],
    ['1995-01-01', '1995-12-30', null],
  ])('%s to %s is %j', (a, b, date) => {
    expect(impliedDate(toDay(a)!, toDay(b)!)).toBe(date);
  });
});

describe('GET /api/events/:id', () => {
  it('gives one event with its sources, the details the compact timeline leaves out', async () => {
    const t = (await get('/api/timeline?a=AZE&b=PAK&type=SUPPORT')).body;
    const { status, body } = await get(`/api/events/${t.events.id[0]}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      id: String(t.events.id[0]),
      type: 'SUPPORT',
      mode: null,
      cameo: '054',
      quad: 'verbal-cooperation',
      date: '1991-12-12',
      dateFirst: '1991-12-12',
      dateLast: '1991-12-12',
      source: { code: 'PAK', name: 'Pakistan', text: 'Pakistan' },
      target: { code: 'AZE', name: 'Azerbaijan', text: 'Azerbaijan' },
      actors: ['PAK', 'AZE'],
      confidence: 0.9,
      negated: false,
      mentions: [
        {
          documentId: PAIR_ID,
          documentTitle: 'Fixture',
          documentDate: '2021-10-01',
          evidence: pairSpan('Pakistan recognized Azerbaijan on December 12, 1991'),
          url: null,
        },
      ],
    });
  });

  it.each(['999999', 'abc'])('answers 404 for event %s', async (id) => {
    const res = await app.request(`/api/events/${id}`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as any).error.code).toBe('NOT_FOUND');
  });
});

describe('the compact timeline at size', () => {
  it('stays under 150 bytes an event (1.5 MB at 10,000), a tenth of the full events', async () => {
    const big = openDatabase(':memory:');
    try {
      const n = fillWithEvents(big, 2000);
      const server = createApp({ db: big });
      const compact = await (await server.request('/api/timeline?a=PAK&b=AZE&limit=10000')).text();
      const parsed = JSON.parse(compact) as CompactTimeline;
      expect([parsed.events.id.length, parsed.next]).toEqual([n, null]);
      expect(compact.length / n).toBeLessThan(150);
      const full =
        (await (await server.request('/api/events?a=PAK&b=AZE&limit=500')).text()).length / 500;
      expect(compact.length / n).toBeLessThan(full / 3);
    } finally {
      big.close();
    }
  });
});
