// Interop through the real stack: GDELT and JSON imports into a real SQLite database built from
// the real migrations, exports read back, the CLI as a child process and the HTTP route in-process.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import { exportView } from '../src/interop/export.service.ts';
import { parseCsv, CSV_COLUMNS } from '../src/interop/csv.ts';
import { importGdelt, importJson } from '../src/interop/import.service.ts';
import type { TimelineJsFile } from '../src/interop/timelinejs.ts';
import { listEvents, timeline, type TimelineEvent } from '../src/services/events.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { countDocuments } from '../src/store/documents.repo.ts';

// An excerpt of a real GDELT 2.0 export (tests/fixtures/README.md).
const GDELT2 = 'tests/fixtures/gdelt/gdelt2_20150218230000.excerpt.tsv';
/** Rows in the excerpt. */
const ROWS = 311;
const gdeltBytes = readFileSync(GDELT2);
const dir = mkdtempSync(join(tmpdir(), 'ties-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshDb = (): Db => openDatabase(join(dir, `t${++n}.db`));
const mentionCount = (db: Db) =>
  db.prepare('SELECT count(*) FROM mentions').pluck().get() as number;

/** A timeline without store ids, to compare two databases. */
const comparable = (events: TimelineEvent[]) => events.map(({ id: _id, ...rest }) => rest);

// A text document with evidence spans, as a ties JSON export carries it: the round trip must keep
// spans as well as GDELT's span-less mentions.
const essay =
  'On 12 December 1991 Russia recognised Ukraine. In May 1992, Russia and Ukraine signed a treaty, "the first".';
const textExport = {
  format: 'ties-export',
  version: 1,
  title: null,
  documents: [
    {
      document: {
        id: 'x',
        title: 'An essay',
        date: '2021-06-16',
        length: essay.length,
        text: essay,
        url: null,
        kind: 'text',
        format: 'txt',
      },
      events: [
        {
          id: 'e1',
          type: 'SUPPORT',
          mode: null,
          cameo: '054',
          date: '1991-12-12',
          source: { code: 'RUS', text: 'Russia' },
          target: { code: 'UKR', text: 'Ukraine' },
          actors: ['RUS', 'UKR'],
          evidence: { start: 0, end: 46, text: essay.slice(0, 46) },
          confidence: 0.9,
          negated: false,
          event: 'a',
          url: null,
        },
        {
          id: 'e2',
          type: 'SUPPORT',
          mode: null,
          cameo: '057',
          date: '1992-05',
          source: { code: 'RUS', text: 'Russia' },
          target: { code: 'UKR', text: 'Ukraine' },
          actors: ['RUS', 'UKR'],
          evidence: { start: 47, end: essay.length, text: essay.slice(47) },
          confidence: 0.8,
          negated: false,
          event: 'b',
          url: null,
        },
        {
          id: 'e3',
          type: 'AGREE',
          mode: null,
          cameo: '030',
          date: null,
          source: { code: 'RUS', text: 'Russia' },
          target: { code: 'UKR', text: 'Ukraine' },
          actors: ['RUS', 'UKR'],
          evidence: { start: 47, end: 97, text: essay.slice(47, 97) },
          confidence: 0.6,
          negated: true,
          event: 'c',
          url: null,
        },
      ],
    },
  ],
};

describe('GDELT import into the store', () => {
  const db = freshDb();
  const s = importGdelt(db, gdeltBytes, 'gdelt.tsv');

  it('imports or reports every row of the real export', () => {
    expect(s.rows).toBe(ROWS);
    expect(
      s.imported +
        s.unchanged +
        s.skipped['no-plover-type'] +
        s.skipped['no-state-actor'] +
        s.malformed.length,
    ).toBe(ROWS);
    expect(s.malformed).toEqual([]);
    expect(mentionCount(db)).toBe(s.imported);
    expect(countDocuments(db)).toBe(s.documents.added);
    expect(s.newEvents).toBeGreaterThan(0);
    expect(s.newEvents).toBeLessThanOrEqual(s.imported);
  });

  it('stores the row’s fields, its URL as provenance and no span', () => {
    const t = timeline(db, { a: 'RUS', b: 'UKR' });
    const e = t.events.find((x) => x.cameo === '100');
    expect(e).toMatchObject({
      type: 'REQUEST',
      date: '2015-02-18',
      quad: 'verbal-conflict',
      source: { code: 'RUS' },
      target: { code: 'UKR' },
    });
    expect(e?.mentions[0]).toMatchObject({
      evidence: null,
      url: 'http://www.waow.com/story/28142485/ukrainian-president-6-dead-100-wounded-in-withdrawal',
    });
    const doc = db
      .prepare('SELECT kind, url, text FROM documents WHERE url = ?')
      .get(e?.mentions[0]?.url) as { kind: string; text: string };
    expect(doc.kind).toBe('gdelt');
    expect(doc.text).toMatch(/no text span/);
    expect(doc.text).toContain('GDELT 410414008, 2015-02-18');
  });

  it('is a no-op the second time', () => {
    const again = importGdelt(db, gdeltBytes, 'gdelt.tsv');
    expect([again.imported, again.unchanged, again.documents.added]).toEqual([0, s.imported, 0]);
    expect(mentionCount(db)).toBe(s.imported);
  });

  it('reads the same file zipped', () => {
    const zipDir = mkdtempSync(join(dir, 'zip-'));
    writeFileSync(join(zipDir, '20150218230000.export.CSV'), gdeltBytes);
    execFileSync('zip', [
      '-q',
      '-j',
      join(zipDir, 'g.zip'),
      join(zipDir, '20150218230000.export.CSV'),
    ]);
    const other = freshDb();
    const z = importGdelt(other, readFileSync(join(zipDir, 'g.zip')), 'g.zip');
    expect([z.rows, z.imported, z.newEvents, z.skipped]).toEqual([
      s.rows,
      s.imported,
      s.newEvents,
      s.skipped,
    ]);
  });
});

describe('GDELT import of files that are not GDELT', () => {
  const notGdelt: [string, Uint8Array, RegExp][] = [
    [
      'random text',
      Buffer.from('Dear diary,\nto-day I imported a file.\n'),
      /notes is not a GDELT event export: line 1: 1 column \(GDELT/,
    ],
    [
      'a CSV with commas',
      Buffer.from('id,date,code\n1,20150218,042\n'),
      /not a GDELT event export: line 1: 1 column/,
    ],
    [
      'rows of the wrong width',
      Buffer.from('1\t2\t3\t4\n'),
      /not a GDELT event export: line 1: 4 columns/,
    ],
    [
      'a binary file',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]),
      /notes looks like a binary file/,
    ],
    ['an empty file', Buffer.alloc(0), /notes is empty/],
    [
      'a ZIP of a text',
      zipSync({ 'readme.txt': Buffer.from('not events\n') }),
      /not a GDELT event export: readme.txt: line 1/,
    ],
    [
      'a broken ZIP',
      zipSync({ 'a.CSV': gdeltBytes }).subarray(0, 2000),
      /not a readable ZIP archive/,
    ],
  ];
  for (const [what, bytes, message] of notGdelt) {
    it(`rejects ${what} with BAD_INPUT and stores nothing`, () => {
      const db = freshDb();
      expect(() => importGdelt(db, bytes, 'notes')).toThrow(message);
      expect(() => importGdelt(db, bytes, 'notes')).toThrow(
        expect.objectContaining({ code: 'BAD_INPUT' }),
      );
      expect(countDocuments(db)).toBe(0);
      db.close();
    });
  }

  it('keeps importing a file whose readable rows outnumber none, reporting the bad ones', () => {
    const db = freshDb();
    const s = importGdelt(db, Buffer.concat([Buffer.from('junk line\n'), gdeltBytes]), 'mixed.tsv');
    expect(s.malformed).toEqual([
      { line: 1, reason: '1 column (GDELT 1.0 has 57 or 58, 2.0 has 61)' },
    ]);
    expect(s.rows).toBe(gdeltBytes.toString('utf8').trimEnd().split('\n').length + 1);
    expect(s.imported).toBeGreaterThan(0);
    db.close();
  });
});

describe('JSON round trip', () => {
  const db = freshDb();
  importGdelt(db, gdeltBytes, 'gdelt.tsv');
  importJson(db, JSON.stringify(textExport), 'essay.json');

  const view = (d: Db, v: { a?: string; b?: string }) =>
    v.a ? timeline(d, { a: v.a, b: v.b }).events : listEvents(d, {}, -1, 0).items;

  it.each<['json' | 'jsonl', { a?: string; b?: string }]>([
    ['json', { a: 'RUS', b: 'UKR' }],
    ['jsonl', { a: 'RUS', b: 'UKR' }],
    ['json', { a: 'USA' }],
    ['json', {}],
  ])('export %s of %j, import into an empty database: the same timeline', (format, v) => {
    const before = view(db, v);
    expect(before.length).toBeGreaterThan(0);
    const file = exportView(db, format, v);
    const empty = freshDb();
    importJson(empty, file.text, `x.${format}`);
    const after = view(empty, v);
    expect(comparable(after)).toEqual(comparable(before));
    // Importing it again changes nothing.
    importJson(empty, file.text, `x.${format}`);
    expect(mentionCount(empty)).toBe(after.reduce((k, e) => k + e.mentions.length, 0));
  });

  it('keeps evidence spans, undated and negated events', () => {
    const t = timeline(db, { a: 'RUS', b: 'UKR' }).events;
    expect(t.find((e) => e.cameo === '054')?.mentions[0]?.evidence).toEqual({
      start: 0,
      end: 46,
      text: essay.slice(0, 46),
    });
    const last = t[t.length - 1];
    expect([last?.date, last?.negated]).toEqual([null, true]);
  });
});

describe('exports of the store', () => {
  const db = freshDb();
  importGdelt(db, gdeltBytes, 'gdelt.tsv');
  importJson(db, JSON.stringify(textExport), 'essay.json');
  const events = timeline(db, { a: 'RUS', b: 'UKR' }).events;

  it('CSV: one row per event, parsed back to the timeline’s fields', () => {
    const rows = parseCsv(exportView(db, 'csv', { a: 'RUS', b: 'UKR' }).text);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows.length - 1).toBe(events.length);
    const col = (r: string[], c: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(c)];
    rows.slice(1).forEach((r, i) => {
      const e = events[i]!;
      expect([
        col(r, 'id'),
        col(r, 'type'),
        col(r, 'date'),
        col(r, 'source'),
        col(r, 'evidence_text'),
        col(r, 'url'),
      ]).toEqual([
        e.id,
        e.type,
        e.date ?? '',
        e.source?.code ?? '',
        e.mentions[0]?.evidence?.text ?? '',
        e.mentions[0]?.url ?? '',
      ]);
    });
  });

  it('TimelineJS and GDELT: dated events only, and they say how many were left out', () => {
    const tl = exportView(db, 'timelinejs', { a: 'RUS', b: 'UKR' });
    const file = JSON.parse(tl.text) as TimelineJsFile;
    expect(file.events).toHaveLength(events.filter((e) => e.date).length);
    expect(tl.notes).toEqual(['1 undated events left out (TimelineJS needs a date)']);
    const g = exportView(
      db,
      'gdelt',
      { a: 'RUS', b: 'UKR' },
      { now: new Date('2026-01-01T00:00:00Z') },
    );
    expect(g.text.trimEnd().split('\n')).toHaveLength(events.filter((e) => e.date).length);
    expect(g.notes).toEqual([
      '1 undated events left out (GDELT needs a day)',
      '1 events dated coarser than a day written on their first day',
    ]);
  });
});

