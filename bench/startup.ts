// Start-up of the command: `ties --help` (the compiled CLI, as `npm install` builds it) against
// `node -e 0` in the same run, alternated so that both see the same load on a shared machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Benchmark } from './benchmark.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = 21;

function wall(args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** `npm run bench startup`. */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  async run() {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is not built: run npm run build first');
    }
    const help: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      help.push(wall([join(ROOT, 'bin', 'ties.js'), '--help']));
      bare.push(wall(['-e', '0']));
    }
    const h = median(help);
    const n = median(bare);
    return [
      `ties --help ${h.toFixed(0)} ms, node -e 0 ${n.toFixed(0)} ms (median of ${RUNS} each): ` +
        `${(h - n).toFixed(0)} ms of our own, ${(h / n).toFixed(2)}x; target under 300 ms`,
    ];
  },
};
