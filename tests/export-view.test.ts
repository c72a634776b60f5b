// Exports carry the user's view: GET /api/export and `ties export` apply the timeline's filters,
// TimelineJS headlines read as sentences with links to the documents, decades and named periods
// show as such, and CSV and JSON carry each event's Goldstein score. Real SQLite, real HTTP
// (app.request), the CLI as a child process; every file is parsed back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLOVER_TYPES, type Extraction } from '../src/extract/types.ts';
import { createApp } from '../src/http/app.ts';
import { CSV_COLUMNS, parseCsv } from '../src/interop/csv.ts';
import { headline, headlineTable } from '../src/interop/headlines.ts';
import { parseTiesExport } from '../src/interop/json.ts';
import { displayDate, type TimelineJsFile } from '../src/interop/timelinejs.ts';
import type { ExportEvent } from '../src/interop/types.ts';
import { documentId } from '../src/services/persist.service.ts';
import { storeExtraction } from './fixtures/pair-fixture.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const TEXT =
  'Pakistan recognised Azerbaijan on 12 December 1991. Azerbaijan and Pakistan held talks on the pipeline. ' +
  'Turkey, Azerbaijan and Pakistan held a joint drill in September 2021. In the 1920s Pakistan did not trade with Azerbaijan. ' +
  'In 1991, after 70 years of Soviet rule, Azerbaijan regained independence.';
const span = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length, text: s });
const PAK = { code: 'PAK', text: 'Pakistan' };
const AZE = { code: 'AZE', text: 'Azerbaijan' };
const EXTRACTION: Extraction = {
  document: { title: 'Ties =1+1', date: '2021-10-01', length: TEXT.length },
  events: [
    {
      id: 'e1',
      type: 'SUPPORT',
      mode: null,
      cameo: '054',
      date: '1991-12-12',
      source: PAK,
      target: AZE,
      actors: ['PAK', 'AZE'],
      evidence: span('Pakistan recognised Azerbaijan on 12 December 1991'),
      confidence: 0.9,
    },
    {
      id: 'e2',
      type: 'CONSULT',
      mode: null,
      cameo: '040',
      date: null,
      source: AZE,
      target: PAK,
      actors: ['AZE', 'PAK'],
      evidence: span('Azerbaijan and Pakistan held talks on the pipeline'),
      confidence: 0.7,
    },
    {
      id: 'e3',
      type: 'COOPERATE',
      mode: null,
      cameo: '062',
      date: '2021-09',
      source: null,
      target: null,
      actors: ['TUR', 'AZE', 'PAK'],
      evidence: span('Turkey, Azerbaijan and Pakistan held a joint drill in September 2021'),
      confidence: 0.8,
    },
    {
      id: 'e4',
      type: 'COOPERATE',
      mode: null,
      cameo: '061',
      date: '1920/1929',
      source: PAK,
      target: AZE,
      actors: ['PAK', 'AZE'],
      evidence: span('In the 1920s Pakistan did not trade with Azerbaijan'),
      confidence: 0.6,
      negated: true,
    },
  ],
  prospects: [],
  figures: [],
  stances: [],
  diagnostics: [],
};
const sentences = TEXT.split(/(?<=\.) /).map((s) => span(s));

let dir: string;
let dbFile: string;
let db: Db;
let app: ReturnType<typeof createApp>;
const docId = documentId(TEXT);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-export-view-'));
  dbFile = join(dir, 'test.db');
  db = openDatabase(dbFile);
  // Storing reads the document's claims (periods among them); exports show the stored ones.
  storeExtraction(db, TEXT, EXTRACTION, sentences);
  app = createApp({ db });
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const download = async (query: string) => {
  const res = await app.request(`/api/export?${query}`);
  return { status: res.status, text: await res.text() };
};
const csvRows = (text: string) => {
  const [head, ...rows] = parseCsv(text);
  expect(head).toEqual([...CSV_COLUMNS]);
  return rows.map((r) => Object.fromEntries(head!.map((k, i) => [k, r[i]!])));
};
const evidenceOf = (rows: Record<string, string>[]) => rows.map((r) => r.evidence_text);

