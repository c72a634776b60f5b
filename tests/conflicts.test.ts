// Conflicts between sources: each detector on claim records (found, and not found between
// compatible claims), then the real stack: documents ingested through the real pipeline into a
// real SQLite file, `GET /api/conflicts` on the real app, and `ties conflicts --json`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import {
  arithmeticConflicts,
  dateConflicts,
  figureConflicts,
  figureRange,
  findConflicts,
  ordinalConflicts,
  type ClaimOrigin,
  type FigureRecord,
  type MentionRecord,
  type OrdinalRecord,
} from '../src/merge/conflicts.ts';
import { conflicts, detectConflicts, explainEvent } from '../src/services/conflicts.service.ts';
import { timeline } from '../src/services/events.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const ESSAY = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');
const ENCYCLOPEDIA = readFileSync(
  new URL('../corpus/azerbaijan-pakistan-encyclopedia.md', import.meta.url),
  'utf8',
);

const origin = (documentId: string, text: string, start = 0): ClaimOrigin => ({
  documentId,
  documentTitle: documentId,
  evidence: { start, end: start + text.length, text },
});

const mention = (
  eventId: number,
  documentId: string,
  date: string | null,
  text: string,
  start = 0,
): MentionRecord => ({
  ...origin(documentId, text, start),
  mentionId: eventId * 100 + start,
  eventId,
  type: 'SUPPORT',
  date,
  actors: ['AZE', 'PAK'],
  source: 'PAK',
  target: 'AZE',
});

const RECOGNISED = 'Pakistan was the first country to recognize Azerbaijan as an independent state';

describe('date conflicts', () => {
  it.each([
    ['a day apart in one event', '1991-12-12', '1991-12-13', 1],
    ['a month apart in one event', '1991-12', '1992-01-05', 1],
    ['a year and a day in it', '1991', '1991-12-12', 0],
    ['the same day', '1991-12-12', '1991-12-12', 0],
    ['one source undated', null, '1991-12-12', 0],
  ])('%s', (_name, a, b, count) => {
    const found = dateConflicts([
      mention(1, 'doc-a', a, RECOGNISED),
      mention(1, 'doc-b', b, RECOGNISED),
    ]);
    expect(found).toHaveLength(count);
    if (count) {
      expect(found[0]!.kind).toBe('date');
      expect(found[0]!.claims.map((c) => [c.documentId, c.value])).toEqual([
        ['doc-a', a],
        ['doc-b', b],
      ]);
      expect(found[0]!.eventIds).toEqual([1]);
    }
  });

  it('finds one event stored twice because two documents date it a day apart', () => {
    const found = dateConflicts([
      mention(1, 'doc-a', '1991-12-12', RECOGNISED),
      mention(2, 'doc-b', '1991-12-13', RECOGNISED),
    ]);
    expect(found.map((c) => [c.kind, c.eventIds])).toEqual([['date', [1, 2]]]);
  });

  it('does not call two events one when a document tells them apart itself', () => {
    const a = 'the document was updated in 2015 and 2016';
    // Two copies of one story, each giving both years: events 1 (2015) and 2 (2016), both sourced by each copy.
    const found = dateConflicts([
      mention(1, 'copy-1', '2015', a),
      mention(2, 'copy-1', '2016', a, 1),
      mention(1, 'copy-2', '2015', a),
      mention(2, 'copy-2', '2016', a, 1),
    ]);
    expect(found).toEqual([]);
  });

  it('does not call two events of one document, or differently worded events, one event', () => {
    expect(
      dateConflicts([
        mention(1, 'doc-a', '2015', 'the document was updated in 2015 and 2016'),
        mention(2, 'doc-a', '2016', 'the document was updated in 2015 and 2016'),
      ]),
    ).toEqual([]);
    expect(
      dateConflicts([
        mention(1, 'doc-a', '1991-12-12', RECOGNISED),
        mention(2, 'doc-b', '1991-12-13', 'Pakistan sent humanitarian aid to Azerbaijan'),
      ]),
    ).toEqual([]);
  });
});

const ordinal = (
  documentId: string,
  holder: string,
  rank: number,
  after: string[] = [],
  start = 0,
): OrdinalRecord => ({
  ...origin(documentId, `${holder} ranked ${rank}`, start),
  eventId: 7,
  holder,
  rank,
  of: 'country',
  predicate: 'recogniz',
  verb: 'recognize',
  objects: ['AZE'],
  after,
});

