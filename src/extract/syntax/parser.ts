// A greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) trained with Goldberg and
// Nivre's (2013) dynamic oracle, with Zhang and Nivre (2011) style features on stack and buffer
// words, tags, children, valencies and distances. The root sits at the end of the buffer
// (Ballesteros and Nivre 2013), so a sentence gets exactly one root. Moves are unlabelled;
// the relations are chosen afterwards by the labeller, which sees the whole tree.
//
// Speed: features that read only tags, distances and valencies are dense rows (a number, no
// hash, no probe: a few hundred kB of weights that stay in cache). Features that read one word
// in one place (s0's word, b1's word and tag, …) add the same weights whenever that word is in
// that place, so at run time their sum is cached per place and word for the sentence. Only the
// features that pair a word with another word or with the configuration are hashed and probed
// on every move. Every per-sentence array is kept and reused.
import * as hash from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import type { WordAtoms } from './words.ts';

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
/** Tag values in features: the 17 UPOS classes, the root, and no word. */
const NT = 19;
const ROOT_TAG = 17;
const NONE_TAG = 18;
const NONE_WORD = -3;
const ROOT_WORD = -4;
/** Distance buckets (0 = none, 8 = to the root) and valencies (0 = none). */
const ND = 9;
const NV = 6;
const MAX_FEATS = 80;

// Places whose one-word features are cached at run time: the index of each in `pos`.
const S0 = 0;
const S1 = 1;
const S2 = 2;
const B0 = 3;
const B1 = 4;
const B2 = 5;
const S0L = 6;
const S0R = 7;
const B0L = 8;
const S1R = 9;
const PLACES = 10;

// Bound once: tsx compiles an imported function's every call into a property read.
const mix = hash.mix;
const key = hash.featureKey;
/** The starting hash of each template. */
const SEED = hash.templateSeeds(100);

function bucket(d: number): number {
  return d < 5 ? d : d < 10 ? 5 : 6;
}

/**
 * A parse in progress and the sentence's per-word atoms, in arrays kept across sentences.
 * Word-indexed arrays (`tg`, `wd`, `wt`) are shifted by one: entry x + 1 is word x, entry 0 is
 * "no word" and entry n + 1 the root.
 */
