// Curation over HTTP (`app.request()` on the real app and a real SQLite file): every correction
// kind through POST /api/corrections, undo, listing, and deleting or re-dating a document.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

// Written for these tests (as in corrections.test.ts).
const A =
  'Pakistan recognized Azerbaijan on 12 December 1991. In 1995 the President of Pakistan visited Azerbaijan. Turkey signed a trade agreement with Azerbaijan in March 2001.\n';
const B = 'Pakistan recognized Azerbaijan in December 1991, soon after the Soviet collapse.\n';

let dir: string;
let db: Db;
let app: ReturnType<typeof createApp>;
let a: string;
let b: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-corrections-http-'));
  db = openDatabase(join(dir, 'ties.db'));
  app = createApp({ db });
  a = ingestDocument(db, { text: A, name: 'a.txt' }).document.id;
  b = ingestDocument(db, { text: B, name: 'b.txt' }).document.id;
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Ev {
  id: string;
  type: string;
  date: string | null;
  actors: string[];
  mentions: { documentId: string; evidence: { start: number; end: number; text: string } }[];
  corrections?: { kind: string; original: Record<string, unknown> | null; author: string | null }[];
}

const send = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
};
const events = async (a = 'PAK', b = 'AZE'): Promise<Ev[]> =>
  (await send('GET', `/api/events?a=${a}${b ? `&b=${b}` : ''}&limit=500`)).body.items;
const ofType = async (type: string) => (await events()).filter((e) => e.type === type);

describe('POST /api/corrections', () => {
  it('re-dates, re-types, sets participants and rejects, each shown on the event with the extracted facts', async () => {
    const [visit] = await ofType('CONSULT');
    let r = await send('POST', '/api/corrections', {
      kind: 'date',
      event: visit!.id,
      value: { date: '1995-06' },
      author: 'Ayla',
      note: 'June',
    });
    expect(r.status).toBe(201);
    expect(r.body.corrections[0]).toMatchObject({
      kind: 'date',
      status: 'applied',
      original: { date: '1995' },
      author: 'Ayla',
      note: 'June',
    });
    const [dated] = await ofType('CONSULT');
    expect(dated).toMatchObject({ id: r.body.eventIds[0], date: '1995-06' });

    r = await send('POST', '/api/corrections', {
      kind: 'type',
      event: dated!.id,
      value: { type: 'AGREE' },
    });
    expect((await ofType('AGREE')).map((e) => [e.date, e.corrections!.map((c) => c.kind)])).toEqual(
      [['1995-06', ['date', 'type']]],
    );

    r = await send('POST', '/api/corrections', {
      kind: 'participants',
      event: r.body.eventIds[0],
      value: { source: 'TUR', target: 'AZE' },
    });
    expect(r.status).toBe(201);
    expect((await events('TUR', 'AZE')).map((e: Ev) => [e.type, e.date])).toEqual([
      ['AGREE', '1995-06'],
      ['AGREE', '2001-03'],
    ]);

    const [recognition] = await ofType('SUPPORT');
    r = await send('POST', '/api/corrections', { kind: 'reject', event: recognition!.id });
    expect(r.body.eventIds).toEqual([]);
    expect(await ofType('SUPPORT')).toEqual([]);
    const list = (await send('GET', `/api/corrections?doc=${a}`)).body.items;
    expect(list.map((c: { kind: string }) => c.kind)).toEqual([
      'date',
      'type',
      'participants',
      'reject',
    ]);

    // Undo the rejection of b's mention: b's recognition is back.
    const bReject = (await send('GET', `/api/corrections?doc=${b}`)).body.items[0];
    expect((await send('DELETE', `/api/corrections/${bReject.uid}`)).status).toBe(200);
    expect((await ofType('SUPPORT')).map((e) => e.date)).toEqual(['1991-12']);
  });

  it('splits a mention off, merges two events, and adds a missed event from a span', async () => {
    const [shared] = await ofType('SUPPORT');
    expect(shared!.mentions).toHaveLength(2);
    const m = shared!.mentions.find((x) => x.documentId === b)!;
    let r = await send('POST', '/api/corrections', {
      kind: 'split',
      mention: { documentId: b, start: m.evidence.start, end: m.evidence.end },
    });
    expect(r.status).toBe(201);
    const apart = await ofType('SUPPORT');
    expect(apart.map((e) => e.mentions.length)).toEqual([1, 1]);
    r = await send('POST', '/api/corrections', {
      kind: 'merge',
      event: apart[1]!.id,
      value: { withEvent: apart[0]!.id },
    });
    expect((await ofType('SUPPORT')).map((e) => e.mentions.length)).toEqual([2]);

    const start = B.indexOf('soon after the Soviet collapse');
    r = await send('POST', '/api/corrections', {
      kind: 'add',
      mention: { documentId: b, start, end: start + 'soon after the Soviet collapse'.length },
      value: { type: 'RETREAT', date: '1991-12', actors: ['SUN'] },
      author: 'Ayla',
    });
    expect(r.status).toBe(201);
    const added = await events('SUN', '');
    expect(added.map((e) => [e.type, e.date, e.actors, e.corrections?.[0]?.kind])).toEqual([
      ['RETREAT', '1991-12', ['SUN'], 'add'],
    ]);
  });

  it('refuses bad corrections with a one-line error and changes nothing', async () => {
    const [visit] = await ofType('CONSULT');
    const bad = [
      [{ kind: 'date', event: visit!.id, value: { date: 'soon' } }, 400, /^date must be YYYY/],
      [{ kind: 'cheer', event: visit!.id }, 400, /'cheer' is not a correction kind/],
      [{ kind: 'reject', event: '424242' }, 404, /no event 424242/],
      [
        { kind: 'add', mention: { documentId: a, start: 5, end: 2 }, value: { type: 'AID' } },
        400,
        /not inside the document/,
      ],
      [{ kind: 'merge', event: visit!.id }, 400, /merge needs the other event/],
    ] as const;
    for (const [body, status, message] of bad) {
      const r = await send('POST', '/api/corrections', body);
      expect([r.status, r.body.error.message]).toEqual([status, expect.stringMatching(message)]);
    }
    const raw = await app.request('/api/corrections', {
      method: 'POST',
      body: '{"kind":"reject"}',
      headers: { 'content-type': 'text/plain' },
    });
    expect(raw.status).toBe(415);
    expect((await send('GET', '/api/corrections')).body.items).toEqual([]);
  });
});