describe('GET /api/export applies the view’s filters', () => {
  it('type, quad, years, document and words each narrow the CSV as the timeline does', async () => {
    const all = csvRows((await download('format=csv&a=AZE&b=PAK')).text);
    expect(all).toHaveLength(4);
    expect(
      evidenceOf(csvRows((await download('format=csv&a=AZE&b=PAK&type=SUPPORT,consult')).text)),
    ).toEqual([
      'Pakistan recognised Azerbaijan on 12 December 1991',
      'Azerbaijan and Pakistan held talks on the pipeline',
    ]);
    expect(
      csvRows((await download('format=csv&a=AZE&b=PAK&quad=material-cooperation')).text).map(
        (r) => r.cameo,
      ),
    ).toEqual(['061', '062']);
    expect(
      csvRows((await download('format=csv&a=AZE&b=PAK&from=2000')).text).map((r) => r.date),
    ).toEqual(['2021-09']);
    expect(
      csvRows((await download('format=csv&a=AZE&b=PAK&from=1900&to=1991')).text).map((r) => r.date),
    ).toEqual(['1920/1929', '1991-12-12']);
    expect(evidenceOf(csvRows((await download('format=csv&a=AZE&q=pipeline')).text))).toEqual([
      'Azerbaijan and Pakistan held talks on the pipeline',
    ]);
    expect(csvRows((await download(`format=csv&doc=${docId}&type=COOPERATE`)).text)).toHaveLength(
      2,
    );
    expect(csvRows((await download(`format=csv&doc=${'0'.repeat(64)}`)).text)).toHaveLength(0);
  });

  it('filters JSON the same way, and the file reads back', async () => {
    const docs = parseTiesExport((await download('format=json&a=AZE&b=PAK&type=COOPERATE')).text);
    expect(docs).toHaveLength(1);
    expect(docs[0]!.events.map((e) => e.cameo)).toEqual(['061', '062']);
  });

  it('rejects filters the timeline rejects, with the one-line error', async () => {
    expect(await download('format=csv&a=AZE&from=2000&to=1990')).toEqual({
      status: 400,
      text: '{"error":{"code":"INVALID","message":"from must not be after to"}}',
    });
    expect(JSON.parse((await download('format=csv&b=AZE')).text).error.message).toBe('b needs a');
    expect(JSON.parse((await download('format=csv&type=HUG')).text).error.message).toMatch(
      /^type 'HUG' is not a PLOVER type/,
    );
  });
});

describe('CSV and JSON carry the Goldstein score', () => {
  it('of the event’s CAMEO code, and none for a negated event', async () => {
    const rows = csvRows((await download('format=csv&a=AZE&b=PAK')).text);
    expect(rows.map((r) => [r.cameo, r.goldstein])).toEqual([
      ['061', ''],
      ['054', '6'],
      ['062', '7.4'],
      ['040', '1'],
    ]);
    const docs = parseTiesExport((await download('format=json&a=AZE&b=PAK')).text);
    expect(docs[0]!.events.map((e) => [e.cameo, e.goldstein])).toEqual([
      ['061', null],
      ['054', 6],
      ['062', 7.4],
      ['040', 1],
    ]);
  });

  it('writes titles as the document has them when no spreadsheet would run them', async () => {
    const rows = csvRows((await download('format=csv&a=AZE&b=PAK')).text);
    // The title does not start with a formula character, so it is left alone; evidence is prose.
    expect(rows.map((r) => r.document_title)).toEqual(Array(4).fill('Ties =1+1'));
  });
});

