// The shape of one benchmark of `npm run bench`. Each reports figures next to a baseline
// measured in the same run, because these machines are shared and noisy.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One benchmark: `run` returns the lines it prints. */
export interface Benchmark {
  name: string;
  /** What it reads from ../shared (a path inside it), when it needs the shared data. */
  shared?: string;
  run(): Promise<string[]>;
}

/** Month names, for generated documents: the page's own table. */
export { MONTHS } from '../web/dates.ts';

/** A deterministic pseudo-random source, so both runs of a comparison see the same data. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return s / 4294967296;
  };
}

/** The bundled corpus (corpus/*.txt, *.md), as many times over as it takes to pass `bytes`. */
export function repeatedCorpus(bytes: number): string[] {
  const dir = join(import.meta.dirname, '..', 'corpus');
  const docs = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
  const out: string[] = [];
  for (let i = 0, total = 0; total < bytes; i++) {
    const d = docs[i % docs.length]!;
    out.push(d);
    total += Buffer.byteLength(d);
  }
  return out;
}

/** The wall-clock seconds `f` takes. */
export function seconds(f: () => void): number {
  const t = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** The CPU seconds `f` takes (user and system), which other processes on the machine share less. */
export function cpuSeconds(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}
