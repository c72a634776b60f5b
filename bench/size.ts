// Ingest and extraction at size (issue 15), each run of the compiled CLI measured by
// /usr/bin/time -v (peak RSS): a 100 MB document, a file of a million short lines, a 210 MB file
// alone and in a folder of 40 documents, and replacing changed documents against adding them.
// Documents are generated from corpus/ (no ../shared). SIZE_MB changes the 100 MB.
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ingestPaths } from '../src/services/ingest.service.ts';
import { openDatabase } from '../src/store/db.ts';
import type { Benchmark } from './benchmark.ts';

const ROOT = join(import.meta.dirname, '..');
const MB = 1024 * 1024;

/** A text of about `bytes` bytes: the corpus over and over, each copy's years moved on. */
function bigText(bytes: number): string {
  const dir = join(ROOT, 'corpus');
  const docs = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const d = docs[i % docs.length]!.replace(
      /\b(19|20)(\d\d)\b/g,
      (_, c, y) => `${c}${String((Number(y) + i) % 100).padStart(2, '0')}`,
    );
    parts.push(d);
    n += Buffer.byteLength(d);
  }
  return parts.join('\n\n');
}

/** A million short lines, each a sentence naming two states. */
function shortLines(): string {
  const states = ['France', 'Germany', 'Iran', 'Chad', 'Peru', 'Chile', 'Japan', 'Kenya'];
  const verbs = ['met', 'signed a deal with', 'praised', 'accused', 'visited'];
  const lines: string[] = [];
  for (let i = 0; i < 1_000_000; i++) {
    lines.push(
      `${states[i % 8]} ${verbs[i % 5]} ${states[(i * 3 + 1) % 8]} in ${1950 + (i % 70)}.`,
    );
  }
  return lines.join('\n');
}

/** Runs the CLI under /usr/bin/time -v: exit code, peak RSS in MB, wall seconds, last stderr line. */
function timed(
  args: string[],
  cwd: string,
): { code: number | null; rssMb: number; seconds: number; stderr: string } {
  const t = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, join(ROOT, 'bin', 'ties.js'), ...args],
    { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * MB },
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  const own = r.stderr.split('\n').filter((l) => l && !/^\t|^Command (being timed|exited)/.test(l));
  return {
    code: r.status,
    rssMb: rss ? Math.round(Number(rss) / 1024) : NaN,
    seconds: (performance.now() - t) / 1000,
    stderr: own.at(-1) ?? '',
  };
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(0)} MB`;

export const sizeBenchmark: Benchmark = {
  name: 'size',
  async run() {
    if (!existsSync('/usr/bin/time'))
      return ['skipped: needs /usr/bin/time (apt-get install time)'];
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js')))
      throw new Error('dist/ is not built: run npm run build first');
    const dir = mkdtempSync(join(tmpdir(), 'ties-size-'));
    const lines: string[] = [];
    try {
      const big = join(dir, 'big.txt');
      const text = bigText(Number(process.env.SIZE_MB ?? 100) * 1_000_000);
      writeFileSync(big, text);
      // At the default limit the document is refused: the target's "or a refusal above a
      // stated limit". Then over the limit on purpose: the peak of a text this size, let in.
      let r = timed(['extract', big, '--json'], dir);
      lines.push(
        `extract of a ${mb(Buffer.byteLength(text))} document at the default limit: exit ${r.code} in ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMb} MB: ${r.stderr} (target < 1,500 MB, or a refusal above a stated limit)`,
      );
      r = timed(['extract', big, '--json', '--max-bytes', '128M'], dir);
      lines.push(
        `extract of the same document let in (--max-bytes 128M): peak RSS ${r.rssMb} MB, ${r.seconds.toFixed(0)} s, exit ${r.code}`,
      );

      const short = join(dir, 'lines.txt');
      writeFileSync(short, shortLines());
      r = timed(['extract', short, '--json'], dir);
      lines.push(
        `extract of a million short lines (${mb(Buffer.byteLength(readFileSync(short)))}): peak RSS ${r.rssMb} MB, ${r.seconds.toFixed(0)} s, exit ${r.code}`,
      );

      const huge = join(dir, 'folder', 'huge.txt');
      mkdirSync(join(dir, 'folder'));
      const chunk = Buffer.from(text.slice(0, 10 * MB));
      writeFileSync(huge, Buffer.concat(Array.from({ length: 21 }, () => chunk)));
      r = timed(['extract', huge], dir);
      lines.push(
        `extract of a 210 MB file: exit ${r.code} in ${r.seconds.toFixed(1)} s, peak RSS ${r.rssMb} MB: ${r.stderr}`,
      );
      const essays = text.split('\n\n').filter((p) => p.length > 400);
      for (let i = 0; i < 40; i++)
        writeFileSync(
          join(dir, 'folder', `doc${String(i).padStart(2, '0')}.txt`),
          `Report ${i}\n\n${essays[i % essays.length]}\n`,
        );
      r = timed(['ingest', join(dir, 'folder'), '--db', join(dir, 'folder.db')], dir);
      const db = openDatabase(join(dir, 'folder.db'));
      const stored = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
      db.close();
      lines.push(
        `ingest of a folder of 40 documents and the 210 MB file: ${stored} stored, exit ${r.code}, peak RSS ${r.rssMb} MB (target: 40 stored, one failure)`,
      );

      // Replacing: the same files changed (each a sentence more), against adding them.
      const docs = join(dir, 'docs');
      mkdirSync(docs);
      const N = 1000;
      for (let i = 0; i < N; i++)
        writeFileSync(join(docs, `d${i}.txt`), `Report ${i}\n\n${essays[i % essays.length]}\n`);
      const store = openDatabase(join(dir, 'replace.db'));
      let t = performance.now();
      await ingestPaths(store, [docs], { workers: 0 });
      const add = performance.now() - t;
      for (let i = 0; i < N; i++)
        writeFileSync(
          join(docs, `d${i}.txt`),
          `Report ${i}, revised\n\n${essays[(i + 1) % essays.length]}\n`,
        );
      t = performance.now();
      const s = await ingestPaths(store, [docs], { workers: 0 });
      const replace = performance.now() - t;
      store.close();
      lines.push(
        `replace ${s.replaced} changed documents: ${(replace / 1000).toFixed(1)} s, against ${(add / 1000).toFixed(1)} s to add them (${(replace / add).toFixed(1)}×; target about 1×)`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return lines;
  },
};