class State {
  n = 0;
  sp = 0;
  b = 0;
  cap = 0;
  stack = new Int32Array(0);
  head = new Int32Array(0);
  lc1 = new Int32Array(0);
  lc2 = new Int32Array(0);
  rc1 = new Int32Array(0);
  rc2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);
  tg = new Int32Array(0);
  wd = new Int32Array(0);
  wt = new Int32Array(0);
  /** The places' words (shifted by one), set by `places`. */
  pos = new Int32Array(PLACES);

  reset(a: WordAtoms, tags: Uint8Array): void {
    const n = a.n;
    if (n + 2 > this.cap) {
      const cap = Math.max(n + 2, this.cap * 2, 64);
      this.cap = cap;
      this.stack = new Int32Array(cap);
      this.head = new Int32Array(cap);
      this.lc1 = new Int32Array(cap);
      this.lc2 = new Int32Array(cap);
      this.rc1 = new Int32Array(cap);
      this.rc2 = new Int32Array(cap);
      this.nl = new Int32Array(cap);
      this.nr = new Int32Array(cap);
      this.tg = new Int32Array(cap);
      this.wd = new Int32Array(cap);
      this.wt = new Int32Array(cap);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    this.head.fill(-1, 0, n + 1);
    this.lc1.fill(-1, 0, n + 1);
    this.lc2.fill(-1, 0, n + 1);
    this.rc1.fill(-1, 0, n + 1);
    this.rc2.fill(-1, 0, n + 1);
    this.nl.fill(0, 0, n + 1);
    this.nr.fill(0, 0, n + 1);
    const { tg, wd, wt } = this;
    tg[0] = NONE_TAG;
    wd[0] = NONE_WORD;
    wt[0] = mix(NONE_WORD, NONE_TAG);
    for (let i = 0; i < n; i++) {
      tg[i + 1] = tags[i]!;
      wd[i + 1] = a.word[i]!;
      wt[i + 1] = mix(a.word[i]!, tags[i]!);
    }
    tg[n + 1] = ROOT_TAG;
    wd[n + 1] = ROOT_WORD;
    wt[n + 1] = mix(ROOT_WORD, ROOT_TAG);
  }
  done(): boolean {
    return this.b === this.n && this.sp === 0;
  }
  legal(m: number): boolean {
    if (m === SHIFT) return this.b < this.n;
    if (m === LEFT) return this.sp > 0 && (this.b < this.n || this.sp === 1);
    return this.sp > 1;
  }
  apply(m: number): void {
    if (m === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const d = this.stack[--this.sp]!;
    if (m === LEFT) {
      const h = this.b;
      this.head[d] = h;
      this.lc2[h] = this.lc1[h]!;
      this.lc1[h] = d;
      this.nl[h] = this.nl[h]! + 1;
    } else {
      const h = this.stack[this.sp - 1]!;
      this.head[d] = h;
      this.rc2[h] = this.rc1[h]!;
      this.rc1[h] = d;
      this.nr[h] = this.nr[h]! + 1;
    }
  }
  /** Fills `pos` with the places' words, shifted by one (0 = none). */
  places(): void {
    const { pos, n, sp, stack } = this;
    const s0 = sp > 0 ? stack[sp - 1]! : -1;
    const s1 = sp > 1 ? stack[sp - 2]! : -1;
    const b0 = this.b;
    pos[S0] = s0 + 1;
    pos[S1] = s1 + 1;
    pos[S2] = sp > 2 ? stack[sp - 3]! + 1 : 0;
    pos[B0] = b0 + 1;
    pos[B1] = b0 + 1 < n ? b0 + 2 : 0;
    pos[B2] = b0 + 2 < n ? b0 + 3 : 0;
    pos[S0L] = s0 < 0 ? 0 : this.lc1[s0]! + 1;
    pos[S0R] = s0 < 0 ? 0 : this.rc1[s0]! + 1;
    pos[B0L] = this.lc1[b0]! + 1;
    pos[S1R] = s1 < 0 ? 0 : this.rc1[s1]! + 1;
  }
}

/** Writes the one-word features of word `p` (shifted by one) in place `place` from out[k]. */
function placeFeatures(st: State, place: number, p: number, out: Int32Array, k: number): number {
  const w = st.wd[p]!;
  switch (place) {
    case S0:
      out[k++] = key(mix(SEED[1]!, w));
      out[k++] = key(mix(SEED[3]!, st.wt[p]!));
      break;
    case S1:
      out[k++] = key(mix(SEED[4]!, w));
      out[k++] = key(mix(SEED[6]!, st.wt[p]!));
      break;
    case S2:
      out[k++] = key(mix(SEED[16]!, w));
      break;
    case B0:
      out[k++] = key(mix(SEED[7]!, w));
      out[k++] = key(mix(SEED[9]!, st.wt[p]!));
      break;
    case B1:
      out[k++] = key(mix(SEED[10]!, w));
      out[k++] = key(mix(SEED[12]!, st.wt[p]!));
      break;
    case B2:
      out[k++] = key(mix(SEED[13]!, w));
      break;
    case S0L:
      out[k++] = key(mix(SEED[55]!, w));
      break;
    case S0R:
      out[k++] = key(mix(SEED[57]!, w));
      break;
    case B0L:
      out[k++] = key(mix(SEED[59]!, w));
      break;
    default:
      out[k++] = key(mix(SEED[63]!, w));
  }
  return k;
}

/**
 * Writes the features of the configuration that are not one-word features (dense rows as ~row,
 * then hashed pairs) into `out`; `st.places()` must have been called.
 */
function features(st: State, out: Int32Array): number {
  const { pos, tg, wd, wt, n } = st;
  const ps0 = pos[S0]!;
  const ps1 = pos[S1]!;
  const pb0 = pos[B0]!;
  const s0 = ps0 - 1;
  const s1 = ps1 - 1;
  const b0 = pb0 - 1;
  const s0t = tg[ps0]!;
  const s1t = tg[ps1]!;
  const s2t = tg[pos[S2]!]!;
  const b0t = tg[pb0]!;
  const b1t = tg[pos[B1]!]!;
  const b2t = tg[pos[B2]!]!;
  const s0Lt = tg[pos[S0L]!]!;
  const s0Rt = tg[pos[S0R]!]!;
  const b0Lt = tg[pos[B0L]!]!;
  const s1Rt = tg[pos[S1R]!]!;
  const s1Lt = s1 < 0 ? NONE_TAG : tg[st.lc1[s1]! + 1]!;
  const s0L2t = s0 < 0 ? NONE_TAG : tg[st.lc2[s0]! + 1]!;
  const s0R2t = s0 < 0 ? NONE_TAG : tg[st.rc2[s0]! + 1]!;
  const b0L2t = tg[st.lc2[b0]! + 1]!;
  const d = s0 < 0 ? 0 : b0 === n ? 8 : bucket(b0 - s0) + 1;
  const d1 = s1 < 0 || s0 < 0 ? 0 : bucket(s0 - s1) + 1;
  const vl0 = s0 < 0 ? 0 : Math.min(st.nl[s0]!, 4) + 1;
  const vr0 = s0 < 0 ? 0 : Math.min(st.nr[s0]!, 4) + 1;
  const vlb = Math.min(st.nl[b0]!, 4) + 1;
  const vr1 = s1 < 0 ? 0 : Math.min(st.nr[s1]!, 4) + 1;
  let k = 0;
  // Dense rows: `base` is the first row of each template.
  let base = 0;
  out[k++] = ~(base + s0t);
  base += NT;
  out[k++] = ~(base + s1t);
  base += NT;
  out[k++] = ~(base + b0t);
  base += NT;
  out[k++] = ~(base + b1t);
  base += NT;
  out[k++] = ~(base + b2t);
  base += NT;
  out[k++] = ~(base + s2t);
  base += NT;
  out[k++] = ~(base + s0Lt);
  base += NT;
  out[k++] = ~(base + s0Rt);
  base += NT;
  out[k++] = ~(base + b0Lt);
  base += NT;
  out[k++] = ~(base + s1Lt);
  base += NT;
  out[k++] = ~(base + s1Rt);
  base += NT;
  out[k++] = ~(base + s0t * NT + b0t);
  base += NT * NT;
  out[k++] = ~(base + b0t * NT + b1t);
  base += NT * NT;
  out[k++] = ~(base + s1t * NT + s0t);
  base += NT * NT;
  out[k++] = ~(base + s1t * NT + b0t);
  base += NT * NT;
  out[k++] = ~(base + (b0t * NT + b1t) * NT + b2t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + b0t) * NT + b1t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s1t * NT + s0t) * NT + b0t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + s0Lt) * NT + b0t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + s0Rt) * NT + b0t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + b0t) * NT + b0Lt);
  base += NT * NT * NT;
  out[k++] = ~(base + (s1t * NT + s0t) * NT + s0Lt);
  base += NT * NT * NT;
  out[k++] = ~(base + (s1t * NT + s0t) * NT + s0Rt);
  base += NT * NT * NT;
  out[k++] = ~(base + (s1t * NT + s1Rt) * NT + s0t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s2t * NT + s1t) * NT + s0t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + s0Lt) * NT + s0L2t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s0t * NT + s0Rt) * NT + s0R2t);
  base += NT * NT * NT;
  out[k++] = ~(base + (b0t * NT + b0Lt) * NT + b0L2t);
  base += NT * NT * NT;
  out[k++] = ~(base + (s1t * NT + s0t) * NT + b1t);
  base += NT * NT * NT;
  out[k++] = ~(base + ((s1t * NT + s0t) * NT + b0t) * NT + b1t);
  base += NT * NT * NT * NT;
  out[k++] = ~(base + ((s0t * NT + b0t) * NT + b1t) * NT + b2t);
  base += NT * NT * NT * NT;
  out[k++] = ~(base + ((s2t * NT + s1t) * NT + s0t) * NT + b0t);
  base += NT * NT * NT * NT;
  out[k++] = ~(base + s0t * ND + d);
  base += NT * ND;
  out[k++] = ~(base + b0t * ND + d);
  base += NT * ND;
  out[k++] = ~(base + (s0t * NT + b0t) * ND + d);
  base += NT * NT * ND;
  out[k++] = ~(base + (s1t * NT + s0t) * ND + d1);
  base += NT * NT * ND;
  out[k++] = ~(base + s0t * NV + vr0);
  base += NT * NV;
  out[k++] = ~(base + s0t * NV + vl0);
  base += NT * NV;
  out[k++] = ~(base + b0t * NV + vlb);
  base += NT * NV;
  out[k++] = ~(base + s1t * NV + vr1);
  base += NT * NV;
  // Hashed: a word with another word, or with tags, distances and valencies.
  const s0w = wd[ps0]!;
  const s1w = wd[ps1]!;
  const b0w = wd[pb0]!;
  const b1w = wd[pos[B1]!]!;
  const s0wt = wt[ps0]!;
  const s1wt = wt[ps1]!;
  const b0wt = wt[pb0]!;
  out[k++] = key(mix(mix(SEED[17]!, s0wt), b0wt));
  out[k++] = key(mix(mix(SEED[18]!, s0wt), b0w));
  out[k++] = key(mix(mix(SEED[19]!, s0w), b0wt));
  out[k++] = key(mix(mix(SEED[20]!, s0wt), b0t));
  out[k++] = key(mix(mix(SEED[21]!, b0wt), s0t));
  out[k++] = key(mix(mix(SEED[22]!, s0w), b0w));
  out[k++] = key(mix(mix(SEED[25]!, s1wt), s0wt));
  out[k++] = key(mix(mix(SEED[26]!, s1w), s0w));
  out[k++] = key(mix(mix(SEED[28]!, s0w), s1t));
  out[k++] = key(mix(mix(SEED[29]!, s1w), s0t));
  out[k++] = key(mix(mix(SEED[40]!, s0w), d));
  out[k++] = key(mix(mix(SEED[42]!, b0w), d));
  out[k++] = key(mix(mix(mix(SEED[44]!, s0w), b0w), d));
  out[k++] = key(mix(mix(mix(SEED[47]!, s1w), s0w), d1));
  out[k++] = key(mix(mix(SEED[48]!, s0w), vr0));
  out[k++] = key(mix(mix(SEED[50]!, s0w), vl0));
  out[k++] = key(mix(mix(SEED[52]!, b0w), vlb));
  out[k++] = key(mix(mix(SEED[67]!, b0w), b1w));
  out[k++] = key(mix(mix(SEED[69]!, s1w), b0w));
  out[k++] = key(mix(mix(SEED[71]!, s0w), b0t * NT + b1t));
  out[k++] = key(mix(mix(SEED[72]!, b0w), s0t * NT + b1t));
  return k;
}

