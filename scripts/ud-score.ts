// Scores predicted CoNLL-U against gold over the same words, as the CoNLL 2018 shared task's
// scorer does when tokenization is gold: UPOS accuracy, UAS, and LAS on the universal part of
// the relation (subtypes such as ":pass" ignored), every word counted, punctuation included.
// Usage: node --import tsx scripts/ud-score.ts GOLD.conllu PRED.conllu
import { readFileSync } from 'node:fs';
import { readConllu, type ConlluSentence } from '../src/extract/syntax/conllu.ts';

/** The scores, in percent, and the number of words scored. */
export interface UdScores {
  words: number;
  upos: number;
  uas: number;
  las: number;
  /** LAS with the full relation, subtypes included. */
  lasFull: number;
}

/** Scores `pred` against `gold`; throws when their sentences or words do not line up. */
export function scoreUd(
  gold: readonly ConlluSentence[],
  pred: readonly ConlluSentence[],
): UdScores {
  if (gold.length !== pred.length) {
    throw new Error(`gold has ${gold.length} sentences, prediction ${pred.length}`);
  }
  let words = 0,
    upos = 0,
    uas = 0,
    las = 0,
    lasFull = 0;
  const universal = (r: string) => r.split(':')[0];
  gold.forEach((g, s) => {
    const p = pred[s]!;
    if (g.words.length !== p.words.length) throw new Error(`sentence ${s + 1}: words differ`);
    g.words.forEach((gw, i) => {
      const pw = p.words[i]!;
      if (gw.form !== pw.form) throw new Error(`sentence ${s + 1}: '${gw.form}' ≠ '${pw.form}'`);
      words++;
      if (gw.upos === pw.upos) upos++;
      if (gw.head === pw.head) {
        uas++;
        if (universal(gw.deprel) === universal(pw.deprel)) las++;
        if (gw.deprel === pw.deprel) lasFull++;
      }
    });
  });
  const pct = (x: number) => (100 * x) / Math.max(words, 1);
  return { words, upos: pct(upos), uas: pct(uas), las: pct(las), lasFull: pct(lasFull) };
}

/** One line: "UPOS 95.12% UAS 86.40% LAS 82.90% (LAS with subtypes 81.20%, 25096 words)". */
export function formatUd(s: UdScores): string {
  const f = (x: number) => `${x.toFixed(2)}%`;
  const extra = `(LAS with subtypes ${f(s.lasFull)}, ${s.words} words)`;
  return `UPOS ${f(s.upos)} UAS ${f(s.uas)} LAS ${f(s.las)} ${extra}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [goldPath, predPath] = process.argv.slice(2);
  if (!goldPath || !predPath) {
    console.error('usage: node --import tsx scripts/ud-score.ts GOLD.conllu PRED.conllu');
    process.exit(2);
  }
  const read = (p: string) => readConllu(readFileSync(p, 'utf8'));
  console.log(formatUd(scoreUd(read(goldPath), read(predPath))));
}
