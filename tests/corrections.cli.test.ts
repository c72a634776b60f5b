// Curation from the command line as a user runs it (`node bin/ties.js …` on real database
// files): every correction kind, re-ingest, export to another store, gold lines, deleting and
// re-dating documents, and `ties start` keeping the sample corpus out of the user's database.
import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timeline as storedTimeline } from '../src/services/events.service.ts';
import { openDatabase } from '../src/store/db.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'ties.js');
// Written for these tests (as in corrections.test.ts).
const A =
  'Pakistan recognized Azerbaijan on 12 December 1991. In 1995 the President of Pakistan visited Azerbaijan. Turkey signed a trade agreement with Azerbaijan in March 2001.\n';
const B = 'Pakistan recognized Azerbaijan in December 1991, soon after the Soviet collapse.\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-corrections-cli-'));
  writeFileSync(join(dir, 'a.txt'), A);
  writeFileSync(join(dir, 'b.txt'), B);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Asynchronous, so the test worker keeps answering vitest while a command runs.
function ties(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, TIES_DB: '', ...env },
        timeout: 120_000,
      },
      (error, stdout, stderr) => {
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr,
        });
      },
    );
  });
}

interface Ev {
  id: string;
  type: string;
  date: string | null;
  actors: string[];
  mentions: { documentId: string; evidence: { start: number; end: number } }[];
  corrections?: { kind: string }[];
}
// Reads of the store in-process (a spawn costs seconds on a busy machine): the commands under
// test are the ones that write.
function read<T>(file: string, f: (db: ReturnType<typeof openDatabase>) => T): T {
  const db = openDatabase(file);
  try {
    return f(db);
  } finally {
    db.close();
  }
}
const timeline = (file: string, a = 'PAK', b = 'AZE'): Ev[] =>
  read(file, (db) => storedTimeline(db, { a, b }).events as Ev[]);
const docId = (file: string, name: string): string =>
  read(
    file,
    (db) => db.prepare('SELECT id FROM documents WHERE title = ?').pluck().get(name) as string,
  );