/** How many dense rows `features` uses (the last `base`). */
const DENSE_ROWS =
  11 * NT +
  4 * NT * NT +
  14 * NT * NT * NT +
  3 * NT * NT * NT * NT +
  2 * NT * ND +
  2 * NT * NT * ND +
  4 * NT * NV;

/** All features of a configuration (training reads them all, with no cache). */
function allFeatures(st: State, out: Int32Array): number {
  st.places();
  let k = features(st, out);
  for (let place = 0; place < PLACES; place++) k = placeFeatures(st, place, st.pos[place]!, out, k);
  return k;
}

/** Costs of the three moves under the dynamic oracle, for gold heads `gold` (root = n). */
function costs(c: State, gold: Int32Array, deps: Int32Array[], out: Int32Array): void {
  const n = c.n;
  const b = c.b;
  const s0 = c.sp > 0 ? c.stack[c.sp - 1]! : -1;
  const s1 = c.sp > 1 ? c.stack[c.sp - 2]! : -1;
  out.fill(0);
  if (b < n) {
    // SHIFT: b0 loses its heads in the stack under s0 and its dependents in the stack.
    let cost = 0;
    const g = gold[b]!;
    for (let i = 0; i < c.sp; i++) {
      const x = c.stack[i]!;
      if (x === g && x !== s0) cost++;
      if (gold[x] === b) cost++;
    }
    out[SHIFT] = cost;
  }
  if (s0 >= 0) {
    // s0 loses its dependents still in the buffer either way.
    let lostDeps = 0;
    for (const x of deps[s0]!) if (x >= b) lostDeps++;
    const g = gold[s0]!;
    out[LEFT] = lostDeps + (g === s1 || g > b ? 1 : 0);
    out[RIGHT] = lostDeps + (g >= b ? 1 : 0);
  }
}

