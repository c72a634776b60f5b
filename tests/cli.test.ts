// The CLI as a user runs it: `node bin/ties.js …` as a child process on a real database file.
// Includes the crash test: SIGKILL an ingest midway, check every stored document has all its
// facts, rerun to completion.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/extract/index.ts';
import { readDocument } from '../src/extract/input/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import { createApp } from '../src/http/app.ts';
import { openDatabase } from '../src/store/db.ts';
import { countFacts } from '../src/store/facts.repo.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'ties.js');
const ESSAY = readFileSync(join(ROOT, 'corpus', 'azerbaijan-pakistan.txt'), 'utf8');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ties-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The timeout only stops a hung command; the default suits every command but a corpus rerun.
function ties(args: string[], env: Record<string, string> = {}, timeout = 120_000) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Checks that every stored document has exactly the facts a fresh extraction of its file gives. */
function checkWhole(dbFile: string): number {
  const db = openDatabase(dbFile);
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const docs = db.prepare('SELECT id, path, date FROM documents').all() as {
      id: string;
      path: string;
      date: string | null;
    }[];
    for (const d of docs) {
      const read = readDocument(readFileSync(d.path), { name: d.path });
      const x = extract({ text: read.text, title: read.title, date: d.date });
      expect(countFacts(db, d.id), d.path).toEqual({
        mentions: x.events.length,
        prospects: x.prospects.length,
        figures: x.figures.length,
        stances: x.stances.length,
        sentences: splitSentences(read.text).length,
      });
    }
    // Every event is backed by its mentions, and counts them right.
    const orphans = db
      .prepare(
        'SELECT count(*) FROM events e WHERE mention_count != (SELECT count(*) FROM mentions m WHERE m.event_id = e.id) OR mention_count = 0',
      )
      .pluck()
      .get();
    expect(orphans).toBe(0);
    return docs.length;
  } finally {
    db.close();
  }
}