describe('DELETE and PATCH /api/documents/:id', () => {
  it('the compact timeline names the corrected events', async () => {
    const [visit] = await ofType('CONSULT');
    const r = await send('POST', '/api/corrections', {
      kind: 'date',
      event: visit!.id,
      value: { date: '1995-06' },
    });
    const compact = (await send('GET', '/api/timeline?a=PAK&b=AZE')).body;
    expect(compact.corrected).toEqual([Number(r.body.eventIds[0])]);
    const detail = (await send('GET', `/api/events/${r.body.eventIds[0]}`)).body;
    expect(detail.corrections.map((c: { kind: string }) => c.kind)).toEqual(['date']);
  });

  it('deleting a document leaves the shared event with its other source; a new date re-extracts', async () => {
    const r = await send('DELETE', `/api/documents/${a}`);
    expect(r).toMatchObject({
      status: 200,
      body: { id: a, eventsRemoved: 2, eventsRecomputed: 1, corrections: 0 },
    });
    expect((await events()).map((e) => [e.type, e.date, e.mentions.length])).toEqual([
      ['SUPPORT', '1991-12', 1],
    ]);
    expect((await send('GET', `/api/documents/${a}`)).status).toBe(404);
    expect((await send('DELETE', `/api/documents/${a}`)).status).toBe(404);

    const p = await send('PATCH', `/api/documents/${b}`, {
      date: '2020-01-01',
      title: 'Recognition',
    });
    expect(p.body).toEqual({ id: b, title: 'Recognition', date: '2020-01-01', reextracted: true });
    expect((await send('GET', `/api/documents/${b}`)).body).toMatchObject({
      title: 'Recognition',
      date: '2020-01-01',
    });
    expect((await send('PATCH', `/api/documents/${b}`, {})).status).toBe(400);
    expect((await send('PATCH', `/api/documents/${b}`, { date: '2020-02-30' })).status).toBe(400);
  });
});