/** A sentence for training the parser: atoms, (predicted) tags and gold heads (root = n). */
export interface ParseSentence {
  atoms: WordAtoms;
  tags: Uint8Array;
  heads: Int32Array;
}

/** Parses with a frozen model: the heads of the words, the root being n. */
export class Parser {
  private st = new State();
  private feats = new Int32Array(MAX_FEATS);
  private scores = new Float32Array(3);
  private part = new Float32Array(3);
  // The summed weights of each place's one-word features for each word of the sentence,
  // valid where `stamp` holds the current sentence's number.
  private cache = new Float32Array(0);
  private stamp = new Int32Array(0);
  private sentence = 0;
  constructor(readonly model: LinearModel) {}

  parse(a: WordAtoms, tags: Uint8Array): Int32Array {
    const st = this.st;
    st.reset(a, tags);
    const width = st.cap;
    if (this.stamp.length < PLACES * width) {
      this.stamp = new Int32Array(PLACES * width);
      this.cache = new Float32Array(3 * PLACES * width);
      this.sentence = 0;
    }
    const sentence = ++this.sentence;
    const { feats, scores, part, cache, stamp, model } = this;
    while (!st.done()) {
      st.places();
      const k = features(st, feats);
      model.score(feats, k, scores);
      let s0 = scores[0]!;
      let s1 = scores[1]!;
      let s2 = scores[2]!;
      for (let place = 0; place < PLACES; place++) {
        const slot = place * width + st.pos[place]!;
        if (stamp[slot] !== sentence) {
          stamp[slot] = sentence;
          const kk = placeFeatures(st, place, st.pos[place]!, feats, 0);
          model.score(feats, kk, part);
          cache[3 * slot] = part[0]!;
          cache[3 * slot + 1] = part[1]!;
          cache[3 * slot + 2] = part[2]!;
        }
        s0 += cache[3 * slot]!;
        s1 += cache[3 * slot + 1]!;
        s2 += cache[3 * slot + 2]!;
      }
      scores[0] = s0;
      scores[1] = s1;
      scores[2] = s2;
      st.apply(bestLegal(st, scores));
    }
    return st.head.slice(0, a.n);
  }
}