describe('TimelineJS', () => {
  let file: TimelineJsFile;
  beforeAll(async () => {
    file = JSON.parse((await download('format=timelinejs&a=AZE&b=PAK')).text) as TimelineJsFile;
  });

  it('heads each slide with the event as a sentence', () => {
    expect(file.events.map((s) => s.text.headline)).toEqual([
      'Denied: Pakistan cooperates economically with Azerbaijan',
      'Pakistan recognises Azerbaijan',
      'Türkiye, Azerbaijan and Pakistan cooperate militarily',
    ]);
  });

  it('links each slide to its document in the page, with the event selected', () => {
    const slide = file.events[1]!;
    const id = slide.unique_id.replace('event-', '');
    expect(slide.text.text).toContain(
      `<a href="http://localhost/?a=AZE&amp;b=PAK&amp;doc=${docId}&amp;event=${id}">Ties =1+1, 2021-10-01</a>`,
    );
  });

  it('shows a decade as a decade', () => {
    expect(file.events[0]).toMatchObject({
      start_date: { year: 1920 },
      end_date: { year: 1929 },
      display_date: '1920s',
    });
    expect(file.events[1]!.display_date).toBeUndefined();
  });

  it('shows the periods the text names as eras', () => {
    expect(file.eras).toEqual([
      {
        start_date: { year: 1921 },
        end_date: { year: 1991 },
        text: {
          headline: '70 years of Soviet rule',
          text: expect.stringContaining('after 70 years of Soviet rule'),
        },
      },
    ]);
  });
});

describe('headlines and dates as data', () => {
  it('has a phrase for every PLOVER type and every type and mode CAMEO maps to', () => {
    const table = headlineTable();
    for (const t of PLOVER_TYPES) expect(table.has(t), t).toBe(true);
    const modes = readFileSync('data/codes/cameo-plover.tsv', 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .slice(1)
      .map((l) => l.split('\t'))
      .filter(([, type, mode]) => type && mode)
      .map(([, type, mode]) => `${type}/${mode}`);
    for (const key of new Set(modes)) expect(table.has(key), key).toBe(true);
    for (const [key, p] of table) {
      expect(p.pair, key).toMatch(/\{s\}.*\{t\}/);
      expect(p.alone, key).toContain('{s}');
      expect(p.joint, key).toContain('{all}');
    }
  });

  it('reads one side, a mode and a negation', () => {
    const e = (over: Partial<ExportEvent>): ExportEvent => ({
      id: '1',
      type: 'ASSAULT',
      mode: null,
      cameo: null,
      quad: 'material-conflict',
      date: null,
      dateFirst: null,
      dateLast: null,
      source: { code: 'RUS', name: 'Russia', text: null },
      target: null,
      actors: ['RUS'],
      confidence: 1,
      negated: false,
      mentions: [],
      ...over,
    });
    expect(headline(e({}))).toBe('Russia attacks');
    expect(
      headline(e({ mode: 'heavy-weapons', target: { code: 'UKR', name: 'Ukraine', text: null } })),
    ).toBe('Russia shells Ukraine');
    expect(
      headline(
        e({
          type: 'CONSULT',
          mode: 'visit',
          quad: 'verbal-cooperation',
          negated: true,
          target: { code: 'UKR', name: 'Ukraine', text: null },
        }),
      ),
    ).toBe('Denied: Russia visits Ukraine');
  });

  it('names decades, centuries and year spans', () => {
    expect([
      displayDate('1920/1929'),
      displayDate('1900/1999'),
      displayDate('1991/1993'),
      displayDate('1991-12'),
      displayDate('2001/2001'),
    ]).toEqual(['1920s', '20th century', '1991–1993', null, null]);
  });
});

describe('ties export', () => {
  it('takes the same filters and writes the same file as the API', async () => {
    const r = spawnSync(
      'node',
      [
        'bin/ties.js',
        'export',
        '--format',
        'csv',
        'AZE',
        'PAK',
        '--type',
        'COOPERATE',
        '--from',
        '2000',
        '--db',
        dbFile,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe((await download('format=csv&a=AZE&b=PAK&type=COOPERATE&from=2000')).text);
    expect(csvRows(r.stdout).map((row) => row.cameo)).toEqual(['062']);
    const bad = spawnSync(
      'node',
      ['bin/ties.js', 'export', '--format', 'csv', 'AZE', '--from', '19x', '--db', dbFile],
      { encoding: 'utf8' },
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('ties export: --from: must be a year YYYY\n');
  });
});
