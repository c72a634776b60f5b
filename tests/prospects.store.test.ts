// Prospects through the real stack: documents ingested by the real pipeline into a real SQLite
// file, the follow-up computed by the prospects service, served by the real Hono app and printed
// by the real CLI. The two-document case is ingested both ways round.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { removeDocument } from '../src/services/persist.service.ts';
import { prospects, type ProspectItem } from '../src/services/prospects.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const INTEREST =
  'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.';
const CONTRACT = 'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.';
const OTHER_BUYER = 'In 2024 Iraq signed a contract with Pakistan to buy JF-17 fighter jets.';
const EARLIER = 'In 2015 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.';

let dir: string;
let file: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-prospects-'));
  file = join(dir, 'test.db');
  db = openDatabase(file);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (text: string, title: string, date: string | null) =>
  ingestDocument(db, { text, title, name: `${title}.txt`, date }).document.id;
const pair = () => prospects(db, { a: 'Azerbaijan', b: 'Pakistan' }).items;

const interestShown = (p: ProspectItem) => ({
  kind: p.kind,
  type: p.type,
  actors: [...p.actors].sort(),
  evidence: p.evidence,
  documentTitle: p.documentTitle,
});
const INTEREST_ITEM = {
  kind: 'pending',
  type: 'COOPERATE',
  actors: ['AZE', 'PAK'],
  evidence: {
    start: 0,
    end: 80,
    text: 'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan',
  },
  documentTitle: 'interest',
};
const FULFILMENT = {
  date: '2024',
  type: 'AGREE',
  evidence: { start: 3, end: 50, text: '2024 Azerbaijan signed a contract with Pakistan' },
  documentTitle: 'contract',
};

describe('a prospect fulfilled by a later document', () => {
  it.each([
    [
      'prospect first, then the event',
      [
        ['interest', INTEREST, '2016-10-01'],
        ['contract', CONTRACT, '2024-05-01'],
      ],
    ],
    [
      'event first, then the prospect',
      [
        ['contract', CONTRACT, '2024-05-01'],
        ['interest', INTEREST, '2016-10-01'],
      ],
    ],
  ] as const)('%s', (_name, docs) => {
    const ids: Record<string, string> = {};
    for (const [title, text, date] of docs) ids[title] = ingest(text, title, date);
    const items = pair();
    expect(items.map(interestShown)).toEqual([INTEREST_ITEM]);
    const [p] = items;
    expect(p!.status).toBe('fulfilled');
    expect(p!.documentId).toBe(ids.interest);
    const { reasons, eventId, documentId, ...shown } = p!.fulfilledBy!;
    expect(shown).toEqual(FULFILMENT);
    expect(documentId).toBe(ids.contract);
    expect(reasons.at(-1)).toBe('shared wording: buy, fighter, jet, jf, jf-17');
    // The event is the stored one the pair's timeline shows.
    expect(db.prepare('SELECT type, date FROM events WHERE id = ?').get(eventId)).toEqual({
      type: 'AGREE',
      date: '2024',
    });
  });

  it('is open alone, fulfilled with the second document, open again when it is removed', () => {
    ingest(INTEREST, 'interest', '2016-10-01');
    expect(pair().map((p) => [p.status, p.fulfilledBy])).toEqual([['open', null]]);
    const contract = ingest(CONTRACT, 'contract', '2024-05-01');
    expect(pair().map((p) => p.status)).toEqual(['fulfilled']);
    expect(prospects(db, { a: 'AZE', b: 'PAK', open: true }).items).toEqual([]);
    removeDocument(db, contract);
    expect(pair().map((p) => [p.status, p.fulfilledBy])).toEqual([['open', null]]);
    expect(prospects(db, { a: 'AZE', open: true }).items.map(interestShown)).toEqual([
      INTEREST_ITEM,
    ]);
  });

  it.each([
    ['another buyer', OTHER_BUYER, '2024-05-01'],
    ['a contract before the interest was reported', EARLIER, '2015-05-01'],
  ])('stays open against %s', (_name, text, date) => {
    ingest(INTEREST, 'interest', '2016-10-01');
    ingest(text, 'other', date);
    expect(pair().map((p) => [p.status, p.evidence.text])).toEqual([
      ['open', INTEREST_ITEM.evidence.text],
    ]);
  });

  it('keeps the prospects of other pairs out', () => {
    ingest(INTEREST, 'interest', '2016-10-01');
    expect(prospects(db, { a: 'Iraq' }).items).toEqual([]);
    expect(prospects(db, { a: 'AZE', b: 'TUR' }).items).toEqual([]);
    expect(prospects(db, {}).items).toHaveLength(1);
  });
});