describe('CLI and HTTP', () => {
  const dbFile = join(dir, 'cli.db');
  const ties = (...args: string[]) =>
    execFileSync('node', ['bin/ties.js', ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  it('ties import gdelt prints a summary that accounts for every row; ties export writes CSV', () => {
    const out = ties('import', 'gdelt', GDELT2, '--db', dbFile);
    expect(out).toMatch(/311 rows \(311 gdelt2-61\)/);
    expect(out).toMatch(/skipped 29 with no PLOVER type \(20 CAMEO 01, 9 CAMEO 02\)/);
    expect(out).toMatch(/malformed 0/);
    const csv = ties('export', '--format', 'csv', 'RUS', 'UKR', '--db', dbFile);
    expect(parseCsv(csv)[0]).toEqual([...CSV_COLUMNS]);
    expect(() => ties('export', '--format', 'xml', '--db', dbFile)).toThrow(
      /--format takes one of/,
    );
  });

  it('ties import gdelt on a file that is not GDELT fails with one line and exit code 3', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(file, 'These are my notes.\nThey are not GDELT.\n');
    const r = spawnSync(
      'node',
      ['bin/ties.js', 'import', 'gdelt', file, '--db', join(dir, 'not-gdelt.db')],
      { encoding: 'utf8' },
    );
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `ties import: ${file} is not a GDELT event export: line 1: 1 column (GDELT 1.0 has 57 or 58, 2.0 has 61)\n`,
    );
  });

  it('GET /api/export serves the same files as downloads, and 400 for a bad format', async () => {
    const db = freshDb();
    importGdelt(db, gdeltBytes, 'gdelt.tsv');
    const app = createApp({ db });
    const res = await app.request('/api/export?format=timelinejs&a=RUS&b=UKR');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ties-RUS-UKR.timeline.json"',
    );
    expect(await res.text()).toBe(
      exportView(db, 'timelinejs', { a: 'RUS', b: 'UKR' }, { page: 'http://localhost/' }).text,
    );
    const bad = await app.request('/api/export?format=xml');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID');
  });
});
