// A greedy arc-hybrid dependency parser (Kuhlmann et al. 2011) trained with Goldberg and
// Nivre's (2013) dynamic oracle, with Zhang and Nivre (2011) style features on stack and buffer
// words, tags, children, valencies and distances. The root sits at the end of the buffer
// (Ballesteros and Nivre 2013), so a sentence gets exactly one root. Moves are unlabelled;
// the relations are chosen afterwards by the labeller, which sees the whole tree.
import { f1, f2, f3, f4 } from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import type { WordAtoms } from './words.ts';

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
const NONE = -3;
const ROOT_WORD = -4;
const ROOT_TAG = 99;
const MAX_FEATS = 80;

function bucket(d: number): number {
  return d < 5 ? d : d < 10 ? 5 : 6;
}
function W(word: Int32Array, n: number, x: number): number {
  return x < 0 ? NONE : x === n ? ROOT_WORD : word[x]!;
}
function T(tags: Uint8Array, n: number, x: number): number {
  return x < 0 ? NONE : x === n ? ROOT_TAG : tags[x]!;
}
function at(arr: Int32Array, x: number): number {
  return x < 0 ? -1 : arr[x]!;
}

/** A parse in progress: stack, buffer front, arcs and the children the features look at. */
class Config {
  stack: Int32Array;
  sp = 0;
  b = 0;
  head: Int32Array;
  lc1: Int32Array;
  lc2: Int32Array;
  rc1: Int32Array;
  rc2: Int32Array;
  nl: Int32Array;
  nr: Int32Array;
  constructor(readonly n: number) {
    this.stack = new Int32Array(n + 1);
    this.head = new Int32Array(n + 1).fill(-1);
    this.lc1 = new Int32Array(n + 1).fill(-1);
    this.lc2 = new Int32Array(n + 1).fill(-1);
    this.rc1 = new Int32Array(n + 1).fill(-1);
    this.rc2 = new Int32Array(n + 1).fill(-1);
    this.nl = new Int32Array(n + 1);
    this.nr = new Int32Array(n + 1);
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
}

/** Writes the features of configuration `c` into `out`. */
function features(c: Config, a: WordAtoms, tags: Uint8Array, out: Int32Array): number {
  const n = c.n;
  // No closures here: tsx names every arrow function at each call, which costs more than the
  // features themselves.
  const word = a.word;
  const s0 = c.sp > 0 ? c.stack[c.sp - 1]! : -1;
  const s1 = c.sp > 1 ? c.stack[c.sp - 2]! : -1;
  const s2 = c.sp > 2 ? c.stack[c.sp - 3]! : -1;
  const b0 = c.b;
  const b1 = b0 + 1 < n ? b0 + 1 : -1;
  const b2 = b0 + 2 < n ? b0 + 2 : -1;
  const s0w = W(word, n, s0),
    s0t = T(tags, n, s0);
  const s1w = W(word, n, s1),
    s1t = T(tags, n, s1),
    s2t = T(tags, n, s2);
  const b0w = W(word, n, b0),
    b0t = T(tags, n, b0),
    b1w = W(word, n, b1),
    b1t = T(tags, n, b1);
  const b2w = W(word, n, b2),
    b2t = T(tags, n, b2);
  const s0L = at(c.lc1, s0),
    s0L2 = at(c.lc2, s0),
    s0R = at(c.rc1, s0),
    s0R2 = at(c.rc2, s0);
  const b0L = at(c.lc1, b0),
    b0L2 = at(c.lc2, b0),
    s1L = at(c.lc1, s1),
    s1R = at(c.rc1, s1);
  const s0Lt = T(tags, n, s0L),
    s0Rt = T(tags, n, s0R);
  const b0Lt = T(tags, n, b0L),
    s1Rt = T(tags, n, s1R);
  const d = s0 < 0 ? -1 : b0 === n ? 7 : bucket(b0 - s0);
  const d1 = s1 < 0 || s0 < 0 ? -1 : bucket(s0 - s1);
  const vl0 = s0 < 0 ? -1 : Math.min(c.nl[s0]!, 4);
  const vr0 = s0 < 0 ? -1 : Math.min(c.nr[s0]!, 4);
  const vlb = Math.min(c.nl[b0]!, 4);
  const vr1 = s1 < 0 ? -1 : Math.min(c.nr[s1]!, 4);
  let k = 0;
  out[k++] = f1(1, s0w);
  out[k++] = f1(2, s0t);
  out[k++] = f2(3, s0w, s0t);
  out[k++] = f1(4, s1w);
  out[k++] = f1(5, s1t);
  out[k++] = f2(6, s1w, s1t);
  out[k++] = f1(7, b0w);
  out[k++] = f1(8, b0t);
  out[k++] = f2(9, b0w, b0t);
  out[k++] = f1(10, b1w);
  out[k++] = f1(11, b1t);
  out[k++] = f2(12, b1w, b1t);
  out[k++] = f1(13, b2w);
  out[k++] = f1(14, b2t);
  out[k++] = f1(15, s2t);
  out[k++] = f1(16, W(word, n, s2));
  out[k++] = f4(17, s0w, s0t, b0w, b0t);
  out[k++] = f3(18, s0w, s0t, b0w);
  out[k++] = f3(19, s0w, b0w, b0t);
  out[k++] = f3(20, s0w, s0t, b0t);
  out[k++] = f3(21, s0t, b0w, b0t);
  out[k++] = f2(22, s0w, b0w);
  out[k++] = f2(23, s0t, b0t);
  out[k++] = f2(24, b0t, b1t);
  out[k++] = f4(25, s1w, s1t, s0w, s0t);
  out[k++] = f2(26, s1w, s0w);
  out[k++] = f2(27, s1t, s0t);
  out[k++] = f2(28, s1t, s0w);
  out[k++] = f2(29, s1w, s0t);
  out[k++] = f3(30, b0t, b1t, b2t);
  out[k++] = f3(31, s0t, b0t, b1t);
  out[k++] = f3(32, s1t, s0t, b0t);
  out[k++] = f3(33, s0t, s0Lt, b0t);
  out[k++] = f3(34, s0t, s0Rt, b0t);
  out[k++] = f3(35, s0t, b0t, b0Lt);
  out[k++] = f3(36, s1t, s0t, s0Lt);
  out[k++] = f3(37, s1t, s0t, s0Rt);
  out[k++] = f3(38, s1t, s1Rt, s0t);
  out[k++] = f3(39, s2t, s1t, s0t);
  out[k++] = f2(40, s0w, d);
  out[k++] = f2(41, s0t, d);
  out[k++] = f2(42, b0w, d);
  out[k++] = f2(43, b0t, d);
  out[k++] = f3(44, s0w, b0w, d);
  out[k++] = f3(45, s0t, b0t, d);
  out[k++] = f3(46, s1t, s0t, d1);
  out[k++] = f3(47, s1w, s0w, d1);
  out[k++] = f2(48, s0w, vr0);
  out[k++] = f2(49, s0t, vr0);
  out[k++] = f2(50, s0w, vl0);
  out[k++] = f2(51, s0t, vl0);
  out[k++] = f2(52, b0w, vlb);
  out[k++] = f2(53, b0t, vlb);
  out[k++] = f2(54, s1t, vr1);
  out[k++] = f1(55, W(word, n, s0L));
  out[k++] = f1(56, s0Lt);
  out[k++] = f1(57, W(word, n, s0R));
  out[k++] = f1(58, s0Rt);
  out[k++] = f1(59, W(word, n, b0L));
  out[k++] = f1(60, b0Lt);
  out[k++] = f1(61, T(tags, n, s1L));
  out[k++] = f1(62, s1Rt);
  out[k++] = f1(63, W(word, n, s1R));
  out[k++] = f3(64, s0t, s0Lt, T(tags, n, s0L2));
  out[k++] = f3(65, s0t, s0Rt, T(tags, n, s0R2));
  out[k++] = f3(66, b0t, b0Lt, T(tags, n, b0L2));
  out[k++] = f2(67, b0w, b1w);
  out[k++] = f2(68, s1t, b0t);
  out[k++] = f2(69, s1w, b0w);
  out[k++] = f3(70, s1t, s0t, b1t);
  out[k++] = f3(71, s0w, b0t, b1t);
  out[k++] = f3(72, s0t, b0w, b1t);
  return k;
}

/** Costs of the three moves under the dynamic oracle, for gold heads `gold` (root = n). */
function costs(c: Config, gold: Int32Array, deps: Int32Array[], out: Int32Array): void {
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
  private feats = new Int32Array(MAX_FEATS);
  private scores = new Float32Array(3);
  constructor(readonly model: LinearModel) {}

  parse(a: WordAtoms, tags: Uint8Array): Int32Array {
    const c = new Config(a.n);
    while (!c.done()) {
      const k = features(c, a, tags, this.feats);
      this.model.score(this.feats, k, this.scores);
      c.apply(bestLegal(c, this.scores));
    }
    return c.head.subarray(0, a.n);
  }
}

function bestLegal(c: Config, scores: Float32Array, cost?: Int32Array, min = 0): number {
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
  const depsOf = data.map((s) => {
    const deps: number[][] = Array.from({ length: s.atoms.n + 1 }, () => []);
    s.heads.forEach((h, d) => deps[h]!.push(d));
    return deps.map((x) => Int32Array.from(x));
  });
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, tags, heads } = data[si]!;
      const c = new Config(atoms.n);
      while (!c.done()) {
        const k = features(c, atoms, tags, feats);
        p.score(feats, k, scores);
        costs(c, heads, depsOf[si]!, cost);
        let min = Infinity;
        for (let m = 0; m < 3; m++) if (c.legal(m) && cost[m]! < min) min = cost[m]!;
        const pred = bestLegal(c, scores);
        const gold = bestLegal(c, scores, cost, min);
        if (cost[pred]! > min) p.update(feats, k, gold, pred);
        p.step++;
        c.apply(e === 0 ? gold : pred);
      }
    }
  }
  return p.freeze(prune);
}
