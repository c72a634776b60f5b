// The extractor's throughput on one core: MB/s and sentences/s over ≥ 10 MB of documents, and peak
// memory, next to a plain tokenizer pass over the same text in the same run (the baseline); in
// wall-clock and in CPU time, which other processes on the shared machine change less.
import { extract } from '../src/extract/index.ts';
import { splitSentences } from '../src/extract/text/sentences.ts';
import { type Benchmark, cpuSeconds, repeatedCorpus, seconds } from './benchmark.ts';

const TARGET_BYTES = 10 * 1024 * 1024;

export const extractBenchmark: Benchmark = {
  name: 'extract',
  async run() {
    const docs = repeatedCorpus(TARGET_BYTES);
    const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / (1024 * 1024);
    // Load lexicons, gazetteers and the parser's models before timing: each distinct document
    // once, since one that no tree decision asks about leaves the models unloaded.
    for (const d of new Set(docs)) extract({ text: d });
    let words = 0;
    const tokenize = () => {
      for (const d of docs) words += d.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu)?.length ?? 0;
    };
    let baselineCpu = 0;
    const baseline = seconds(() => (baselineCpu = cpuSeconds(tokenize)));
    let sentences = 0;
    for (const d of docs) sentences += splitSentences(d).length;
    let events = 0;
    let fullCpu = 0;
    const full = seconds(
      () =>
        (fullCpu = cpuSeconds(() => {
          for (const d of docs) events += extract({ text: d }).events.length;
        })),
    );
    const peak = process.resourceUsage().maxRSS / 1024;
    return [
      `corpus ${mb.toFixed(1)} MB in ${docs.length} documents, ${sentences} sentences, ${words} tokens`,
      `baseline (regex tokenizer): ${(mb / baseline).toFixed(1)} MB/s`,
      `extractor (whole pipeline): ${(mb / full).toFixed(2)} MB/s, ${Math.round(sentences / full)} sentences/s, ${events} events; ${(full / baseline).toFixed(1)}× the baseline's time`,
      `CPU time: extractor ${(mb / fullCpu).toFixed(2)} MB/s, baseline ` +
        `${(mb / baselineCpu).toFixed(1)} MB/s; ${(fullCpu / baselineCpu).toFixed(1)}× its time`,
      `peak memory (max RSS of this process): ${Math.round(peak)} MB`,
    ];
  },
};
