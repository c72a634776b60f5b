// Many prospects and look-alike events between one pair, through the real store: each "interest
// in buying the R-n radar" must be linked to the contract for R-n when that came later, and to
// nothing else (every other radar contract shares all its words but the designation). Prints
// the listing time; decision 0008 records it for a larger store.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { prospects } from '../src/services/prospects.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

const N = 240;
const UNITS = ['naval', 'air', 'special forces', 'mountain', 'desert', 'medical'];
let dir: string;
let db: Db;

/** Item i: odd ones state an interest in radar R-i, even ones report the contract for R-(i-1) and an exercise. */
function item(i: number): { text: string; title: string; date: string } {
  // Years cycle, so some contracts come before the interest they answer.
  const y = 1995 + (i % 25);
  const day = `${y}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const text =
    i % 2
      ? `On ${day} Azerbaijan and Pakistan held the ${UNITS[i % 6]} exercise Falcon-${i} near Baku. Azerbaijan has expressed interest in buying the R-${i} radar from Pakistan.`
      : `On ${day} Azerbaijan signed a contract with Pakistan to buy the R-${i - 1} radar. The ${UNITS[i % 6]} units of Azerbaijan and Pakistan held the exercise Falcon-${i} near Baku on ${day}.`;
  return { text, title: `news ${i}`, date: `${y}-12-28` };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-prospects-scale-'));
  db = openDatabase(join(dir, 'test.db'));
  for (let i = 1; i <= N; i++) ingestDocument(db, { ...item(i), name: `news-${i}.txt` });
}, 120_000);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('radar interests among look-alike contracts', () => {
  it('links each interest to its own later contract, and only to it', () => {
    const t = performance.now();
    const items = prospects(db, { a: 'AZE', b: 'PAK' }).items;
    console.log(`prospects: ${items.length} listed in ${Math.round(performance.now() - t)} ms`);
    const radar = items.filter((p) => /R-\d+ radar/.test(p.evidence.text));
    expect(radar).toHaveLength(N / 2);
    const got = radar.map((p) => {
      const n = Number(/R-(\d+)/.exec(p.evidence.text)![1]);
      return [n, p.fulfilledBy?.documentTitle ?? null];
    });
    const expected = radar.map((p) => {
      const n = Number(/R-(\d+)/.exec(p.evidence.text)![1]);
      const later = item(n + 1).date.slice(0, 4) >= item(n).date.slice(0, 4);
      return [n, later ? `news ${n + 1}` : null];
    });
    expect(got).toEqual(expected);
    // Both outcomes occur: the table is not all one way.
    expect(got.filter(([, d]) => d === null).length).toBeGreaterThan(0);
    expect(got.filter(([, d]) => d !== null).length).toBeGreaterThan(N / 4);
  });
});
