// An averaged-perceptron UPOS tagger, greedy left to right (Collins 2002; the feature set of
// Honnibal's "A good part-of-speech tagger in about 200 lines of Python", plus shapes, more
// affixes and word bigrams).
import * as hash from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import { UPOS, type WordAtoms } from './words.ts';

const START = -1;
const END = -2;
const MAX_FEATS = 40;
// Bound once: tsx compiles an imported function's every call into a property read.
const mix = hash.mix;
const key = hash.featureKey;
const SEED = hash.templateSeeds(32);
const f1 = (t: number, a: number) => key(mix(SEED[t]!, a));
const f2 = (t: number, a: number, b: number) => key(mix(mix(SEED[t]!, a), b));

/** Writes the features of word `i` that read only the word itself into `out` from out[0]. */
function wordFeatures(a: WordAtoms, i: number, out: Int32Array): number {
  let k = 0;
  out[k++] = f1(0, 0);
  out[k++] = f1(1, a.word[i]!);
  out[k++] = f1(2, a.suf1[i]!);
  out[k++] = f1(3, a.suf2[i]!);
  out[k++] = f1(4, a.suf3[i]!);
  out[k++] = f1(5, a.suf4[i]!);
  out[k++] = f1(6, a.pre1[i]!);
  out[k++] = f1(7, a.pre2[i]!);
  out[k++] = f1(8, a.pre3[i]!);
  out[k++] = f1(9, a.shape[i]!);
  out[k++] = f1(10, a.cased[i]!);
  return k;
}

/** Writes the other features of word `i` from out[k], given the tags of the words before it. */
function contextFeatures(a: WordAtoms, tags: Uint8Array, i: number, out: Int32Array, k: number) {
  const n = a.n;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  const wm1 = i > 0 ? a.word[i - 1]! : START;
  const wm2 = i > 1 ? a.word[i - 2]! : START;
  const wp1 = i + 1 < n ? a.word[i + 1]! : END;
  const wp2 = i + 2 < n ? a.word[i + 2]! : END;
  const w = a.word[i]!;
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
  out[k++] = key(mix(mix(mix(SEED[28]!, t1), w), wp1));
  out[k++] = f2(29, wm1, wp1);
  out[k++] = f1(30, i + 2 < n ? a.suf3[i + 2]! : END);
  out[k++] = f1(31, i + 1 < n ? a.suf1[i + 1]! : END);
  return k;
}

// Forms whose word-feature scores are cached: bounded, cleared when full.
const CACHE_LIMIT = 50_000;

/** Tags words with a frozen model. */
export class Tagger {
  private feats = new Int32Array(MAX_FEATS);
  private scores: Float32Array;
  private part: Float32Array;
  /** The summed weights of a form's word features (they read nothing else). */
  private byForm = new Map<string, Float32Array>();
  constructor(readonly model: LinearModel) {
    this.scores = new Float32Array(model.classes);
    this.part = new Float32Array(model.classes);
  }

  /**
   * The UPOS class numbers (indices into UPOS) of the words. `fixed[i]`, when not -1, is the
   * tag of a word the treebank always tags one way (the tag dictionary), taken without scoring.
   * With the `forms` the atoms were made of, the scores of each form's own features are cached.
   */
  tag(a: WordAtoms, fixed?: Int8Array, forms?: readonly string[]): Uint8Array {
    const tags = new Uint8Array(a.n);
    const { scores: s, part, feats, model, byForm } = this;
    const classes = s.length;
    for (let i = 0; i < a.n; i++) {
      if (fixed && fixed[i]! >= 0) {
        tags[i] = fixed[i]!;
        continue;
      }
      let own = forms ? byForm.get(forms[i]!) : undefined;
      if (!own) {
        own = new Float32Array(classes);
        model.score(feats, wordFeatures(a, i, feats), own);
        if (forms) {
          if (byForm.size >= CACHE_LIMIT) byForm.clear();
          byForm.set(forms[i]!, own);
        }
      }
      model.score(feats, contextFeatures(a, tags, i, feats, 0), part);
      let best = 0;
      for (let c = 0; c < classes; c++) {
        s[c] = own[c]! + part[c]!;
        if (s[c]! > s[best]!) best = c;
      }
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
  prune = 0,
): LinearModel {
  const p = new Perceptron(UPOS.length);
  const feats = new Int32Array(MAX_FEATS);
  const scores = new Float32Array(UPOS.length);
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, gold } = data[si]!;
      const tags = new Uint8Array(atoms.n);
      for (let i = 0; i < atoms.n; i++) {
        const k = contextFeatures(atoms, tags, i, feats, wordFeatures(atoms, i, feats));
        p.score(feats, k, scores);
        let best = 0;
        for (let c = 1; c < scores.length; c++) if (scores[c]! > scores[best]!) best = c;
        if (best !== gold[i]) p.update(feats, k, gold[i]!, best);
        tags[i] = best;
        p.step++;
      }
    }
  }
  return p.freeze(prune);
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