describe('ordinal conflicts', () => {
  it.each([
    [
      'first vs second after Turkey',
      [ordinal('essay', 'PAK', 1), ordinal('encyclopedia', 'PAK', 2, ['TUR'])],
      'PAK is called both the first and the second country to recognize',
    ],
    [
      'two holders of the first rank',
      [ordinal('a', 'PAK', 1), ordinal('b', 'TUR', 1)],
      'PAK and TUR are both called the first country to recognize',
    ],
    [
      'an order contradicted',
      [ordinal('a', 'PAK', 2, ['TUR']), ordinal('b', 'TUR', 3)],
      'ranks of PAK and TUR contradict the order stated',
    ],
  ])('%s', (_name, claims, summary) => {
    const found = ordinalConflicts(claims);
    expect(found.map((c) => c.summary)).toEqual([summary]);
    expect(found[0]!.claims).toHaveLength(2);
  });

  it.each([
    [
      'a rank restated in one document',
      [ordinal('essay', 'PAK', 1, [], 10), ordinal('essay', 'PAK', 1, [], 500)],
    ],
    [
      'second after Turkey, Turkey first',
      [ordinal('a', 'PAK', 2, ['TUR']), ordinal('b', 'TUR', 1)],
    ],
    [
      'ranks of different acts',
      [ordinal('a', 'PAK', 1), { ...ordinal('b', 'PAK', 2), predicate: 'visit' }],
    ],
  ])('finds none for %s', (_name, claims) => {
    expect(ordinalConflicts(claims)).toEqual([]);
  });
});

const figure = (
  documentId: string,
  value: number,
  qualifier: string | null,
  over: Partial<FigureRecord> = {},
): FigureRecord => ({
  ...origin(
    documentId,
    `${qualifier ?? ''} ${value} people were killed`,
    over.evidence?.start ?? 0,
  ),
  id: value,
  measure: 'killed',
  value,
  unit: 'people',
  qualifier,
  date: null,
  actors: ['AZE', 'ARM'],
  about: 'Khojaly Massacre',
  ...over,
});

describe('figure conflicts', () => {
  it.each([
    [[613, null], [485, null], 1],
    [[613, 'more than'], [500, null], 1],
    [[40, 'around'], [60, null], 1],
    [[613, 'more than'], [613, null], 0],
    [[600, null], [613, null], 0],
    [[613, null], [613, null], 0],
    [[40, 'around'], [42, null], 0],
    [[700, 'up to'], [613, 'more than'], 0],
  ] as [[number, string | null], [number, string | null], number][])(
    '%j vs %j: %i',
    ([v1, q1], [v2, q2], count) => {
      expect(figureConflicts([figure('a', v1, q1), figure('b', v2, q2)])).toHaveLength(count);
    },
  );

  it('compares only the same measure, unit and subject', () => {
    expect(
      figureConflicts([figure('a', 613, null), figure('b', 485, null, { unit: 'children' })]),
    ).toEqual([]);
    expect(
      figureConflicts([figure('a', 613, null), figure('b', 485, null, { measure: 'wounded' })]),
    ).toEqual([]);
    expect(
      figureConflicts([
        figure('a', 613, null),
        figure('b', 485, null, { about: 'Kalbajar offensive' }),
      ]),
    ).toEqual([]);
    expect(
      figureConflicts([
        figure('a', 613, null, { about: null }),
        figure('b', 485, null, { about: null }),
      ]),
    ).toEqual([]);
    // Dated figures need compatible dates instead of a named subject.
    const trade = (doc: string, value: number, date: string) =>
      figure(doc, value, null, {
        measure: 'trade',
        unit: 'percent',
        about: null,
        date,
        actors: ['AZE', 'PAK'],
      });
    expect(figureConflicts([trade('a', 25, '2018'), trade('b', 10, '2018')])).toHaveLength(1);
    expect(figureConflicts([trade('a', 25, '2018'), trade('b', 10, '2019')])).toEqual([]);
  });

  it('does not set a part against a total, in one document or across copies', () => {
    expect(
      figureConflicts([figure('a', 613, 'more than'), figure('b', 70, null, { part: true })]),
    ).toEqual([]);
  });

  it('does not set a total against its parts in one statement', () => {
    const total = figure('a', 613, 'more than', { evidence: { start: 0, end: 90, text: 'x' } });
    const part = figure('a', 70, null, { evidence: { start: 60, end: 90, text: 'y' } });
    expect(figureConflicts([total, part])).toEqual([]);
  });

  it('reads qualifiers as ranges', () => {
    expect(figureRange(613, 'more than')).toEqual([613, Infinity]);
    expect(figureRange(40, 'around')).toEqual([36, 44]);
    expect(figureRange(613, null)).toEqual([613, 613]);
  });
});

