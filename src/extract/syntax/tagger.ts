// An averaged-perceptron UPOS tagger, greedy left to right (Collins 2002; the feature set of
// Honnibal's "A good part-of-speech tagger in about 200 lines of Python", plus shapes, more
// affixes and word bigrams), in two passes: the second reads the first's tags of the words to
// the right, which a left-to-right pass cannot know (as a bidirectional tagger does: "before"
// ahead of a clause or of a noun, a noun or a verb ahead of "to").
import * as hash from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import { UPOS, type WordAtoms } from './words.ts';

const START = -1;
const END = -2;
const MAX_FEATS = 48;
// Bound once: tsx compiles an imported function's every call into a property read.
const mix = hash.mix;
const key = hash.featureKey;
const SEED = hash.templateSeeds(40);
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

// The places a neighbour's features read it from.
const PREV = 0;
const PREV2 = 1;
const NEXT = 2;
const NEXT2 = 3;

/**
 * Writes the features that read word j from place `place` of word i (j = i - 1, i - 2, i + 1 or
 * i + 2) from out[k]; j outside the sentence reads its edge.
 */
function neighbourFeatures(a: WordAtoms, place: number, j: number, out: Int32Array, k: number) {
  const inside = j >= 0 && j < a.n;
  if (place === PREV) {
    out[k++] = f1(15, inside ? a.word[j]! : START);
    out[k++] = f1(16, inside ? a.suf3[j]! : START);
    out[k++] = f1(23, inside ? a.shape[j]! : START);
  } else if (place === PREV2) {
    out[k++] = f1(17, inside ? a.word[j]! : START);
  } else if (place === NEXT) {
    out[k++] = f1(18, inside ? a.word[j]! : END);
    out[k++] = f1(19, inside ? a.suf3[j]! : END);
    out[k++] = f1(24, inside ? a.shape[j]! : END);
    out[k++] = f1(31, inside ? a.suf1[j]! : END);
  } else {
    out[k++] = f1(20, inside ? a.word[j]! : END);
    out[k++] = f1(30, inside ? a.suf3[j]! : END);
  }
  return k;
}

/** Writes the features of word `i` that read tags or two words from out[k]. */
function pairFeatures(
  a: WordAtoms,
  tags: Uint8Array,
  i: number,
  out: Int32Array,
  k: number,
  right?: Uint8Array,
) {
  const n = a.n;
  const t1 = i > 0 ? tags[i - 1]! : START;
  const t2 = i > 1 ? tags[i - 2]! : START;
  const wm1 = i > 0 ? a.word[i - 1]! : START;
  const wp1 = i + 1 < n ? a.word[i + 1]! : END;
  const w = a.word[i]!;
  out[k++] = f1(11, t1);
  out[k++] = f2(12, t2, t1);
  out[k++] = f2(13, t1, w);
  out[k++] = f1(14, t2);
  out[k++] = f2(21, wm1, w);
  out[k++] = f2(22, w, wp1);
  out[k++] = f2(25, t1, wp1);
  out[k++] = f2(26, i === 0 ? 1 : 0, a.shape[i]!);
  out[k++] = f2(27, t1, a.suf3[i]!);
  out[k++] = key(mix(mix(mix(SEED[28]!, t1), w), wp1));
  out[k++] = f2(29, wm1, wp1);
  if (right) {
    // A first pass's tags of the words to the right.
    const r1 = i + 1 < n ? right[i + 1]! : END;
    const r2 = i + 2 < n ? right[i + 2]! : END;
    out[k++] = f1(32, r1);
    out[k++] = f2(33, r1, r2);
    out[k++] = f2(34, t1, r1);
    out[k++] = f2(35, w, r1);
    out[k++] = f2(36, a.suf3[i]!, r1);
  }
  return k;
}

/** All features of word `i` (what training reads). */
function allFeatures(
  a: WordAtoms,
  tags: Uint8Array,
  i: number,
  out: Int32Array,
  right?: Uint8Array,
): number {
  let k = wordFeatures(a, i, out);
  k = neighbourFeatures(a, PREV, i - 1, out, k);
  k = neighbourFeatures(a, PREV2, i - 2, out, k);
  k = neighbourFeatures(a, NEXT, i + 1, out, k);
  k = neighbourFeatures(a, NEXT2, i + 2, out, k);
  return pairFeatures(a, tags, i, out, k, right);
}

// Forms whose feature scores are cached (85 floats each): bounded, cleared when full.
const CACHE_LIMIT = 20_000;

/** Tags words with a frozen model, and a second pass's when given. */
export class Tagger {
  private feats = new Int32Array(MAX_FEATS);
  private scores: Float32Array;
  private part: Float32Array;
  /**
   * For each form, the summed weights of the features that read only it: its own (at 0), and
   * those that read it as the word before (PREV + 1), two before, after and two after.
   */
  private byForm = new Map<string, Float32Array>();
  /** The same for the sentence's edges, as places PREV … NEXT2 (a word with no neighbour). */
  private edges: Float32Array;
  private rows: (Float32Array | undefined)[] = [];
  private next: Tagger | undefined;
  constructor(
    readonly model: LinearModel,
    /** A second pass's model, trained with the first pass's tags as `right`. */
    second?: LinearModel,
  ) {
    if (second) this.next = new Tagger(second);
    const c = model.classes;
    this.scores = new Float32Array(c);
    this.part = new Float32Array(c);
    const edge = { n: 0 } as WordAtoms;
    this.edges = new Float32Array(4 * c);
    for (let place = PREV; place <= NEXT2; place++) {
      const k = neighbourFeatures(edge, place, -1, this.feats, 0);
      model.score(this.feats, k, this.part);
      this.edges.set(this.part, place * c);
    }
  }

