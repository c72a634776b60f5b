// Preloaded into `ties serve` by the load bench (`node --import`): the delay of the server's event
// loop (perf_hooks.monitorEventLoopDelay), which is what a request waits for before it is read.
// On SIGUSR2 it appends what it measured since the last signal to TIES_BENCH_LOOP_DELAY as a JSON
// line and starts again. Plain JavaScript: the server runs the compiled CLI, without tsx.
import { appendFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.TIES_BENCH_LOOP_DELAY;
if (file) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const ms = (ns) => Math.round(ns / 1e4) / 100;
  process.on('SIGUSR2', () => {
    const line = {
      p50: ms(delay.percentile(50)),
      p99: ms(delay.percentile(99)),
      max: ms(delay.max),
    };
    appendFileSync(file, `${JSON.stringify(line)}\n`);
    delay.reset();
  });
}
