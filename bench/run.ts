// `npm run bench`: runs every benchmark in order and prints its lines. Pass names to run a few.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Benchmark } from './benchmark.ts';
import { extractBenchmark } from './extract.ts';
import { webBenchmark } from './web.ts';
import { interopBenchmark } from './interop.ts';
import { startupBenchmark } from './startup.ts';
import { sizeBenchmark } from './size.ts';
import { storeBenchmark } from './store.ts';
import { loadBenchmark } from './load.ts';
import { parseBenchmark } from './parse.ts';

const all: Benchmark[] = [
  startupBenchmark,
  extractBenchmark,
  parseBenchmark,
  webBenchmark,
  interopBenchmark,
  storeBenchmark,
  loadBenchmark,
  sizeBenchmark,
];

const only = process.argv.slice(2);
const chosen = all.filter((b) => !only.length || only.includes(b.name));
// The shared data is not part of a clone: say so in one line before measuring anything.
const shared = resolve(import.meta.dirname, '..', '..', 'shared');
for (const b of chosen) {
  if (b.shared && !existsSync(join(shared, b.shared))) {
    console.error(
      `npm run bench: ${b.name} needs ../shared/${b.shared} (not found from ${shared})`,
    );
    process.exit(2);
  }
}
for (const b of chosen) {
  for (const line of await b.run()) console.log(`${b.name}: ${line}`);
}
