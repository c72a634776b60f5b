// Ingesting folders at size and in odd shapes: one file that is too big or exhausts its
// extraction thread fails alone while its neighbours are stored. Real files, real threads, real
// SQLite.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { crc32, gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ingestPaths,
  listDocumentFiles,
  type FileOutcome,
} from '../src/services/ingest.service.ts';
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
    lines.push(
      `On ${(i % 28) + 1} June ${1950 + (i % 70)}, ${a} and ${b} signed a trade agreement in the capital.`,
    );
  }
  return `${lines.join('\n\n')}\n`;
}

const write = (name: string, text: string) => writeFileSync(join(dir, 'in', name), text);
const storedPaths = (d: Db) =>
  (d.prepare('SELECT path FROM documents ORDER BY path').all() as { path: string }[]).map((r) =>
    r.path.replace(/.*\//, ''),
  );

describe('a folder with one bad file', () => {
  beforeEach(() => mkdirSync(join(dir, 'in')));

  it('stores its neighbours when one file exhausts its extraction thread', async () => {
    for (let i = 0; i < 4; i++) write(`good${i}.txt`, story(3, i));
    // About 5 MB: far more than a 64 MB heap holds while it is extracted (loading the
    // extractor alone takes more than 32 MB).
    write('huge.txt', story(60_000));
    const files: FileOutcome[] = [];
    const summary = await ingestPaths(db, [join(dir, 'in')], {
      workers: 1,
      threadLimits: { maxOldGenerationSizeMb: 64 },
      onFile: (r) => files.push(r),
    });
    expect(summary.added).toBe(4);
    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.path).toMatch(/huge\.txt$/);
    expect(summary.failed[0]!.reason).toMatch(
      /extraction thread stopped on this document: out of memory/,
    );
    expect(storedPaths(db)).toEqual(['good0.txt', 'good1.txt', 'good2.txt', 'good3.txt']);
    expect(files.map((f) => f.status)).toEqual(['added', 'added', 'added', 'added', 'failed']);
  }, 180_000);

  it.each([0, 1])(
    'refuses a file over --max-bytes unread and stores the rest (%i threads)',
    async (workers) => {
      write('a.txt', story(2, 1));
      write('big.txt', story(400));
      write('c.txt', story(2, 2));
      const summary = await ingestPaths(db, [join(dir, 'in')], { workers, maxBytes: 4096 });
      expect(summary.added).toBe(2);
      expect(summary.failed).toEqual([
        {
          path: join(dir, 'in', 'big.txt'),
          reason: expect.stringMatching(
            /^\S+big\.txt is \d+ bytes, over the limit of 4096 bytes a document \(--max-bytes/,
          ),
        },
      ]);
      expect(storedPaths(db)).toEqual(['a.txt', 'c.txt']);
    },
    120_000,
  );
});

describe('folders in odd shapes', () => {
  beforeEach(() => mkdirSync(join(dir, 'in')));

  it('follows symbolic links to files and folders', async () => {
    mkdirSync(join(dir, 'elsewhere', 'deeper'), { recursive: true });
    writeFileSync(join(dir, 'elsewhere', 'one.txt'), story(2, 1));
    writeFileSync(join(dir, 'elsewhere', 'deeper', 'two.md'), story(2, 2));
    symlinkSync(join(dir, 'elsewhere', 'one.txt'), join(dir, 'in', 'linked.txt'));
    symlinkSync(join(dir, 'elsewhere', 'deeper'), join(dir, 'in', 'folder'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'in', 'broken.txt'));
    const summary = await ingestPaths(db, [join(dir, 'in')], { workers: 0 });
    expect(summary.added).toBe(2);
    expect(storedPaths(db)).toEqual(['two.md', 'linked.txt']);
    expect(summary.failed).toEqual([
      { path: join(dir, 'in', 'broken.txt'), reason: 'a symbolic link to nothing' },
    ]);
  });

  it('does not go round a symbolic link loop', async () => {
    mkdirSync(join(dir, 'in', 'a'));
    writeFileSync(join(dir, 'in', 'a', 'doc.txt'), story(2, 3));
    symlinkSync(join(dir, 'in'), join(dir, 'in', 'a', 'up'));
    symlinkSync(join(dir, 'in', 'a'), join(dir, 'in', 'a', 'self'));
    const { files } = await listDocumentFiles([join(dir, 'in')]);
    expect(files).toEqual([join(dir, 'in', 'a', 'doc.txt')]);
    const summary = await ingestPaths(db, [join(dir, 'in')], { workers: 0 });
    expect([summary.added, summary.failed]).toEqual([1, []]);
  });

  it('reads .gz documents and the documents of a .zip, and reports compressed files it cannot read', async () => {
    writeFileSync(join(dir, 'in', 'a.txt.gz'), gzipSync(story(2, 4)));
    writeFileSync(
      join(dir, 'in', 'b.zip'),
      zip([
        ['inner/c.txt', story(2, 5)],
        ['inner/d.html', `<p>${story(1, 6)}</p>`],
        ['e.png', 'x'],
      ]),
    );
    writeFileSync(join(dir, 'in', 'f.txt.xz'), 'not really xz');
    writeFileSync(join(dir, 'in', 'g.txt.gz'), 'not gzip at all');
    writeFileSync(join(dir, 'in', 'h.zip'), zip([['photo.jpg', 'x']]));
    const summary = await ingestPaths(db, [join(dir, 'in')], { workers: 0 });
    expect(storedPaths(db)).toEqual(['a.txt.gz', 'c.txt', 'd.html']);
    const docs = db.prepare('SELECT path, format FROM documents ORDER BY path').all();
    expect(docs).toEqual([
      { path: join(dir, 'in', 'a.txt.gz'), format: 'txt' },
      { path: join(dir, 'in', 'b.zip', 'inner', 'c.txt'), format: 'txt' },
      { path: join(dir, 'in', 'b.zip', 'inner', 'd.html'), format: 'html' },
    ]);
    expect(summary.failed.map((f) => [f.path.replace(/.*\//, ''), f.reason])).toEqual([
      ['f.txt.xz', expect.stringMatching(/^a compressed file ties does not read/)],
      [
        'h.zip',
        expect.stringMatching(/h\.zip holds no \.txt, \.md or \.html document \(1 other files\)$/),
      ],
      ['g.txt.gz', expect.stringMatching(/g\.txt\.gz does not decompress as gzip/)],
    ]);
  });

  it('says so when a folder holds no document', async () => {
    writeFileSync(join(dir, 'in', 'notes.pdf'), 'x');
    const summary = await ingestPaths(db, [join(dir, 'in')], { workers: 0 });
    expect(summary.added).toBe(0);
    expect(summary.failed).toEqual([
      { path: join(dir, 'in'), reason: expect.stringMatching(/^no documents in this folder/) },
    ]);
  });

  it('warns, file by file, when bytes are read as Windows-1252', async () => {
    writeFileSync(
      join(dir, 'in', 'latin.txt'),
      Buffer.from(`${story(2, 7)}Caf\xe9 talks.\n`, 'latin1'),
    );
    write('plain.txt', story(2, 1));
    const files: FileOutcome[] = [];
    await ingestPaths(db, [join(dir, 'in')], { workers: 0, onFile: (r) => files.push(r) });
    expect(files.map((f) => (f.status === 'failed' ? f.reason : f.warnings))).toEqual([
      [expect.stringMatching(/latin\.txt is not valid UTF-8; it was read as Windows-1252$/)],
      [],
    ]);
  });
});

/** A ZIP archive of stored (uncompressed) members. */
function zip(members: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of members) {
    const data = Buffer.from(text);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const dirBytes = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}