describe('ties ingest, timeline, search', () => {
  it('ingests a folder, reports failures with reasons, and is a no-op the second time', () => {
    const corpus = join(dir, 'corpus1');
    mkdirSync(join(corpus, 'sub'), { recursive: true });
    writeFileSync(join(corpus, 'essay.txt'), ESSAY);
    writeFileSync(
      join(corpus, 'sub', 'note.md'),
      '# A note\n\nIndia and Pakistan held talks in Agra in July 2001.\n',
    );
    writeFileSync(join(corpus, 'empty.txt'), '');
    writeFileSync(
      join(corpus, 'image.txt'),
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]),
    );
    writeFileSync(join(corpus, 'ignored.pdf'), '%PDF');
    const first = ties(['ingest', corpus, '--date', '2021-06-16', '--db', 'a.db']);
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(
      /^documents added: 2, unchanged: 0, failed: 2\nevents found: [1-9]\d*\n/,
    );
    expect(first.stdout).toContain(`failed ${join(corpus, 'empty.txt')}: `);
    expect(first.stdout).toContain(`failed ${join(corpus, 'image.txt')}: `);
    // Not a terminal: one plain progress line per file.
    expect(first.stderr.trim().split('\n')).toHaveLength(4);
    expect(first.stderr).toMatch(/\[\d\/4\] added +.*essay\.txt \(\d+ events\)/);

    const again = ties(['ingest', join(corpus, 'essay.txt'), join(corpus, 'sub'), '--db', 'a.db']);
    expect([again.code, again.stdout]).toEqual([
      0,
      'documents added: 0, unchanged: 2, failed: 0\nevents found: 0\n',
    ]);
    expect(checkWhole(join(dir, 'a.db'))).toBe(2);
  });

  it('says when a folder holds no document, and warns of a file read as Windows-1252', () => {
    mkdirSync(join(dir, 'nothing'));
    writeFileSync(join(dir, 'nothing', 'scan.pdf'), '%PDF');
    const empty = ties(['ingest', join(dir, 'nothing'), '--db', 'e.db']);
    expect([empty.code, empty.stdout]).toEqual([
      1,
      `documents added: 0, unchanged: 0, failed: 1\nevents found: 0\n  failed ${join(dir, 'nothing')}: no documents in this folder (.txt, .md, .html, .htm, or those in .gz or .zip)\n`,
    ]);
    const latin = join(dir, 'latin.txt');
    writeFileSync(
      latin,
      Buffer.from(
        'Chile and Peru held talks in Lima in May 1998 on the caf\xe9 trade.\n',
        'latin1',
      ),
    );
    const r = ties(['ingest', latin, '--db', 'e.db']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      `warning   ${latin}: ${latin} is not valid UTF-8; it was read as Windows-1252\n`,
    );
  });

  it('replaces the facts of a changed file', () => {
    const file = join(dir, 'changing.txt');
    writeFileSync(file, 'Azerbaijan and Pakistan signed a trade agreement in 1995.\n');
    expect(ties(['ingest', file, '--db', 'b.db']).code).toBe(0);
    writeFileSync(file, 'Azerbaijan and Pakistan signed a defence agreement in 2003.\n');
    const r = ties(['ingest', file, '--db', 'b.db']);
    expect(r.stdout).toMatch(
      /^documents added: 1, unchanged: 0, failed: 0, replaced older versions: 1\n/,
    );
    const db = openDatabase(join(dir, 'b.db'));
    expect(db.prepare('SELECT count(*) FROM documents').pluck().get()).toBe(1);
    expect(
      db
        .prepare(`SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'trade'`)
        .pluck()
        .get(),
    ).toBe(0);
    db.close();
    expect(checkWhole(join(dir, 'b.db'))).toBe(1);
  });

  it('prints the timeline by country names, the same events as GET /api/events', async () => {
    const text = ties(['timeline', 'Azerbaijan', 'Pakistan', '--db', 'a.db']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Azerbaijan \(AZE\) – Pakistan \(PAK\): [1-9]\d* events?\n/);
    const cli = JSON.parse(
      ties(['timeline', 'Azerbaijan', 'Pakistan', '--json', '--db', 'a.db']).stdout,
    );
    const db = openDatabase(join(dir, 'a.db'));
    const api = await (await createApp({ db }).request('/api/events?a=AZE&b=PAK&limit=500')).json();
    db.close();
    expect(cli.events).toEqual(api.items);
    const dated = cli.events
      .filter((e: { date: string | null }) => e.date)
      .map((e: { dateFirst: string }) => e.dateFirst);
    expect(dated).toEqual([...dated].sort());
    expect(cli.events.findIndex((e: { date: string | null }) => !e.date)).not.toBe(0);
  });

  it.each([
    [['timeline', 'Narnia', '--db', 'a.db'], 4, /Narnia/],
    [['timeline', 'AZE', '--from', '19', '--db', 'a.db'], 2, /from/],
    [['timeline', 'AZE', '--type', 'HUG', '--db', 'a.db'], 2, /PLOVER/],
    [['timeline', 'AZE', '--db', 'missing.db'], 4, /no database/],
    [['timeline', '--db', 'a.db'], 2, /one or two/],
    [['ingest', '--db', 'a.db'], 2, /at least one/],
    [['ingest', 'x', '--date', 'June', '--db', 'a.db'], 2, /date/],
    [
      ['ingest', 'x', '--jobs', 'many', '--db', 'a.db'],
      2,
      /--jobs takes a whole number from 0 to 64, not 'many'/,
    ],
    [['ingest', 'x', '--jobs', '65', '--db', 'a.db'], 2, /--jobs takes a whole number/],
    [
      ['ingest', 'x', '--max-bytes', 'lots', '--db', 'a.db'],
      2,
      /--max-bytes takes a size in bytes \(as 5000000, 64M or 1G\), not 'lots'/,
    ],
    [
      ['extract', join(ROOT, 'corpus', 'azerbaijan-pakistan.txt'), '--max-bytes', '1K'],
      3,
      /^ties extract: \S+azerbaijan-pakistan\.txt is \d+ bytes, over the limit of 1024 bytes a document \(--max-bytes; split it, or raise the limit\)\n$/,
    ],
    [['search', '--db', 'a.db'], 2, /words/],
    [['serve', '--port', 'http'], 2, /port/],
  ])('ties %j exits %i', (args, code, message) => {
    const r = ties(args);
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
  });

  it('searches sentences', () => {
    const r = ties(['search', 'first', 'country', 'recogni', '--json', '--db', 'a.db']);
    const { items } = JSON.parse(r.stdout);
    expect(items[0].text).toContain('first country to recognize');
    expect(ESSAY.slice(items[0].start, items[0].end)).toBe(items[0].text);
    expect(ties(['search', 'Agra', '--db', 'a.db']).stdout).toContain('[Agra]');
  });
});

