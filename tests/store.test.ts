// The store on a real SQLite file built from the real migrations: schema versioning, pragmas,
// the pair index, date order, cascades, and merging stored documents' mentions into events.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Extraction, ExtractedEvent } from '../src/extract/types.ts';
import { documentId, removeDocument, storeDocument } from '../src/services/persist.service.ts';
import { textDocument } from './fixtures/pair-fixture.ts';
import { migrate, migrations, openDatabase, type Db } from '../src/store/db.ts';
import { fromDay, toDay } from '../src/store/days.ts';
import { countFacts } from '../src/store/facts.repo.ts';
import { getDocument, searchSentences } from '../src/store/documents.repo.ts';
import {
  bulkInsertEvents,
  countEvents,
  eventPage,
  queryEvents,
  type EventCursor,
  type EventFields,
} from '../src/store/events.repo.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-store-'));
  db = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const event = (over: Partial<EventFields>): EventFields => ({
  type: 'AGREE',
  mode: null,
  cameo: '057',
  quad: 'verbal-cooperation',
  date: null,
  dateFirst: null,
  dateLast: null,
  source: 'AZE',
  sourceText: 'Azerbaijan',
  target: 'PAK',
  targetText: 'Pakistan',
  actors: ['AZE', 'PAK'],
  negated: false,
  confidence: 0.8,
  ...over,
});

function extracted(
  id: string,
  text: string,
  at: number,
  evidence: string,
  over: Partial<ExtractedEvent> = {},
): ExtractedEvent {
  const start = text.indexOf(evidence, at);
  if (start < 0) throw new Error(`'${evidence}' is not in the text`);
  return {
    id,
    type: 'AGREE',
    mode: null,
    cameo: '057',
    date: null,
    source: { code: 'AZE', text: 'Azerbaijan' },
    target: { code: 'PAK', text: 'Pakistan' },
    actors: ['AZE', 'PAK'],
    evidence: { start, end: start + evidence.length, text: evidence },
    confidence: 0.8,
    ...over,
  };
}

function store(
  text: string,
  events: ExtractedEvent[],
  path: string | null = null,
  replace: string[] = [],
) {
  const extraction: Extraction = {
    document: { title: null, date: null, length: text.length },
    events,
    prospects: [],
    figures: [],
    stances: [],
    diagnostics: [],
  };
  const id = documentId(text);
  const doc = {
    id,
    title: `doc ${id.slice(0, 4)}`,
    date: '2021-06-16',
    format: 'txt' as const,
    path,
    url: null,
    kind: 'text' as const,
    length: text.length,
    text,
    addedAt: '2026-01-01T00:00:00Z',
  };
  const sentences = text.split(/(?<=\.)\s+/).reduce<{ start: number; end: number }[]>((acc, s) => {
    const start = text.indexOf(s, acc.at(-1)?.end ?? 0);
    return [...acc, { start, end: start + s.length }];
  }, []);
  return { id, events: storeDocument(db, doc, extraction, sentences, replace) };
}