describe('findConflicts', () => {
  it('reports a disagreement repeated by many documents once, with their claims', () => {
    const copies = ['c1', 'c2', 'c3'].map((d) => ordinal(d, 'PAK', 1));
    const found = findConflicts({
      mentions: [],
      ordinals: [...copies, ordinal('encyclopedia', 'PAK', 2, ['TUR'])],
      figures: [],
      durations: [],
      periodStarts: [],
    });
    expect(found).toHaveLength(1);
    expect(found[0]!.claims.map((c) => c.documentId).sort()).toEqual([
      'c1',
      'c2',
      'c3',
      'encyclopedia',
    ]);
  });
});

describe('arithmetic conflicts', () => {
  const span = (years: number, end: string, actors = ['AZE', 'SUN']) => ({
    ...origin('essay', `after ${years} years of struggle, in ${end}`, 588),
    years,
    what: 'struggle',
    end,
    actors,
  });
  const from = (start: string, actors = ['AZE', 'SUN']) => ({
    ...origin('essay', `From ${start} Azerbaijan was dominated by the USSR`, 2940),
    start,
    actors,
  });

  it.each([
    ['80 years ending 1991 vs from the 1920s', span(80, '1991'), from('1920/1929'), 1],
    ['70 years ending 1991 vs from the 1920s', span(70, '1991'), from('1920/1929'), 0],
    ['72 years ending 1991 vs from 1920', span(72, '1991'), from('1920'), 0],
    [
      '80 years ending 1991 vs from 1920 about other parties',
      span(80, '1991'),
      from('1920', ['AZE', 'RUS']),
      0,
    ],
    [
      '80 years ending 1991 vs a start in another document',
      span(80, '1991'),
      { ...from('1920/1929'), documentId: 'other' },
      0,
    ],
  ])('%s', (_name, d, s, count) => {
    const found = arithmeticConflicts([d], [s]);
    expect(found).toHaveLength(count);
    if (count)
      expect(found[0]!.summary).toBe(
        '80 years of struggle ending in 1991 puts its start near 1911, but the text also dates it from 1920/1929',
      );
  });
});

