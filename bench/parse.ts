// The token layer's throughput on one core (`npm run bench parse`): words/s of the tagger and
// parser on the bundled corpus, and of the whole layer from raw text, next to a plain regex
// tokenizer (words, numbers and marks: what the event rules read before the layer) over the
// same text in the same run (the baseline).
// The tagger and parser get each document's sentences together, as `annotate` gives them
// (`analyzeSentences` runs each model over a batch of sentences while its weights are cached).
import { analyzeSentences, annotate, loadModels } from '../src/extract/syntax/index.ts';
import { tokenizeText } from '../src/extract/syntax/tokenizer.ts';
import { type Benchmark, cpuSeconds, repeatedCorpus, seconds } from './benchmark.ts';

const TARGET_BYTES = 2 * 1024 * 1024;

// The baseline: one regex over the text, a number with its separators and a word with its
// contraction each one token, every other mark one.
const TOKEN =
  /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’](?:t|s|ll|re|ve|d|m)\b)?|[^\s\p{L}\p{N}]/gu;
const tokenize = (text: string) => text.match(TOKEN) ?? [];

export const parseBenchmark: Benchmark = {
  name: 'parse',
  async run() {
    let m!: ReturnType<typeof loadModels>;
    const load = seconds(() => (m = loadModels()));
    const docs = repeatedCorpus(TARGET_BYTES);
    const mb = docs.reduce((n, d) => n + Buffer.byteLength(d), 0) / (1024 * 1024);
    annotate(docs[0]!, m); // warm up the JIT before timing
    let regexTokens = 0;
    const baseline = seconds(() => {
      for (const d of docs) regexTokens += tokenize(d).length;
    });
    const baselineCpu = cpuSeconds(() => {
      for (const d of docs) tokenize(d);
    });
    // Each document's sentences, as lists of words.
    const byDoc: string[][][] = [];
    const tokenizing = seconds(() => {
      for (const d of docs) {
        const raw = tokenizeText(d);
        const sentences: string[][] = [];
        for (let i = 0; i < raw.length; ) {
          let j = i;
          while (j < raw.length && raw[j]!.sentence === raw[i]!.sentence) j++;
          sentences.push(raw.slice(i, j).map((t) => t.text));
          i = j;
        }
        byDoc.push(sentences);
      }
    });
    const sentences = byDoc.flat();
    const words = sentences.reduce((n, s) => n + s.length, 0);
    const tagParse = seconds(() => {
      for (const d of byDoc) analyzeSentences(d, m);
    });
    const tagParseCpu = cpuSeconds(() => {
      for (const d of byDoc) analyzeSentences(d, m);
    });
    const layer = seconds(() => {
      for (const d of docs) annotate(d, m);
    });
    const k = (x: number) => `${Math.round(x / 1000)}k`;
    return [
      `corpus ${mb.toFixed(1)} MB, ${words} words in ${sentences.length} sentences; models loaded in ${(load * 1000).toFixed(0)} ms`,
      `baseline (regex tokenizer): ${k(regexTokens / baseline)} tokens/s`,
      `UD tokenizer: ${k(words / tokenizing)} words/s`,
      `tagger+parser (with lemmas and relations): ${k(words / tagParse)} words/s; ${(tagParse / baseline).toFixed(1)}× the baseline's time`,
      `CPU time: tagger+parser ${k(words / tagParseCpu)} words/s, baseline ${k(regexTokens / baselineCpu)} tokens/s`,
      `whole layer from raw text: ${k(words / layer)} words/s, ${(mb / layer).toFixed(2)} MB/s`,
    ];
  },
};
