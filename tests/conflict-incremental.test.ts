// Conflicts kept at ingest, group by group (decision 0012), against detection over the whole
// store from scratch: a generated corpus whose documents disagree on figures (dated ones, and
// undated ones about a named subject), on dates and on ranks, stored one document at a time, in
// batches, and with documents removed and replaced. The real pipeline into a real SQLite file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Conflict } from '../src/merge/conflicts.ts';
import { backfillConflicts, redetectAll } from '../src/services/conflict-index.ts';
import {
  conflicts,
  detectConflicts,
  type ConflictView,
} from '../src/services/conflicts.service.ts';
import { ingestDocument, ingestDocuments } from '../src/services/ingest.service.ts';
import { removeDocument } from '../src/services/persist.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { wholeStore as detectWholeStore } from './fixtures/whole-store-conflicts.ts';

// A deterministic generator: runs compare.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
}

const PAIRS = [
  ['Turkey', 'Azerbaijan'],
  ['Pakistan', 'Azerbaijan'],
  ['India', 'China'],
];
const MONTHS = ['March', 'April', 'December'];
const RANKS = ['first', 'second', 'third'];

/** `n` short reports, each two to four sentences drawn from templates that disagree. */
function corpus(n: number, seed = 7): string[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)] as T;
  const sentences: (() => string)[] = [
    () => {
      const [a, b] = pick(PAIRS);
      const when = r() < 0.5 ? `in ${2015 + Math.floor(r() * 2)}` : `in ${pick(MONTHS)} 2016`;
      return `Trade between ${a} and ${b} increased by ${pick([12, 15, 25])} percent ${when}.`;
    },
    () => `The Khojaly Massacre: Armenia killed ${pick([485, 613, 613])} people in Azerbaijan.`,
    () =>
      `The Khojaly Massacre was committed by Armenia against Azerbaijan in 1992. ${pick(['More than 613', '485', '613'])} people were killed in the massacre.`,
    () => `Pakistan recognized Azerbaijan on December ${pick([12, 12, 13])}, 1991.`,
    () => `Turkey and Azerbaijan signed a trade agreement on March ${pick([3, 4])}, 2010.`,
    () => `${pick(['Pakistan', 'Turkey'])} was the ${pick(RANKS)} country to recognize Azerbaijan.`,
  ];
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const lines = [`Report ${i}`, ''];
    const count = 2 + Math.floor(r() * 3);
    for (let j = 0; j < count; j++) lines.push(pick(sentences)(), '');
    docs.push(lines.join('\n'));
  }
  return docs;
}

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-conflict-incremental-'));
  db = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (text: string, i: number, path?: string) => ({
  text,
  title: `Report ${i}`,
  name: `report-${i}.txt`,
  date: '2021-06-16',
  path,
});

// What a conflict says, without ids and detection times; its claims as a set.
const said = (items: (ConflictView | Conflict)[]) =>
  items
    .map((c) =>
      JSON.stringify([
        c.kind,
        c.summary,
        c.claims.map((x) => `${x.documentId}@${x.evidence.start}=${x.value}`).sort(),
      ]),
    )
    .sort();

const wholeStore = () => detectWholeStore(db);

const stored = () => conflicts(db, {}).items;

describe('conflicts detected for what each document adds', () => {
  it('are those of detection over the whole store, one document at a time and in batches', () => {
    const docs = corpus(60);
    docs.forEach((text, i) => ingestDocument(db, input(text, i)));
    const kinds = new Set(stored().map((c) => c.kind));
    // The corpus is made to disagree in every way ingest detects across documents.
    expect([...kinds].sort()).toEqual(['date', 'figure', 'ordinal']);
    expect(stored().filter((c) => c.kind === 'figure').length).toBeGreaterThan(2);
    const oneByOne = said(stored());
    expect(oneByOne).toEqual(said(wholeStore()));

    db.close();
    db = openDatabase(join(dir, 'batches.db'));
    for (let at = 0; at < docs.length; at += 17)
      ingestDocuments(
        db,
        docs.slice(at, at + 17).map((text, i) => input(text, at + i)),
      );
    expect(said(stored())).toEqual(oneByOne);
    // Detecting every group again changes nothing.
    detectConflicts(db, { force: true });
    expect(said(stored())).toEqual(oneByOne);
  });

  it('are those of detection over the whole store after removals and replacements', () => {
    const docs = corpus(40, 11);
    const ids = docs.map((text, i) => ingestDocument(db, input(text, i, `r/${i}.txt`)).document.id);
    for (const i of [3, 9, 20]) removeDocument(db, ids[i]!);
    expect(said(stored())).toEqual(said(wholeStore()));
    // Changed versions of stored files replace them, alone and in a batch.
    const changed = corpus(8, 99);
    ingestDocument(db, input(changed[0]!, 0, 'r/0.txt'));
    ingestDocuments(
      db,
      changed.slice(1).map((text, i) => input(text, i + 1, `r/${(i + 1) * 4}.txt`)),
    );
    expect(said(stored())).toEqual(said(wholeStore()));
    expect(stored().length).toBeGreaterThan(3);
  });

  it('are found again when a store grouped the way of before migration 0010 is opened', () => {
    corpus(30, 5).forEach((text, i) => ingestDocument(db, input(text, i)));
    const now = said(stored());
    expect(now.filter((c) => c.startsWith('["figure"')).length).toBeGreaterThan(1);
    // A store of before: figures grouped by measure, unit and actor only, their conflicts found there.
    db.exec(`DELETE FROM conflict_inputs WHERE kind = 'figure'`);
    db.exec(`INSERT INTO conflict_inputs (grp, kind, ref, document_id, data)
      SELECT DISTINCT 'figure:' || f.measure || '|' || f.unit || '|' || a.value, 'figure', f.id,
        f.document_id, (SELECT json_object('about', json_extract(c.data, '$.about'), 'part',
          json_extract(c.data, '$.part')) FROM claims c
          WHERE c.kind = 'subject' AND json_extract(c.data, '$.figureId') = f.id)
      FROM figures f, json_each(f.actors) a`);
    db.exec(`DELETE FROM conflicts WHERE kind = 'figure'`);
    redetectAll(db);
    expect(said(stored())).toEqual(now);
    const oldScopes = `SELECT count(*) FROM conflict_scopes WHERE scope GLOB 'figure:*' AND scope NOT GLOB 'figure:*|*|*|*'`;
    expect(db.prepare(oldScopes).pluck().get()).toBeGreaterThan(0);
    // What migration 0010 lists; opening the store groups them again.
    db.exec(
      `INSERT INTO figure_regroup SELECT DISTINCT document_id FROM conflict_inputs WHERE kind = 'figure'`,
    );
    expect(backfillConflicts(db)).toBeGreaterThan(0);
    expect(db.prepare(`SELECT count(*) FROM figure_regroup`).pluck().get()).toBe(0);
    expect(db.prepare(oldScopes).pluck().get()).toBe(0);
    expect(said(stored())).toEqual(now);
    expect(said(stored())).toEqual(said(wholeStore()));
  });
});
