// Conflicts kept at ingest (decision 0012): claims are stored with their document, each group is
// detected again when a document touches it, and reads are paged index lookups. The real
// pipeline into a real SQLite file; the oracle is detection over the whole store at once.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/http/app.ts';
import type { Conflict } from '../src/merge/conflicts.ts';
import { conflicts, explainEvent, type ConflictView } from '../src/services/conflicts.service.ts';
import { ingestDocument } from '../src/services/ingest.service.ts';
import { removeDocument } from '../src/services/persist.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';
import { wholeStore as detectWholeStore } from './fixtures/whole-store-conflicts.ts';

const ESSAY = readFileSync(new URL('../corpus/azerbaijan-pakistan.txt', import.meta.url), 'utf8');
const ENCYCLOPEDIA = readFileSync(
  new URL('../corpus/azerbaijan-pakistan-encyclopedia.md', import.meta.url),
  'utf8',
);

// Three events, each dated differently by two sources.
const DISAGREEING = [
  [
    'Pakistan recognized Azerbaijan on December 12, 1991.',
    'Pakistan recognized Azerbaijan on December 13, 1991.',
  ],
  [
    'Turkey and Azerbaijan signed a trade agreement on March 3, 2010.',
    'Turkey and Azerbaijan signed a trade agreement on March 4, 2010.',
  ],
  [
    'India and Pakistan held talks in Agra on July 15, 2001.',
    'India and Pakistan held talks in Agra on July 16, 2001.',
  ],
];

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-conflict-index-'));
  db = openDatabase(join(dir, 'test.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const ingest = (text: string, title: string, path?: string) =>
  ingestDocument(db, { text, title, name: `${title}.txt`, date: '2021-06-16', path });
const count = (sql: string, ...args: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

// What the conflicts say, without ids and detection times.
const said = (items: (ConflictView | Conflict)[]) =>
  items
    .map((c) => [c.kind, c.summary, c.claims.map((x) => [x.documentId, x.evidence.start, x.value])])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

const wholeStore = () => detectWholeStore(db);

describe('conflicts kept at ingest', () => {
  it('find, group by group, what detection over the whole store finds', () => {
    ingest(ESSAY, 'Essay');
    DISAGREEING.forEach(([x, y], i) => {
      ingest(x!, `Source ${i} A`);
      ingest(y!, `Source ${i} B`);
    });
    ingest(ENCYCLOPEDIA, 'Encyclopedia');
    const stored = conflicts(db, {}).items;
    expect(stored.map((c) => c.kind).sort()).toEqual([
      'arithmetic',
      'date',
      'date',
      'date',
      'ordinal',
    ]);
    expect(said(stored)).toEqual(said(wholeStore()));
  });

  it('are read without reading any document text again', () => {
    ingest(ESSAY, 'Essay');
    ingest(ENCYCLOPEDIA, 'Encyclopedia');
    const before = conflicts(db, {}).items;
    expect(count(`SELECT count(*) FROM claims WHERE kind = 'ordinal'`)).toBeGreaterThan(0);
    const event = Number(before.find((c) => c.kind === 'ordinal')!.eventIds[0]);
    // With every stored text blanked, the reads answer the same: they use only what was stored.
    db.prepare(`UPDATE documents SET text = ''`).run();
    expect(conflicts(db, {}).items).toEqual(before);
    expect(explainEvent(db, String(event)).conflicts.map((c) => c.kind)).toEqual(['ordinal']);
  });

  it('go with a document removed or replaced, claims and all', () => {
    const a = ingest(DISAGREEING[0]![0]!, 'Source A');
    const b = ingest(DISAGREEING[0]![1]!, 'Source B', 'notes/b.txt');
    expect(conflicts(db, {}).total).toBe(1);
    // Replaced by a version that agrees: its old claims and the conflict go.
    ingest(
      'Pakistan recognized Azerbaijan on December 12, 1991. It was the first country to recognize Azerbaijan.',
      'Source B',
      'notes/b.txt',
    );
    expect(count(`SELECT count(*) FROM documents WHERE id = ?`, b.document.id)).toBe(0);
    expect(count(`SELECT count(*) FROM conflict_inputs WHERE document_id = ?`, b.document.id)).toBe(
      0,
    );
    expect(conflicts(db, {}).total).toBe(0);
    const c = ingest(DISAGREEING[0]![1]!, 'Source C');
    expect(conflicts(db, {}).total).toBe(1);
    removeDocument(db, c.document.id);
    expect(conflicts(db, {}).total).toBe(0);
    expect(count(`SELECT count(*) FROM claims WHERE document_id = ?`, c.document.id)).toBe(0);
    removeDocument(db, a.document.id);
    expect(count(`SELECT count(*) FROM claim_scans WHERE document_id = ?`, a.document.id)).toBe(0);
    expect(said(conflicts(db, {}).items)).toEqual(said(wholeStore()));
  });

  it('are served a page at a time, with counts, through an opaque cursor', async () => {
    DISAGREEING.forEach(([x, y], i) => {
      ingest(x!, `Source ${i} A`);
      ingest(y!, `Source ${i} B`);
    });
    const app = createApp({ db, webRoot: join(dir, 'no-web') });
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await app.request(`/api/conflicts?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = (await res.json()) as {
        items: ConflictView[];
        total: number;
        counts: Record<string, number>;
        nextCursor: string | null;
      };
      expect([res.status, body.total, body.counts]).toEqual([
        200,
        3,
        { arithmetic: 0, date: 3, figure: 0, ordinal: 0 },
      ]);
      seen.push(...body.items.map((c) => c.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual(conflicts(db, {}).items.map((c) => c.id));
    const pair = (await (await app.request('/api/conflicts?a=TUR&b=AZE')).json()) as {
      items: ConflictView[];
      total: number;
    };
    expect([pair.total, pair.items[0]!.summary]).toEqual([
      1,
      expect.stringContaining('2010-03-03'),
    ]);
    // An actor's and a pair's conflicts (read from conflict_pairs), page by page, are the ones
    // of the whole listing that name them, in the same order; either order of the pair.
    const all = conflicts(db, {}).items;
    for (const [a, b] of [
      ['AZE', undefined],
      ['TUR', undefined],
      ['TUR', 'AZE'],
      ['AZE', 'TUR'],
      ['AZE', 'PAK'],
    ] as const) {
      const paged: number[] = [];
      let next: string | undefined;
      do {
        const page = conflicts(db, { a, b, limit: 1, cursor: next });
        paged.push(...page.items.map((c) => c.id));
        expect(page.total).toBe(
          all.filter((c) => c.actors.includes(a) && (!b || c.actors.includes(b))).length,
        );
        next = page.nextCursor ?? undefined;
      } while (next);
      expect(paged).toEqual(
        all.filter((c) => c.actors.includes(a) && (!b || c.actors.includes(b))).map((c) => c.id),
      );
    }
    for (const bad of ['limit=0', 'limit=501', 'cursor=bm90LWEta2V5'])
      expect((await app.request(`/api/conflicts?${bad}`)).status).toBe(400);
  });

  it('explain an event a page of verdicts at a time', async () => {
    const text = 'Pakistan recognized Azerbaijan on December 12, 1991.';
    for (const [i, prefix] of ['', 'Reports say ', 'It is known that ', 'Records show '].entries())
      ingest(`${prefix}${text}`, `Copy ${i}`);
    const event =
      conflicts(db, {}).items.length === 0
        ? (db.prepare(`SELECT id FROM events WHERE type = 'SUPPORT'`).pluck().get() as number)
        : 0;
    const app = createApp({ db, webRoot: join(dir, 'no-web') });
    const first = (await (await app.request(`/api/events/${event}/explain?limit=2`)).json()) as {
      verdicts: { mentions: number[] }[];
      mentionCount: number;
      nextCursor: string;
    };
    expect([
      first.mentionCount,
      first.verdicts.map((v) => v.mentions[1]),
      first.nextCursor,
    ]).toEqual([4, [1, 2], '3']);
    const next = (await (
      await app.request(`/api/events/${event}/explain?limit=2&cursor=${first.nextCursor}`)
    ).json()) as { verdicts: { mentions: number[] }[]; nextCursor: string | null };
    expect([next.verdicts.map((v) => v.mentions[1]), next.nextCursor]).toEqual([[3], null]);
  });
});