describe('a killed ingest', () => {
  it('leaves every stored document whole, and a rerun completes', async () => {
    const corpus = join(dir, 'many');
    mkdirSync(corpus);
    const paragraphs = ESSAY.split(/\n\s*\n/).filter((p) => p.trim().length > 80);
    const n = 1500;
    for (let i = 0; i < n; i++) {
      const body = [0, 1, 2]
        .map((k) => paragraphs[(i * 7 + k * 13) % paragraphs.length])
        .join('\n\n');
      writeFileSync(
        join(corpus, `doc-${String(i).padStart(4, '0')}.txt`),
        `Report ${i}\n\n${body}\n`,
      );
    }
    const dbFile = join(dir, 'killed.db');
    const child = spawn(process.execPath, [BIN, 'ingest', corpus, '--db', dbFile], {
      cwd: dir,
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    let stored = 0;
    for (let tries = 0; tries < 6000 && stored < 5; tries++) {
      await new Promise((r) => setTimeout(r, 10));
      if (!existsSync(dbFile)) continue;
      try {
        const db = openDatabase(dbFile, { readonly: true });
        stored = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
        db.close();
      } catch {
        // Not migrated yet, or busy: poll again.
      }
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = checkWhole(dbFile);
    expect(before).toBeGreaterThanOrEqual(5);
    expect(before).toBeLessThan(n);

    // 1,500 documents: minutes on a machine shared with other jobs.
    const rerun = ties(['ingest', corpus, '--db', dbFile], {}, 400_000);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(
      new RegExp(`^documents added: ${n - before}, unchanged: ${before}, failed: 0\\n`),
    );
    expect(checkWhole(dbFile)).toBe(n);
  }, 600_000);
});

describe('ties serve and ties start', () => {
  async function running(
    args: string[],
  ): Promise<{ url: string; output: string; stop: () => Promise<number | null> }> {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
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
      new Promise<number | null>((resolve) => {
        child.removeAllListeners('exit');
        child.on('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      });
    return { url, output, stop };
  }

  it('serve answers the API on the port it prints, and stops cleanly', async () => {
    const s = await running(['serve', '--port', '0', '--db', 'a.db']);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await (await fetch(`${s.url}api/health`)).json();
    expect(health).toMatchObject({ ok: true, documents: 2 });
    expect(await s.stop()).toBe(0);
  });

  it('start ingests the corpus once, then serves', async () => {
    const corpus = join(dir, 'start-corpus');
    mkdirSync(corpus);
    writeFileSync(join(corpus, 'essay.txt'), ESSAY);
    const first = await running(['start', '--port', '0', '--db', 'c.db', '--corpus', corpus]);
    expect(first.output).toMatch(/corpus: 1 added, 0 unchanged, 0 failed/);
    expect((await (await fetch(`${first.url}api/documents`)).json()).total).toBe(1);
    expect(await first.stop()).toBe(0);
    const second = await running(['start', '--port', '0', '--db', 'c.db', '--corpus', corpus]);
    expect(second.output).toMatch(/corpus: 0 added, 1 unchanged, 0 failed/);
    expect(await second.stop()).toBe(0);
  });
});
