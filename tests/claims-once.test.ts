// Claims computed once (issue 11): what the fulfilment check and conflict detection compare is
// read when a document is stored, so listing prospects and conflicts runs no extraction and
// needs no stored text. The extraction functions are wrapped in pass-through spies that count
// their calls; the store and the services are the real ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findActors } from '../src/extract/actors/index.ts';
import { findTimes } from '../src/extract/dates/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import { conflicts, explainEvent } from '../src/services/conflicts.service.ts';
import { openStore } from '../src/services/database.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { prospects } from '../src/services/prospects.service.ts';
import type { Db } from '../src/store/db.ts';

vi.mock('../src/extract/actors/index.ts', async (original) => {
  const real = await original<typeof import('../src/extract/actors/index.ts')>();
  return { ...real, findActors: vi.fn(real.findActors) };
});
vi.mock('../src/extract/dates/index.ts', async (original) => {
  const real = await original<typeof import('../src/extract/dates/index.ts')>();
  return { ...real, findTimes: vi.fn(real.findTimes) };
});
vi.mock('../src/extract/text/sentences.ts', async (original) => {
  const real = await original<typeof import('../src/extract/text/sentences.ts')>();
  return { ...real, splitSentences: vi.fn(real.splitSentences) };
});

const spies = { findActors, findTimes, splitSentences } as unknown as Record<
  string,
  ReturnType<typeof vi.fn>
>;
const calls = () =>
  Object.fromEntries(Object.entries(spies).map(([k, f]) => [k, f.mock.calls.length]));
const none = { findActors: 0, findTimes: 0, splitSentences: 0 };

// Written for this test: an interest and the contract that fulfils it, in two documents; two
// documents that disagree on who came first.
const DOCS = [
  [
    'Interest',
    '2016-05-02',
    'Azerbaijan has expressed interest in buying the JF-17 fighter jets from Pakistan.',
  ],
  [
    'Contract',
    '2024-03-01',
    'In 2024 Azerbaijan signed a contract with Pakistan to buy JF-17 fighter jets.',
  ],
  [
    'Essay A',
    '2021-06-16',
    'Pakistan was the first country to recognize Azerbaijan as an independent state.',
  ],
  [
    'Essay B',
    '2021-06-16',
    'Turkey was the first country to recognize Azerbaijan as an independent state.',
  ],
] as const;

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-claims-once-'));
  db = openStore(join(dir, 'test.db'));
  for (const [title, date, text] of DOCS)
    ingestDocument(db, { text, title, date, name: `${title}.txt` });
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function answers(store: Db) {
  const p = prospects(store, { a: 'AZE', b: 'PAK' }).items;
  const c = conflicts(store, {}).items;
  const explained = c.flatMap((x) => x.eventIds).map((id) => explainEvent(store, id).conflicts);
  return { p, c, explained };
}

describe('claims are computed once, at ingest', () => {
  it('ingest reads the text: the spies see the calls', () => {
    expect(calls().findActors).toBeGreaterThan(0);
    expect(calls().splitSentences).toBeGreaterThan(0);
  });

  it('listing prospects and conflicts, and explaining an event, run no extraction', () => {
    vi.clearAllMocks();
    const { p, c } = answers(db);
    expect(p.find((x) => x.status === 'fulfilled')?.fulfilledBy?.documentTitle).toBe('Contract');
    expect(c.map((x) => x.kind)).toContain('ordinal');
    expect(calls()).toEqual(none);
  });

  it('reopening the store reads nothing again', () => {
    db.close();
    vi.clearAllMocks();
    db = openStore(join(dir, 'test.db'), true);
    answers(db);
    expect(calls()).toEqual(none);
  });

  it('the answers come from stored rows: blanking every stored text changes none of them', () => {
    const before = answers(db);
    db.exec(`UPDATE documents SET text = ''; UPDATE sentences_fts SET text = ''`);
    const after = answers(db);
    expect(after.p.map((x) => [x.status, x.fulfilledBy?.reasons])).toEqual(
      before.p.map((x) => [x.status, x.fulfilledBy?.reasons]),
    );
    expect(after.c).toEqual(before.c);
    expect(after.explained).toEqual(before.explained);
  });
});

describe('a store from before clause wording was kept', () => {
  it('is read once on opening; then listing runs no extraction', () => {
    const before = answers(db).p.map((x) => [x.status, x.fulfilledBy?.reasons]);
    db.exec('UPDATE mentions SET wording = NULL; UPDATE prospects SET wording = NULL');
    db.close();
    db = openStore(join(dir, 'test.db'), true);
    vi.clearAllMocks();
    expect(answers(db).p.map((x) => [x.status, x.fulfilledBy?.reasons])).toEqual(before);
    expect(calls()).toEqual(none);
  });
});

describe('clause wording is read with the extraction, not by the store', () => {
  // Written for this test: several sentences and paragraphs, a repeated one, and a prospect.
  const TEXT = [
    'Talks in Baku',
    '',
    'Azerbaijan has expressed interest in buying JF-17 fighter jets from Pakistan, officials said.',
    'In March 2019 President Ilham Aliyev visited Pakistan; the two sides signed a defence accord.',
    '',
    'Turkey and Azerbaijan held a joint military exercise in 2020.',
    '',
    'Turkey and Azerbaijan held a joint military exercise in 2020.',
  ].join('\n');

  const wordings = (store: Db) =>
    store
      .prepare(
        `SELECT 'm' AS t, id, wording FROM mentions UNION ALL SELECT 'p', id, wording FROM prospects
         ORDER BY 1, 2`,
      )
      .all();

  it('storing an extraction that carries its wordings reads no clause', async () => {
    const { extractForStore } = await import('../src/services/workers/extract-pool.ts');
    const { storeDocument } = await import('../src/services/persist.service.ts');
    const { textDocument } = await import('./fixtures/pair-fixture.ts');
    const x = extractForStore({ text: TEXT, title: null, date: '2021-06-16' });
    expect(Object.keys(x.wordings).length).toBeGreaterThan(2);
    const doc = textDocument(TEXT, {
      title: 'Talks',
      date: '2021-06-16',
      addedAt: '2024-01-01T00:00:00.000Z',
    });
    vi.clearAllMocks();
    storeDocument(db, doc, x.extraction, x.sentences, [], x.claims, x.wordings);
    expect(calls().findActors).toBe(0);
    // Without them, the store reads them from its stored sentences (the spies see it).
    const other = openStore(join(dir, 'other.db'));
    storeDocument(other, doc, x.extraction, x.sentences, [], x.claims);
    expect(calls().findActors).toBeGreaterThan(0);
    // Both ways store the same wording for every mention and prospect.
    expect(wordings(db).filter((r) => (r as { wording: unknown }).wording === null)).toEqual([]);
    const rows = (s: Db) =>
      s
        .prepare(
          `SELECT evidence_start, evidence_end, wording FROM mentions WHERE document_id = ?
           UNION ALL SELECT evidence_start, evidence_end, wording FROM prospects WHERE document_id = ?
           ORDER BY 1, 2, 3`,
        )
        .all(doc.id, doc.id);
    expect(rows(db).length).toBeGreaterThan(2);
    expect(rows(db)).toEqual(rows(other));
    other.close();
  });
});
