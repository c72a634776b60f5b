// Ingesting folders at size and in odd shapes: one file that is too big or exhausts its
// extraction thread fails alone while its neighbours are stored. Real files, real threads, real
// SQLite.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestPaths, type FileOutcome } from '../src/services/ingest.service.ts';
import { openDatabase, type Db } from '../src/store/db.ts';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-folders-'));
  db = openDatabase(join(dir, 'ties.db'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const countries = ['Chile', 'Peru', 'Norway', 'Sweden', 'Kenya', 'Uganda', 'Japan', 'Vietnam'];
/** A news-like document: `n` dated sentences naming two states each. */
function story(n: number, seed = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = countries[(i + seed) % countries.length]!;
    const b = countries[(i + seed + 3) % countries.length]!;
    lines.push(`On ${(i % 28) + 1} June ${1950 + (i % 70)}, ${a} and ${b} signed a trade agreement in the capital.`);
  }
  return `${lines.join('\n\n')}\n`;
}

const write = (name: string, text: string) => writeFileSync(join(dir, 'in', name), text);
const storedPaths = (d: Db) => (d.prepare('SELECT path FROM documents ORDER BY path').all() as { path: string }[]).map((r) => r.path.replace(/.*\//, ''));

describe('a folder with one bad file', () => {
  beforeEach(() => mkdirSync(join(dir, 'in')));

  it('stores its neighbours when one file exhausts its extraction thread', async () => {
    for (let i = 0; i < 4; i++) write(`good${i}.txt`, story(3, i));
    // About 2.5 MB: far more than a 32 MB heap holds while it is extracted.
    write('huge.txt', story(30_000));
    const files: FileOutcome[] = [];
    const summary = await ingestPaths(db, [join(dir, 'in')], {
      workers: 1,
      threadLimits: { maxOldGenerationSizeMb: 32 },
      onFile: (r) => files.push(r),
    });
    expect(summary.added).toBe(4);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.path).toMatch(/huge\.txt$/);
    expect(summary.failed[0]!.reason).toMatch(/extraction thread stopped on this document: out of memory/);
    expect(storedPaths(db)).toEqual(['good0.txt', 'good1.txt', 'good2.txt', 'good3.txt']);
    expect(files.map((f) => f.status)).toEqual(['added', 'added', 'added', 'added', 'failed']);
  });

  it.each([0, 1])('refuses a file over --max-bytes unread and stores the rest (%i threads)', async (workers) => {
    write('a.txt', story(2, 1));
    write('big.txt', story(400));
    write('c.txt', story(2, 2));
    const summary = await ingestPaths(db, [join(dir, 'in')], { workers, maxBytes: 4096 });
    expect(summary.added).toBe(2);
    expect(summary.failed).toEqual([
      { path: join(dir, 'in', 'big.txt'), reason: expect.stringMatching(/^\S+big\.txt is \d+ bytes, over the limit of 4096 bytes a document \(--max-bytes/) },
    ]);
    expect(storedPaths(db)).toEqual(['a.txt', 'c.txt']);
  });
});