  /** The cached weights of form `forms[i]` (see `byForm`). */
  private rowOf(a: WordAtoms, forms: readonly string[], i: number): Float32Array {
    const form = forms[i]!;
    let row = this.byForm.get(form);
    if (row) return row;
    const { model, feats, part } = this;
    const c = model.classes;
    row = new Float32Array(5 * c);
    model.score(feats, wordFeatures(a, i, feats), part);
    row.set(part, 0);
    for (let place = PREV; place <= NEXT2; place++) {
      model.score(feats, neighbourFeatures(a, place, i, feats, 0), part);
      row.set(part, (place + 1) * c);
    }
    if (this.byForm.size >= CACHE_LIMIT) this.byForm.clear();
    this.byForm.set(form, row);
    return row;
  }

  /**
   * The UPOS class numbers (indices into UPOS) of the words. `fixed[i]`, when not -1, is the
   * tag of a word the treebank always tags one way (the tag dictionary), taken without scoring.
   * With the `forms` the atoms were made of, the scores of features that read one word are
   * cached by form. `right` is a first pass's tags, for a model trained with them.
   */
  tag(a: WordAtoms, fixed?: Int8Array, forms?: readonly string[], right?: Uint8Array): Uint8Array {
    const tags = this.pass(a, fixed, forms, right);
    const next = this.next;
    if (!next) return tags;
    // The words the first pass is sure of keep its tag: the second pass scores only the rest.
    const keep = new Int8Array(a.n);
    const margin = this.margin;
    for (let i = 0; i < a.n; i++) {
      keep[i] = fixed && fixed[i]! >= 0 ? fixed[i]! : margin[i]! > this.sure ? tags[i]! : -1;
    }
    return next.tag(a, keep, forms, tags);
  }

  /**
   * The first pass's margin over the runner-up above which the second pass keeps its tag.
   * Chosen on the dev file: at 10, nine in ten of the words scored keep the first tag, for the
   * same accuracy as re-scoring them all (5 loses 0.1 UAS).
   */
  readonly sure = 10;
  /** The margin of each word's tag over the runner-up in the last `pass`. */
  private margin = new Float32Array(64);

  private pass(
    a: WordAtoms,
    fixed?: Int8Array,
    forms?: readonly string[],
    right?: Uint8Array,
  ): Uint8Array {
    const n = a.n;
    const tags = new Uint8Array(n);
    if (this.margin.length < n) this.margin = new Float32Array(2 * n);
    const { scores: s, part, feats, model, edges, margin } = this;
    const c = s.length;
    if (!forms) {
      for (let i = 0; i < n; i++) {
        if (fixed && fixed[i]! >= 0) {
          tags[i] = fixed[i]!;
          continue;
        }
        model.score(feats, allFeatures(a, tags, i, feats, right), s);
        let best = 0;
        for (let x = 1; x < c; x++) if (s[x]! > s[best]!) best = x;
        tags[i] = best;
        margin[i] = 0;
      }
      return tags;
    }
    // Rows are looked up only for the words scored and their neighbours (a second pass scores
    // few words).
    const rows = this.rows;
    for (let i = 0; i < n; i++) rows[i] = undefined;
    const row = (j: number) => (rows[j] ??= this.rowOf(a, forms, j));
    for (let i = 0; i < n; i++) {
      if (fixed && fixed[i]! >= 0) {
        tags[i] = fixed[i]!;
        continue;
      }
      // The rows first: rowOf scores into `feats` and `part` too.
      const own = row(i);
      const p1 = i > 0 ? row(i - 1) : edges;
      const o1 = i > 0 ? (PREV + 1) * c : PREV * c;
      const p2 = i > 1 ? row(i - 2) : edges;
      const o2 = i > 1 ? (PREV2 + 1) * c : PREV2 * c;
      const n1 = i + 1 < n ? row(i + 1) : edges;
      const q1 = i + 1 < n ? (NEXT + 1) * c : NEXT * c;
      const n2 = i + 2 < n ? row(i + 2) : edges;
      const q2 = i + 2 < n ? (NEXT2 + 1) * c : NEXT2 * c;
      model.score(feats, pairFeatures(a, tags, i, feats, 0, right), part);
      let best = 0;
      let runnerUp = -Infinity;
      for (let x = 0; x < c; x++) {
        const v = part[x]! + own[x]! + p1[o1 + x]! + p2[o2 + x]! + n1[q1 + x]! + n2[q2 + x]!;
        s[x] = v;
        if (x === 0) continue;
        if (v > s[best]!) {
          runnerUp = s[best]!;
          best = x;
        } else if (v > runnerUp) runnerUp = v;
      }
      tags[i] = best;
      margin[i] = s[best]! - runnerUp;
    }
    rows.length = 0;
    return tags;
  }
}

/** A sentence for training: its atoms and gold UPOS class numbers (and a first pass's tags). */
export interface TaggedSentence {
  atoms: WordAtoms;
  gold: Uint8Array;
  /** A first pass's tags, read as the right context's (a second pass). */
  right?: Uint8Array;
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
      const { atoms, gold, right } = data[si]!;
      const tags = new Uint8Array(atoms.n);
      for (let i = 0; i < atoms.n; i++) {
        const k = allFeatures(atoms, tags, i, feats, right);
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