function bestLegal(c: State, scores: Float32Array, cost?: Int32Array, min = 0): number {
  let best = -1;
  for (let m = 0; m < 3; m++) {
    if (!c.legal(m) || (cost && cost[m]! > min)) continue;
    if (best < 0 || scores[m]! > scores[best]!) best = m;
  }
  return best;
}

/**
 * Trains the move model for `epochs` passes. The first pass follows the oracle; later passes
 * follow the model's own moves, so it learns to recover from its mistakes.
 */
export function trainParser(
  data: readonly ParseSentence[],
  epochs: number,
  orderOf: (epoch: number) => readonly number[],
  prune = 0,
): LinearModel {
  const p = new Perceptron(3);
  const feats = new Int32Array(MAX_FEATS);
  const scores = new Float32Array(3);
  const cost = new Int32Array(3);
  const st = new State();
  const depsOf = data.map((s) => {
    const deps: number[][] = Array.from({ length: s.atoms.n + 1 }, () => []);
    s.heads.forEach((h, d) => deps[h]!.push(d));
    return deps.map((x) => Int32Array.from(x));
  });
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, tags, heads } = data[si]!;
      st.reset(atoms, tags);
      while (!st.done()) {
        const k = allFeatures(st, feats);
        p.score(feats, k, scores);
        costs(st, heads, depsOf[si]!, cost);
        let min = Infinity;
        for (let m = 0; m < 3; m++) if (st.legal(m) && cost[m]! < min) min = cost[m]!;
        const pred = bestLegal(st, scores);
        const gold = bestLegal(st, scores, cost, min);
        if (cost[pred]! > min) p.update(feats, k, gold, pred);
        p.step++;
        st.apply(e === 0 ? gold : pred);
      }
    }
  }
  return p.freeze(prune, DENSE_ROWS);
}
