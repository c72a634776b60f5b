// Merging does not depend on ingest order (issue 15): the same documents, stored in different
// orders, one at a time or in one batch, and after one is removed and stored again, give the
// same events (sources, type, date, participants), whatever their row ids.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument, ingestDocuments } from '../src/services/ingest.service.ts';
import { removeDocument } from '../src/services/persist.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

// Vague mentions that fit several specific ones (a year, a month, undated), specific ones a few
// days apart, and different events of one pair and type: what a greedy merge groups by order.
const CORPUS = [
  'Azerbaijan and Pakistan signed a trade agreement in 2001.',
  'On March 3, 2001, Azerbaijan and Pakistan signed a trade agreement in Baku.',
  'On June 5, 2001, Azerbaijan and Pakistan signed a trade agreement in Islamabad.',
  'In March 2001, Pakistan and Azerbaijan signed an agreement on trade.',
  'Pakistan and Azerbaijan signed a trade agreement in 2001, officials said.',
  'Azerbaijan and Pakistan held talks on energy cooperation.',
  'Pakistan and Azerbaijan held talks on energy cooperation in the capital.',
  'Azerbaijan and Pakistan held talks on energy.',
  'On June 7, 2001, Azerbaijan and Pakistan signed a trade agreement.',
  'In 2001 Azerbaijan and Pakistan signed a trade agreement and held talks on energy.',
].map((text, i) => ({ text, title: `d${i}` }));

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-order-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let dbs = 0;
function fresh(): Db {
  return openDatabase(join(dir, `order-${++dbs}.db`));
}

/** The store's events as comparable values: no row ids, sources named by document title. */
function events(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.type, e.date, e.actors, e.source, e.target, e.mention_count AS n,
         (SELECT json_group_array(x) FROM (
            SELECT d.title || ':' || m.evidence_start AS x FROM mentions m
            JOIN documents d ON d.id = m.document_id WHERE m.event_id = e.id ORDER BY x)) AS sources
       FROM events e`,
    )
    .all() as {
    type: string;
    date: string | null;
    actors: string;
    source: string | null;
    target: string | null;
    n: number;
    sources: string;
  }[];
  return rows
    .map((r) =>
      JSON.stringify([
        r.sources,
        r.type,
        r.date,
        (JSON.parse(r.actors) as string[]).sort(),
        r.source,
        r.target,
        r.n,
      ]),
    )
    .sort();
}

function ingestOneByOne(
  order: number[],
  corpus: { text: string; title: string }[] = CORPUS,
): string[] {
  const db = fresh();
  try {
    for (const i of order) ingestDocument(db, corpus[i]!);
    return events(db);
  } finally {
    db.close();
  }
}

describe('merging in any order', () => {
  const forward = CORPUS.map((_, i) => i);
  let expected: string[];
  beforeAll(() => {
    expected = ingestOneByOne(forward);
  });

  it('merges what it should: one 2001 agreement per date, talks grouped', () => {
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(CORPUS.length + 2);
  });

  it.each([
    ['reversed', [...CORPUS.keys()].reverse()],
    ['vague last', [1, 2, 8, 3, 6, 0, 4, 5, 7, 9]],
    ['vague first', [9, 0, 4, 7, 5, 6, 3, 8, 2, 1]],
    ['interleaved', [2, 9, 1, 7, 3, 0, 8, 6, 4, 5]],
  ])('gives the same events ingested %s', (_, order) => {
    expect(ingestOneByOne(order)).toEqual(expected);
  });

  it('gives the same events ingested in one batch', () => {
    const db = fresh();
    try {
      const outcomes = ingestDocuments(db, [...CORPUS].reverse());
      expect(outcomes.every((o) => !(o instanceof Error))).toBe(true);
      expect(events(db)).toEqual(expected);
    } finally {
      db.close();
    }
  });

  // Changed versions of three files: a specific date moves, one loses its date, one its event.
  const CHANGED = new Map([
    [1, 'On June 6, 2001, Azerbaijan and Pakistan signed a trade agreement in Baku.'],
    [2, 'Azerbaijan and Pakistan signed a trade agreement in Islamabad.'],
    [8, 'On June 7, 2001, Azerbaijan and Pakistan held talks on energy.'],
  ]);
  const atPath = (d: { text: string; title: string }, i: number) => ({ ...d, path: `/c/${i}` });
  const changed = CORPUS.map((d, i) => atPath({ ...d, text: CHANGED.get(i) ?? d.text }, i));

  it.each([
    ['one at a time', false],
    ['in one batch', true],
  ])(
    'gives the events of the changed files stored afresh when they replace theirs %s',
    (_, batch) => {
      const db = fresh();
      try {
        for (const [i, d] of CORPUS.entries()) ingestDocument(db, atPath(d, i));
        const again = [...CHANGED.keys()].map((i) => changed[i]!);
        if (batch) ingestDocuments(db, again);
        else for (const d of again) ingestDocument(db, d);
        expect(events(db)).toEqual(ingestOneByOne(forward, changed));
      } finally {
        db.close();
      }
    },
  );

  it('gives the same events after a document is removed and stored again', () => {
    const db = fresh();
    try {
      for (const d of CORPUS) ingestDocument(db, d);
      const stored = ingestDocument(db, CORPUS[1]!);
      removeDocument(db, stored.document.id);
      const without = events(db);
      expect(without).toEqual(ingestOneByOne(forward.filter((i) => i !== 1)));
      ingestDocument(db, CORPUS[1]!);
      expect(events(db)).toEqual(expected);
    } finally {
      db.close();
    }
  });
});