describe('the essay and the encyclopedic text', () => {
  it('does not link a plan in an undated essay to an exercise before what the essay reports', () => {
    ingest(readFileSync(join(ROOT, 'corpus', 'azerbaijan-pakistan.txt'), 'utf8'), 'essay', null);
    ingest(
      readFileSync(join(ROOT, 'corpus', 'azerbaijan-pakistan-encyclopedia.md'), 'utf8'),
      'encyclopedia',
      null,
    );
    const exercises = pair().filter((p) => p.evidence.text.includes('military exercises'));
    expect(exercises.map((p) => [p.kind, p.status, p.documentTitle])).toEqual([
      ['plan', 'open', 'essay'],
    ]);
  });
});

describe('GET /api/prospects and ties prospects', () => {
  beforeEach(() => {
    ingest(INTEREST, 'interest', '2016-10-01');
    ingest(CONTRACT, 'contract', '2024-05-01');
  });

  it('serves the pair’s prospects with both sources', async () => {
    const app = createApp({ db, webRoot: join(dir, 'no-web') });
    const res = await app.request('/api/prospects?a=AZE&b=Pakistan');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: ProspectItem[] };
    expect(Object.keys(body.items[0]!).sort()).toEqual(
      [
        'actors',
        'date',
        'documentId',
        'documentTitle',
        'evidence',
        'fulfilledBy',
        'id',
        'kind',
        'source',
        'status',
        'target',
        'type',
      ].sort(),
    );
    expect(
      body.items.map((p) => [
        p.status,
        p.evidence.text,
        p.fulfilledBy?.evidence?.text,
        p.fulfilledBy?.documentTitle,
      ]),
    ).toEqual([['fulfilled', INTEREST_ITEM.evidence.text, FULFILMENT.evidence.text, 'contract']]);
    expect(
      (
        (await (await app.request('/api/prospects?a=AZE&b=PAK&open=1')).json()) as {
          items: unknown[];
        }
      ).items,
    ).toEqual([]);
  });

  it.each([
    ['/api/prospects?a=AZE&open=maybe', 400, 'INVALID'],
    ['/api/prospects?a=Atlantis', 404, 'NOT_FOUND'],
  ])('%s is %i', async (url, status, code) => {
    const res = await createApp({ db }).request(url);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
  });

  it('prints them from the CLI, as text and as the API’s JSON', () => {
    db.close();
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        [join(ROOT, 'bin', 'ties.js'), 'prospects', ...args, '--db', file],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const text = run('Azerbaijan', 'Pakistan');
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(
      '1 prospect between Azerbaijan and Pakistan: 0 open, 1 fulfilled',
    );
    expect(text.stdout).toContain(`“${INTEREST_ITEM.evidence.text}”  — interest @0`);
    expect(text.stdout).toContain(`“${FULFILMENT.evidence.text}”  — contract @3`);
    const json = run('AZE', '--json');
    expect(json.status).toBe(0);
    expect(
      (JSON.parse(json.stdout) as { items: ProspectItem[] }).items.map((p) => [
        p.status,
        p.fulfilledBy?.type,
      ]),
    ).toEqual([['fulfilled', 'AGREE']]);
    expect(
      (JSON.parse(run('AZE', '--open', '--json').stdout) as { items: unknown[] }).items,
    ).toEqual([]);
    const bad = run('A', 'B', 'C');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('at most two countries');
    db = openDatabase(file);
  });
});
