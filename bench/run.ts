// `npm run bench`: runs every benchmark in order and prints its lines. Pass names to run a few.
import type { Benchmark } from './benchmark.ts';
import { extractBenchmark } from './extract.ts';
import { webBenchmark } from './web.ts';
import { interopBenchmark } from './interop.ts';
import { storeBenchmark } from './store.ts';

const all: Benchmark[] = [extractBenchmark, webBenchmark, interopBenchmark, storeBenchmark];

const only = process.argv.slice(2);
for (const b of all) {
  if (only.length && !only.includes(b.name)) continue;
  for (const line of await b.run()) console.log(`${b.name}: ${line}`);
}