describe('the real stack', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ties-conflicts-'));
    db = openDatabase(join(dir, 'test.db'));
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const ingest = (text: string, title: string) =>
    ingestDocument(db, { text, title, name: `${title}.txt`, date: '2021-06-16' });

  it('merges a duplicate across documents and refines its date, with no conflict', () => {
    ingest('Pakistan recognized Azerbaijan in 1991.', 'Short note');
    ingest('Pakistan recognized Azerbaijan on December 12, 1991.', 'Longer note');
    const events = timeline(db, { a: 'AZE', b: 'PAK' }).events.filter((e) => e.type === 'SUPPORT');
    expect(events.map((e) => [e.date, e.mentions.map((m) => m.documentTitle)])).toEqual([
      ['1991-12-12', ['Short note', 'Longer note']],
    ]);
    expect(conflicts(db, {}).items).toEqual([]);
  });

  it('reports one event that two documents date a day apart', () => {
    ingest('Pakistan recognized Azerbaijan on December 12, 1991.', 'Source A');
    ingest('Pakistan recognized Azerbaijan on December 13, 1991.', 'Source B');
    const items = conflicts(db, { a: 'Pakistan', b: 'AZE' }).items;
    expect(items.map((c) => [c.kind, c.claims.map((x) => [x.documentTitle, x.value])])).toEqual([
      [
        'date',
        [
          ['Source A', '1991-12-12'],
          ['Source B', '1991-12-13'],
        ],
      ],
    ]);
    expect(items[0]!.claims[0]!.evidence.text).toContain('December 12, 1991');
    expect(conflicts(db, { a: 'Turkey' }).items).toEqual([]);
  });

  it('on the essay and the encyclopedic text: one recognition event with two sources, and the first/second disagreement', () => {
    ingest(ESSAY, 'Essay');
    ingest(ENCYCLOPEDIA, 'Encyclopedia');
    const recognition = timeline(db, { a: 'AZE', b: 'PAK' }).events.filter(
      (e) => e.date === '1991-12-12',
    );
    expect(recognition).toHaveLength(1);
    expect(recognition[0]!.mentions.map((m) => m.documentTitle).sort()).toEqual([
      'Encyclopedia',
      'Essay',
    ]);

    const items = conflicts(db, { a: 'AZE', b: 'PAK' }).items;
    const rank = items.filter((c) => c.kind === 'ordinal');
    expect(rank).toHaveLength(1);
    expect(rank[0]!.eventIds).toEqual([recognition[0]!.id]);
    expect(rank[0]!.claims.map((c) => [c.documentTitle, c.value])).toEqual([
      ['Essay', 'PAK first country to recognize AZE'],
      ['Encyclopedia', 'PAK second country to recognise AZE after TUR'],
    ]);
    for (const c of rank[0]!.claims) {
      const text = c.documentTitle === 'Essay' ? ESSAY : ENCYCLOPEDIA;
      expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    }
    // The essay's own arithmetic: 80 years of struggle to 1991 against Soviet rule from the 1920s.
    expect(
      conflicts(db, {})
        .items.filter((c) => c.kind === 'arithmetic')
        .map((c) => c.claims.map((x) => x.value)),
    ).toEqual([['80 years of struggle ending 1991: from about 1911', 'from 1920/1929']]);
    // Compatible claims: "more than 613" and "613 civilians"; the same date from both sources.
    expect(items.filter((c) => c.kind === 'figure' || c.kind === 'date')).toEqual([]);

    const why = explainEvent(db, recognition[0]!.id);
    expect(why.verdicts).toHaveLength(1);
    expect(why.verdicts[0]!.verdict.same).toBe(true);
    expect(why.conflicts.map((c) => c.kind)).toEqual(['ordinal']);
  });

  it('keeps ids stable when nothing changed, and drops conflicts whose document went away', () => {
    ingest('Pakistan recognized Azerbaijan on December 12, 1991.', 'Source A');
    const b = ingest('Pakistan recognized Azerbaijan on December 13, 1991.', 'Source B');
    const first = conflicts(db, {}).items;
    expect(detectConflicts(db)).toBe(false);
    expect(detectConflicts(db, { force: true })).toBe(true);
    expect(conflicts(db, {}).items.map((c) => c.id)).toEqual(first.map((c) => c.id));
    db.prepare('DELETE FROM documents WHERE id = ?').run(b.document.id);
    expect(conflicts(db, {}).items).toEqual([]);
  });

  it('serves GET /api/conflicts in the shape the page reads, and refuses bad queries', async () => {
    ingest('Pakistan recognized Azerbaijan on December 12, 1991.', 'Source A');
    ingest('Pakistan recognized Azerbaijan on December 13, 1991.', 'Source B');
    const app = createApp({ db, webRoot: join(dir, 'no-web') });
    const res = await app.request('/api/conflicts?a=AZE&b=PAK');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      items: {
        id: number;
        kind: string;
        summary: string;
        eventIds: string[];
        claims: {
          documentId: string;
          documentTitle: string;
          evidence: { start: number; end: number; text: string };
          value: string;
        }[];
      }[];
    };
    expect(body.items).toHaveLength(1);
    const [c] = body.items;
    expect(Object.keys(c!).sort()).toEqual([
      'actors',
      'claims',
      'eventIds',
      'id',
      'kind',
      'summary',
    ]);
    expect(Object.keys(c!.claims[0]!).sort()).toEqual([
      'documentId',
      'documentTitle',
      'evidence',
      'value',
    ]);
    expect(c!.claims[0]!.evidence).toMatchObject({
      start: expect.any(Number),
      end: expect.any(Number),
      text: expect.any(String),
    });
    expect(c!.eventIds).toHaveLength(2);
    const event = await app.request(`/api/conflicts?event=${c!.eventIds[0]}`);
    expect(((await event.json()) as { items: unknown[] }).items).toHaveLength(1);
    expect((await app.request('/api/conflicts?a=Atlantis')).status).toBe(404);
    expect((await app.request('/api/conflicts?event=abc')).status).toBe(400);
    expect((await app.request('/api/events/999999/explain')).status).toBe(404);
  });

  it('prints the same conflicts with ties conflicts --json', () => {
    ingest('Pakistan recognized Azerbaijan on December 12, 1991.', 'Source A');
    ingest('Pakistan recognized Azerbaijan on December 13, 1991.', 'Source B');
    db.close();
    const bin = new URL('../bin/ties.js', import.meta.url).pathname;
    const r = spawnSync(
      process.execPath,
      [bin, 'conflicts', 'AZE', 'PAK', '--json', '--db', join(dir, 'test.db')],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { items: { kind: string }[] };
    expect(out.items.map((c) => c.kind)).toEqual(['date']);
    const text = spawnSync(process.execPath, [bin, 'conflicts', '--db', join(dir, 'test.db')], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(text.stdout).toContain('1 conflict');
    expect(text.stdout).toContain('Source B');
    db = openDatabase(join(dir, 'test.db'));
  });
});
