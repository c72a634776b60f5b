// Start-up of the command: `ties --help` (the compiled CLI, as `npm install` builds it) against
// `node -e 0` in the same run, alternated so that both see the same load on a shared machine.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

/**
 * CPU time of the waited-for children so far, in ms (Linux: cutime + cstime of /proc/self/stat,
 * in clock ticks of 10 ms); null elsewhere. Less sensitive than wall time to a busy machine.
 */
function childrenCpu(): number | null {
  if (!existsSync('/proc/self/stat')) return null;
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 of stat(5); the slice starts at field 3.
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

/** `npm run bench startup`. */
export const startupBenchmark: Benchmark = {
  name: 'startup',
  async run() {
    if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
      throw new Error('dist/ is not built: run npm run build first');
    }
    const help: number[] = [];
    const bare: number[] = [];
    let helpCpu = 0;
    let bareCpu = 0;
    for (let i = 0; i < RUNS; i++) {
      const c0 = childrenCpu() ?? 0;
      help.push(wall([join(ROOT, 'bin', 'ties.js'), '--help']));
      const c1 = childrenCpu() ?? 0;
      bare.push(wall(['-e', '0']));
      helpCpu += c1 - c0;
      bareCpu += (childrenCpu() ?? 0) - c1;
    }
    const h = median(help);
    const n = median(bare);
    const lines = [
      `ties --help ${h.toFixed(0)} ms, node -e 0 ${n.toFixed(0)} ms wall (median of ${RUNS} each): ` +
        `${(h - n).toFixed(0)} ms of our own, ${(h / n).toFixed(2)}x; target under 300 ms`,
    ];
    if (childrenCpu() !== null) {
      const hc = helpCpu / RUNS;
      const nc = bareCpu / RUNS;
      lines.push(
        `ties --help ${hc.toFixed(0)} ms, node -e 0 ${nc.toFixed(0)} ms CPU (mean of ${RUNS} each)`,
      );
    }
    return lines;
  },
};
