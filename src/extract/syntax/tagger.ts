// An averaged-perceptron UPOS tagger, greedy left to right (Collins 2002; the feature set of
// Honnibal's "A good part-of-speech tagger in about 200 lines of Python", plus shapes, more
// affixes and word bigrams).
import { f1, f2, f3 } from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import { UPOS, type WordAtoms } from './words.ts';

const START = -1;
const END = -2;
const MAX_FEATS = 40;

/** Writes the features of word `i` into `out`, given the tags chosen for the words before it. */
function features(a: WordAtoms, tags: Uint8Array, i: number, out: Int32Array): number {
  const n = a.n;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  const wm1 = i > 0 ? a.word[i - 1]! : START;
  const wm2 = i > 1 ? a.word[i - 2]! : START;
  const wp1 = i + 1 < n ? a.word[i + 1]! : END;
  const wp2 = i + 2 < n ? a.word[i + 2]! : END;
  const w = a.word[i]!;
  let k = 0;
  out[k++] = f1(0, 0);
  out[k++] = f1(1, w);
  out[k++] = f1(2, a.suf1[i]!);
  out[k++] = f1(3, a.suf2[i]!);
  out[k++] = f1(4, a.suf3[i]!);
  out[k++] = f1(5, a.suf4[i]!);
  out[k++] = f1(6, a.pre1[i]!);
  out[k++] = f1(7, a.pre2[i]!);
  out[k++] = f1(8, a.pre3[i]!);
  out[k++] = f1(9, a.shape[i]!);
  out[k++] = f1(10, a.cased[i]!);
  out[k++] = f1(11, t1);
  out[k++] = f2(12, t2, t1);
  out[k++] = f2(13, t1, w);
  out[k++] = f1(14, t2);
  out[k++] = f1(15, wm1);
  out[k++] = f1(16, i > 0 ? a.suf3[i - 1]! : START);
  out[k++] = f1(17, wm2);
  out[k++] = f1(18, wp1);
  out[k++] = f1(19, i + 1 < n ? a.suf3[i + 1]! : END);
  out[k++] = f1(20, wp2);
  out[k++] = f2(21, wm1, w);
  out[k++] = f2(22, w, wp1);
  out[k++] = f1(23, i > 0 ? a.shape[i - 1]! : START);
  out[k++] = f1(24, i + 1 < n ? a.shape[i + 1]! : END);
  out[k++] = f2(25, t1, wp1);
  out[k++] = f2(26, i === 0 ? 1 : 0, a.shape[i]!);
  out[k++] = f2(27, t1, a.suf3[i]!);
  out[k++] = f3(28, t1, w, wp1);
  out[k++] = f2(29, wm1, wp1);
  out[k++] = f1(30, i + 2 < n ? a.suf3[i + 2]! : END);
  out[k++] = f1(31, i + 1 < n ? a.suf1[i + 1]! : END);
  return k;
}

/** Tags words with a frozen model. */
export class Tagger {
  private feats = new Int32Array(MAX_FEATS);
  private scores: Float32Array;
  constructor(readonly model: LinearModel) {
    this.scores = new Float32Array(model.classes);
  }

  /**
   * The UPOS class numbers (indices into UPOS) of the words. `fixed[i]`, when not -1, is the
   * tag of a word the treebank always tags one way (the tag dictionary), taken without scoring.
   */
  tag(a: WordAtoms, fixed?: Int8Array): Uint8Array {
    const tags = new Uint8Array(a.n);
    const s = this.scores;
    for (let i = 0; i < a.n; i++) {
      if (fixed && fixed[i]! >= 0) {
        tags[i] = fixed[i]!;
        continue;
      }
      const k = features(a, tags, i, this.feats);
      this.model.score(this.feats, k, s);
      let best = 0;
      for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
      tags[i] = best;
    }
    return tags;
  }
}

/** A sentence for training: its atoms and gold UPOS class numbers. */
export interface TaggedSentence {
  atoms: WordAtoms;
  gold: Uint8Array;
}

/** Trains a tagger for `epochs` passes over `data` in the order `orderOf(epoch)` gives. */
export function trainTagger(
  data: readonly TaggedSentence[],
  epochs: number,
  orderOf: (epoch: number) => readonly number[],
): LinearModel {
  const p = new Perceptron(UPOS.length);
  const feats = new Int32Array(MAX_FEATS);
  const scores = new Float32Array(UPOS.length);
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, gold } = data[si]!;
      const tags = new Uint8Array(atoms.n);
      for (let i = 0; i < atoms.n; i++) {
        const k = features(atoms, tags, i, feats);
        p.score(feats, k, scores);
        let best = 0;
        for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
        if (best !== gold[i]) p.update(feats, k, gold[i]!, best);
        tags[i] = best;
        p.step++;
      }
    }
  }
  return p.freeze();
}

/**
 * The tag dictionary of a treebank: forms seen at least `minCount` times with one tag at least
 * `share` of the time, sorted. Tagging them by lookup saves the scoring.
 */
export function tagDictionary(
  words: Iterable<{ form: string; upos: string }>,
  minCount = 20,
  share = 0.995,
): [string, string][] {
  const counts = new Map<string, Map<string, number>>();
  for (const w of words) {
    let m = counts.get(w.form);
    if (!m) counts.set(w.form, (m = new Map()));
    m.set(w.upos, (m.get(w.upos) ?? 0) + 1);
  }
  const out: [string, string][] = [];
  for (const [form, m] of counts) {
    let total = 0;
    let best = '';
    let bestCount = 0;
    for (const [t, c] of m) {
      total += c;
      if (c > bestCount || (c === bestCount && t < best)) [best, bestCount] = [t, c];
    }
    if (total >= minCount && bestCount >= share * total) out.push([form, best]);
  }
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