describe('migrations', () => {
  it('records the schema version and is a no-op when reapplied', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(migrations().length);
    expect(migrate(db)).toBe(migrations().length);
    const tables = db
      .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
      .pluck()
      .all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'documents',
        'sentences_fts',
        'mentions',
        'events',
        'event_actors',
        'event_pairs',
        'prospects',
        'figures',
        'stances',
      ]),
    );
  });

  it('moves the sentences of a version 4 database into their documents (migration 5), search and deletes unchanged', () => {
    const old = new Database(join(dir, 'v4.db'));
    for (const m of migrations().slice(0, 4)) old.exec(m.sql);
    old.pragma('user_version = 4');
    const docs = [
      [
        'a'.repeat(64),
        'Pakistan recognised Azerbaijan. Trade grew.',
        [
          [0, 31],
          [32, 43],
        ],
      ],
      ['b'.repeat(64), 'Empty of sentences.', []],
      [
        'c'.repeat(64),
        'Turkey and Azerbaijan held talks. A joint drill followed. Trade grew again.',
        [
          [0, 33],
          [34, 57],
          [58, 75],
        ],
      ],
    ] as const;
    for (const [id, text, spans] of docs) {
      old
        .prepare(
          `INSERT INTO documents (id, format, length, text, added_at) VALUES (?, 'txt', ?, ?, 'then')`,
        )
        .run(id, text.length, text);
      for (const [start, end] of spans) {
        const sid = old
          .prepare(`INSERT INTO sentences (document_id, start, "end") VALUES (?, ?, ?)`)
          .run(id, start, end).lastInsertRowid;
        old
          .prepare(`INSERT INTO sentences_fts (rowid, text) VALUES (?, ?)`)
          .run(sid, text.slice(start, end));
      }
    }
    old.close();
    const v5 = openDatabase(join(dir, 'v4.db'));
    try {
      expect(
        v5.prepare(`SELECT sentence_base AS base, sentences FROM documents ORDER BY id`).all(),
      ).toEqual([
        { base: 1, sentences: '[[0,31],[32,43]]' },
        { base: null, sentences: '[]' },
        { base: 3, sentences: '[[0,33],[34,57],[58,75]]' },
      ]);
      expect(
        searchSentences(v5, '"trade"', 10)
          .map((h) => [h.documentId[0], h.start, h.end, h.text])
          .sort(),
      ).toEqual([
        ['a', 32, 43, 'Trade grew.'],
        ['c', 58, 75, 'Trade grew again.'],
      ]);
      v5.prepare(`DELETE FROM documents WHERE id = ?`).run('c'.repeat(64));
      expect(v5.prepare(`SELECT rowid FROM sentences_fts ORDER BY rowid`).pluck().all()).toEqual([
        1, 2,
      ]);
    } finally {
      v5.close();
    }
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('refuses a database newer than the code', () => {
    db.pragma(`user_version = ${migrations().length + 1}`);
    expect(() => migrate(db)).toThrow(/newer/);
  });
});

describe('days', () => {
  it.each([
    ['1970-01-01', 0],
    ['1991-12-12', 8015],
    ['1920-01-01', -18263],
    ['2024-02-29', 19782],
    ['0900-01-05', -390805],
    ['0044-03-15', -703383],
    ['0001-01-01', -719162],
  ])('%s is day %i and back', (iso, day) => {
    expect(toDay(iso)).toBe(day);
    expect(fromDay(day)).toBe(iso);
  });
});