describe('ties corrections', () => {
  it('each kind, re-applied by a re-ingest with a new date, shared with another store, and written as gold', async () => {
    const db = join(dir, 'one.db');
    expect((await ties(['ingest', 'a.txt', 'b.txt', '--db', db])).code).toBe(0);
    const a = docId(db, 'a');
    const b = docId(db, 'b');
    const find = (type: string) => timeline(db).find((e) => e.type === type)!;

    let r = await ties(
      [
        'corrections',
        'add',
        'date',
        '--event',
        find('CONSULT').id,
        '--date',
        '1995-06',
        '--note',
        'June',
        '--db',
        db,
      ],
      { TIES_AUTHOR: 'Ayla' },
    );
    expect(r.stdout).toMatch(/date\s+applied .* date="1995-06"\n.*\(Ayla, .*\) — June/);
    r = await ties([
      'corrections',
      'add',
      'type',
      '--event',
      find('CONSULT').id,
      '--type',
      'agree',
      '--db',
      db,
    ]);
    expect(r.code).toBe(0);
    r = await ties([
      'corrections',
      'add',
      'participants',
      '--event',
      timeline(db, 'TUR', 'AZE')[0]!.id,
      '--source',
      'Turkey',
      '--target',
      'Pakistan',
      '--db',
      db,
    ]);
    expect(timeline(db, 'TUR', 'PAK').map((e) => e.type)).toEqual(['AGREE']);
    const shared = find('SUPPORT');
    const m = shared.mentions.find((x) => x.documentId === b)!;
    expect(
      (
        await ties([
          'corrections',
          'add',
          'split',
          '--document',
          b.slice(0, 12),
          '--span',
          `${m.evidence.start}:${m.evidence.end}`,
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    const apart = timeline(db).filter((e) => e.type === 'SUPPORT');
    expect(apart).toHaveLength(2);
    expect(
      (
        await ties([
          'corrections',
          'add',
          'merge',
          '--event',
          apart[1]!.id,
          '--with',
          apart[0]!.id,
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    expect(
      timeline(db)
        .filter((e) => e.type === 'SUPPORT')
        .map((e) => e.mentions.length),
    ).toEqual([2]);
    const start = B.indexOf('soon after');
    r = await ties([
      'corrections',
      'add',
      'add',
      '--document',
      b,
      '--span',
      `${start}:${start + 'soon after the Soviet collapse'.length}`,
      '--type',
      'RETREAT',
      '--actors',
      'SUN',
      '--date',
      '1991-12',
      '--db',
      db,
    ]);
    expect(r.stdout).toMatch(/events now: \d+/);
    r = await ties(['corrections', 'add', 'reject', '--event', find('SUPPORT').id, '--db', db]);
    expect(r.stdout).toContain('no event holds the corrected mention now');
    expect(timeline(db).map((e) => [e.type, e.date])).toEqual([['AGREE', '1995-06']]);

    // Bad input: one line, exit code, nothing stored.
    r = await ties([
      'corrections',
      'add',
      'date',
      '--event',
      find('AGREE').id,
      '--date',
      '1995-99',
      '--db',
      db,
    ]);
    expect([r.code, r.stderr.trim()]).toEqual([
      2,
      'ties corrections: date must be YYYY, YYYY-MM, YYYY-MM-DD or START/END of those',
    ]);
    expect(
      read(db, (x) =>
        x.prepare("SELECT count(*) FROM corrections WHERE value LIKE '%1995-99%'").pluck().get(),
      ),
    ).toBe(0);

    // A new date re-extracts a and re-applies its corrections.
    r = await ties(['ingest', 'a.txt', '--date', '2021-06-16', '--db', db]);
    expect(r.stdout).toMatch(/re-extracted with the new date: 1/);
    expect(timeline(db).map((e) => [e.type, e.date, e.corrections?.map((c) => c.kind)])).toEqual([
      ['AGREE', '1995-06', ['date', 'type']],
    ]);
    expect((await ties(['timeline', 'PAK', 'AZE', '--db', db])).stdout).toMatch(
      /AGREE\s+Pakistan → Azerbaijan\s+\(corrected: date, type\)/,
    );

    // To another store: the corrections wait for their documents, which bring them into effect.
    const out = join(dir, 'corrections.jsonl');
    expect((await ties(['corrections', 'export', '--out', out, '--db', db])).stderr).toMatch(
      /corrections\.jsonl: 8 corrections/,
    );
    const two = join(dir, 'two.db');
    r = await ties(['corrections', 'import', out, '--db', two]);
    expect(r.stdout).toMatch(
      /corrections added: 8, already stored: 0, waiting for their document: 8/,
    );
    expect(
      (await ties(['ingest', 'a.txt', 'b.txt', '--date', '2021-06-16', '--db', two])).code,
    ).toBe(0);
    expect(timeline(two).map((e) => [e.type, e.date])).toEqual([['AGREE', '1995-06']]);
    expect(timeline(two, 'SUN', '').map((e) => [e.type, e.date])).toEqual([['RETREAT', '1991-12']]);

    // Gold for ../shared/eval: the document's events as corrected, offsets into its stored text.
    const gold = join(dir, 'a.gold.jsonl');
    const text = join(dir, 'a.stored.txt');
    expect(
      (
        await ties([
          'corrections',
          'export',
          '--gold',
          '--document',
          a,
          '--out',
          gold,
          '--text',
          text,
          '--db',
          db,
        ])
      ).code,
    ).toBe(0);
    const lines = readFileSync(gold, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((g) => [g.type, g.date, g.actors])).toEqual([
      ['AGREE', '1995-06', ['PAK', 'AZE']],
      ['AGREE', '2001-03', ['TUR', 'PAK']],
    ]);
    for (const g of lines)
      expect(readFileSync(text, 'utf8').slice(g.start, g.end)).toBe(g.evidence);
  }, 300_000);
});

describe('ties documents rm and set', () => {
  it('deletes a document, leaving the event it shared with one source; re-dates another', async () => {
    const db = join(dir, 'docs.db');
    await ties(['ingest', 'a.txt', 'b.txt', '--db', db]);
    const a = docId(db, 'a');
    let r = await ties(['documents', 'rm', a.slice(0, 10), '--db', db]);
    expect(r.stdout).toMatch(
      /^deleted [0-9a-f]{12} a\nevents removed: 2, recomputed from their other sources: 1, corrections deleted: 0/,
    );
    expect(timeline(db).map((e) => [e.type, e.date, e.mentions.length])).toEqual([
      ['SUPPORT', '1991-12', 1],
    ]);
    r = await ties(['documents', 'rm', a, '--db', db]);
    expect([r.code, r.stderr.trim()]).toEqual([4, `ties documents: no document ${a}`]);
    r = await ties(['documents', 'set', docId(db, 'b'), '--date', '2020-01-01', '--db', db]);
    expect(r.stdout).toMatch(/2020-01-01 {2}b {2}\(re-extracted\)/);
    expect((await ties(['documents', 'set', 'zz', '--db', db])).stderr).toMatch(
      /set needs --date or --title/,
    );
  }, 120_000);
});

describe('ties start', () => {
  async function started(
    args: string[],
    env: Record<string, string>,
  ): Promise<{ url: string; output: string; stop: () => Promise<void> }> {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', ...args], {
      cwd: join(dir, 'home'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TIES_DB: '', ...env },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (b: Buffer) => {
        output += b.toString();
        const m = /serving (http:\/\/\S+\/)/.exec(output);
        if (m) resolve(m[1]!);
      });
      child.stderr.on('data', (b: Buffer) => (output += b.toString()));
      child.on('exit', () => reject(new Error(`exited early: ${output}`)));
    });
    const stop = () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      });
    return { url, output, stop };
  }

  it('serves the sample corpus from its own database when the user has none, and never fills theirs', async () => {
    mkdirSync(join(dir, 'home'));
    const corpus = join(dir, 'sample-corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'b.txt'), B);
    const sample = join(dir, 'sample.db');
    const env = { TIES_SAMPLE_DB: sample };
    const first = await started(['--corpus', corpus], env);
    expect(first.output).toContain(`serving the sample corpus from ${sample}`);
    expect(first.output).toMatch(/corpus: 1 added/);
    await first.stop();
    expect(existsSync(join(dir, 'home', 'ties.db'))).toBe(false);

    const mine = join(dir, 'mine.db');
    const second = await started(['--db', mine], env);
    expect(second.output).toContain(
      `serving your database ${mine} (the sample corpus is not added to it`,
    );
    expect((await (await fetch(`${second.url}api/documents`)).json()).total).toBe(0);
    await second.stop();
  }, 120_000);
});