describe('event queries', () => {
  it('returns a pair timeline in date order with undated events last, by index', () => {
    bulkInsertEvents(db, [
      event({ date: null }),
      event({
        date: '1992',
        dateFirst: '1992-01-01',
        dateLast: '1992-12-31',
        source: 'PAK',
        target: 'AZE',
      }),
      event({ date: '1991-12-12', dateFirst: '1991-12-12', dateLast: '1991-12-12' }),
      event({
        date: '1995',
        dateFirst: '1995-01-01',
        dateLast: '1995-12-31',
        source: 'AZE',
        target: 'TUR',
        actors: ['AZE', 'TUR'],
      }),
      event({
        date: '2021-09',
        dateFirst: '2021-09-01',
        dateLast: '2021-09-30',
        source: null,
        target: null,
        actors: ['AZE', 'TUR', 'PAK'],
        type: 'COOPERATE',
      }),
    ]);
    expect(queryEvents(db, { a: 'PAK', b: 'AZE' }).map((e) => e.date)).toEqual([
      '1991-12-12',
      '1992',
      '2021-09',
      null,
    ]);
    expect(queryEvents(db, { a: 'TUR', b: 'PAK' }).map((e) => e.date)).toEqual(['2021-09']);
    expect(queryEvents(db, { a: 'TUR' }).map((e) => e.date)).toEqual(['1995', '2021-09']);
    expect(
      queryEvents(db, { a: 'AZE', b: 'PAK', from: '1992-01-01', to: '2000-12-31' }).map(
        (e) => e.date,
      ),
    ).toEqual(['1992']);
    expect(
      queryEvents(db, { a: 'AZE', b: 'PAK', types: ['COOPERATE'] }).map((e) => e.date),
    ).toEqual(['2021-09']);
    expect(countEvents(db, { a: 'IND', b: 'PAK' })).toBe(0);
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM events WHERE actor1 = 'AZE' AND actor2 = 'PAK' ORDER BY date_first`,
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX events_pair/);
  });

  it('pages and counts a pair as the whole listing does, main pair and more participants', () => {
    // Events of AZE–PAK as their main pair and among three participants, dated and undated,
    // several on one day: what the pair's page merges in order.
    const days = ['1991-12-12', '1992-05-01', '1992-05-01', '2001-03-03', '2010-07-07'];
    const events: EventFields[] = [];
    days.forEach((d, i) => {
      const at = { date: d, dateFirst: d, dateLast: d };
      events.push(event({ ...at, type: i % 2 ? 'CONSULT' : 'AGREE' }));
      events.push(
        event({ ...at, source: 'TUR', target: 'AZE', actors: ['TUR', 'AZE', 'PAK'], type: 'AID' }),
      );
      events.push(
        event({
          date: String(1990 + i),
          dateFirst: `${1990 + i}-01-01`,
          dateLast: `${1990 + i}-12-31`,
        }),
      );
    });
    events.push(event({}), event({ source: 'TUR', target: 'PAK', actors: ['TUR', 'PAK', 'AZE'] }));
    events.push(event({ source: 'IND', target: 'PAK', actors: ['IND', 'PAK'] }));
    bulkInsertEvents(db, events);
    for (const f of [
      { a: 'PAK', b: 'AZE' },
      { a: 'AZE', b: 'PAK', types: ['AGREE' as const] },
      { a: 'AZE', b: 'PAK', from: '1992-01-01', to: '2001-12-31' },
    ]) {
      const all = queryEvents(db, f).map((e) => e.id);
      expect(all.length).toBeGreaterThan(3);
      expect(countEvents(db, f)).toBe(all.length);
      const paged: number[] = [];
      let cursor: EventCursor | null = null;
      do {
        const page = eventPage(db, f, 3, cursor);
        paged.push(...page.rows.map((r) => r.id));
        cursor = page.next;
      } while (cursor);
      expect(paged).toEqual(all);
    }
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT id FROM events e WHERE actor1 = 'AZE' AND actor2 = 'PAK'
         ORDER BY coalesce(e.date_first, 2147483647), coalesce(e.date_last, -2147483648), e.id`,
      )
      .all()
      .map((r) => (r as { detail: string }).detail)
      .join('\n');
    expect(plan).toMatch(/INDEX events_pair_order/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});

const TEXT =
  'Pakistan recognized Azerbaijan on December 12, 1991. The two countries signed a trade agreement in 1992. ' +
  'Azerbaijan and Pakistan agreed to cooperate.';

describe('storing documents', () => {
  it('stores a document with its sentences, mentions and events in one go', () => {
    const { id, events } = store(TEXT, [
      extracted('e1', TEXT, 0, 'Pakistan recognized Azerbaijan on December 12, 1991', {
        type: 'SUPPORT',
        cameo: '054',
        date: '1991-12-12',
        source: { code: 'PAK', text: 'Pakistan' },
        target: { code: 'AZE', text: 'Azerbaijan' },
      }),
      extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' }),
      extracted('e3', TEXT, 0, 'Azerbaijan and Pakistan agreed to cooperate'),
    ]);
    expect(events).toBe(3);
    expect(countFacts(db, id)).toMatchObject({ mentions: 3, sentences: 3 });
    expect(getDocument(db, id)?.text).toBe(TEXT);
    expect(
      queryEvents(db, { a: 'AZE', b: 'PAK' }).map((e) => [e.type, e.date, e.dateFirst, e.dateLast]),
    ).toEqual([
      ['SUPPORT', '1991-12-12', '1991-12-12', '1991-12-12'],
      ['AGREE', '1992', '1992-01-01', '1992-12-31'],
      ['AGREE', null, null, null],
    ]);
    const hits = searchSentences(db, '"trade" "agreement"', 5);
    expect(hits.map((h) => [h.start, h.end, h.text])).toEqual([
      [53, 104, 'The two countries signed a trade agreement in 1992.'],
    ]);
    expect(hits[0]?.snippet).toContain('[trade] [agreement]');
  });

  it('is a no-op for the same text again', () => {
    store(TEXT, [extracted('e1', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' })]);
    expect(
      store(TEXT, [extracted('e1', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' })])
        .events,
    ).toBe(0);
    expect(countEvents(db)).toBe(1);
  });

  it('merges a mention from another document into the stored event, refining its date', () => {
    store(TEXT, [extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' })]);
    const other = 'In March 1992 Azerbaijan and Pakistan signed a trade deal.';
    const { id } = store(other, [
      extracted('e1', other, 0, 'In March 1992 Azerbaijan and Pakistan signed a trade deal', {
        date: '1992-03',
      }),
    ]);
    const [merged, ...rest] = queryEvents(db, { a: 'AZE', b: 'PAK' });
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({
      date: '1992-03',
      dateFirst: '1992-03-01',
      dateLast: '1992-03-31',
      mentionCount: 2,
    });
    // Removing the precise source re-dates the event from what is left.
    removeDocument(db, id);
    expect(queryEvents(db, { a: 'AZE', b: 'PAK' }).map((e) => [e.date, e.mentionCount])).toEqual([
      ['1992', 1],
    ]);
  });

  it.each([
    ['a different type', { type: 'CONSULT' as const, cameo: '040', date: '1992' }],
    ['an incompatible date', { date: '1993' }],
    [
      'a different pair',
      { date: '1992', target: { code: 'TUR', text: 'Turkey' }, actors: ['AZE', 'TUR'] },
    ],
    ['a negation', { date: '1992', negated: true }],
  ])('keeps a mention with %s apart', (_why, over) => {
    store(TEXT, [extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' })]);
    const other = 'Azerbaijan and Pakistan held talks.';
    store(other, [extracted('e1', other, 0, 'Azerbaijan and Pakistan held talks', over)]);
    expect(countEvents(db)).toBe(2);
  });

  it('does not merge two events the extractor kept apart within one document', () => {
    store(TEXT, [
      extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: null }),
      extracted('e3', TEXT, 0, 'Azerbaijan and Pakistan agreed to cooperate'),
    ]);
    expect(countEvents(db)).toBe(2);
  });

  it('replaces an older version of the same path, dropping events only it supported', () => {
    const v1 = store(
      TEXT,
      [extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' })],
      '/corpus/a.txt',
    );
    const v2text = `${TEXT} Azerbaijan and Pakistan held talks in 1994.`;
    const v2 = store(
      v2text,
      [
        extracted('e1', v2text, 0, 'Azerbaijan and Pakistan held talks in 1994', {
          type: 'CONSULT',
          cameo: '040',
          date: '1994',
        }),
      ],
      '/corpus/a.txt',
      [v1.id],
    );
    expect(getDocument(db, v1.id)).toBeNull();
    expect(countFacts(db, v1.id)).toEqual({
      mentions: 0,
      prospects: 0,
      figures: 0,
      stances: 0,
      sentences: 0,
    });
    expect(db.prepare(`SELECT count(*) FROM sentences_fts`).pluck().get()).toBe(4);
    expect(queryEvents(db, {}).map((e) => [e.type, e.date])).toEqual([['CONSULT', '1994']]);
    expect(countFacts(db, v2.id).mentions).toBe(1);
  });

  it('rolls the whole document back when a write fails midway', () => {
    const bad = extracted('e2', TEXT, 0, 'signed a trade agreement in 1992', { date: '1992' });
    // A null code where the schema wants one makes the stance insert fail after the events went in.
    const extraction = {
      document: { title: null, date: null, length: TEXT.length },
      events: [bad],
      prospects: [],
      figures: [],
      stances: [
        {
          id: 's1',
          holder: { code: null as unknown as string, text: 'x' },
          polarity: 'support' as const,
          target: null,
          issue: null,
          evidence: bad.evidence,
        },
      ],
      diagnostics: [],
    };
    const id = documentId(TEXT);
    const doc = textDocument(TEXT, { title: null, date: null, addedAt: 'now' });
    expect(() => storeDocument(db, doc, extraction, [{ start: 0, end: 10 }])).toThrow(/NOT NULL/);
    expect(getDocument(db, id)).toBeNull();
    expect(countEvents(db)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM sentences_fts`).pluck().get()).toBe(0);
  });
});
