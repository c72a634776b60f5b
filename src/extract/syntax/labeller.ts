// The relation of each arc, chosen once the tree is built: an averaged perceptron that reads the
// dependent, its head, the head's own relation and head, and the function words around both
// (a passive auxiliary under the head, a case marker under the dependent).
import { f1, f2, f3, f4 } from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import { UPOS, type WordAtoms } from './words.ts';

const MAX_FEATS = 96;
const NONE = -3;
const ROOT = -4;
// Function-word tags whose words (not only tags) are worth reading under a word.
const FUNCTION_TAGS = new Set(['ADP', 'AUX', 'PART', 'SCONJ', 'DET', 'PRON', 'CCONJ', 'PUNCT']);
const isFunction = Uint8Array.from(UPOS, (t) => (FUNCTION_TAGS.has(t) ? 1 : 0));

/** Children lists of a tree given by heads (root = n). */
function childrenOf(heads: Int32Array): Int32Array[] {
  const n = heads.length;
  const kids: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let d = 0; d < n; d++) kids[heads[d]!]!.push(d);
  return kids.map((k) => Int32Array.from(k));
}

/** Words in top-down order (each after its head), so a word's head's relation is known. */
function topDown(kids: Int32Array[], n: number): Int32Array {
  const order = new Int32Array(n);
  let len = 0;
  const queue = [n];
  for (let q = 0; q < queue.length; q++) {
    for (const d of kids[queue[q]!]!) {
      order[len++] = d;
      queue.push(d);
    }
  }
  return order.subarray(0, len);
}

function features(
  a: WordAtoms,
  tags: Uint8Array,
  heads: Int32Array,
  kids: Int32Array[],
  labels: Int32Array,
  d: number,
  out: Int32Array,
): number {
  const n = a.n;
  const h = heads[d]!;
  const isRoot = h === n;
  const dw = a.word[d]!;
  const dt = tags[d]!;
  const hw = isRoot ? ROOT : a.word[h]!;
  const ht = isRoot ? ROOT : tags[h]!;
  const dir = isRoot ? 0 : h < d ? 1 : 2;
  const dist = isRoot ? 0 : Math.min(Math.abs(h - d), 8);
  const g = isRoot ? -1 : heads[h]!;
  const gt = g < 0 ? NONE : g === n ? ROOT : tags[g]!;
  const hl = isRoot ? NONE : labels[h]!;
  const hs = isRoot ? ROOT : a.suf2[h]!;
  let k = 0;
  out[k++] = f1(1, dw);
  out[k++] = f1(2, dt);
  out[k++] = f2(3, dw, dt);
  out[k++] = f1(4, hw);
  out[k++] = f1(5, ht);
  out[k++] = f2(6, hw, ht);
  out[k++] = f3(7, dt, ht, dir);
  out[k++] = f3(8, dw, ht, dir);
  out[k++] = f3(9, dt, hw, dir);
  out[k++] = f3(10, dw, hw, dir);
  out[k++] = f4(11, dt, ht, dist, dir);
  out[k++] = f3(12, dt, ht, gt);
  out[k++] = f3(13, dt, hl, dir);
  out[k++] = f4(14, dt, ht, hl, dir);
  out[k++] = f4(15, dt, ht, hs, dir);
  out[k++] = f3(16, a.suf3[d]!, dt, dir);
  out[k++] = f2(17, d > 0 ? a.word[d - 1]! : NONE, dt);
  out[k++] = f2(18, d + 1 < n ? a.word[d + 1]! : NONE, dt);
  out[k++] = f3(19, a.shape[d]!, dt, ht);
  out[k++] = f2(20, dt, kids[d]!.length === 0 ? 0 : 1);
  // Is d the first or the last of its head's dependents, and on which side?
  const sib = kids[h]!;
  const first = sib[0] === d ? 1 : 0;
  const last = sib[sib.length - 1] === d ? 1 : 0;
  out[k++] = f4(21, dt, ht, dir, first * 2 + last);
  const dk = kids[d]!;
  for (let j = 0; j < dk.length && j < 6; j++) {
    const c = dk[j]!;
    const ct = tags[c]!;
    const cw = isFunction[ct] ? a.word[c]! : ct;
    out[k++] = f4(22, dt, ct, cw, c < d ? 1 : 2);
    out[k++] = f4(23, dt, ht, cw, dir);
  }
  // The head's other dependents: its function words (auxiliaries, case markers) all, and the
  // nearest content word on each side of d.
  let left = -1;
  let right = -1;
  for (let j = 0; j < sib.length && k < MAX_FEATS - 2; j++) {
    const c = sib[j]!;
    if (c === d) continue;
    const ct = tags[c]!;
    if (isFunction[ct]) out[k++] = f4(24, dt, a.word[c]!, dir, c < d ? 1 : 2);
    else if (c < d) left = c;
    else if (right < 0) right = c;
  }
  out[k++] = f3(25, dt, left < 0 ? NONE : tags[left]!, dir);
  out[k++] = f3(26, dt, right < 0 ? NONE : tags[right]!, dir);
  return k;
}

/** Labels the arcs of parsed sentences with a frozen model. */
export class Labeller {
  private feats = new Int32Array(MAX_FEATS);
  private scores: Float32Array;
  constructor(readonly model: LinearModel) {
    this.scores = new Float32Array(model.classes);
  }

  /** The relation class of each word. */
  label(a: WordAtoms, tags: Uint8Array, heads: Int32Array): Int32Array {
    const labels = new Int32Array(a.n).fill(-1);
    const kids = childrenOf(heads);
    const s = this.scores;
    for (const d of topDown(kids, a.n)) {
      const k = features(a, tags, heads, kids, labels, d, this.feats);
      this.model.score(this.feats, k, s);
      let best = 0;
      for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
      labels[d] = best;
    }
    return labels;
  }
}

/** A sentence for training the labeller: gold heads (root = n) and gold relation classes. */
export interface LabelSentence {
  atoms: WordAtoms;
  tags: Uint8Array;
  heads: Int32Array;
  labels: Int32Array;
}

/** Trains the labeller on gold trees for `epochs` passes. */
export function trainLabeller(
  data: readonly LabelSentence[],
  classes: number,
  epochs: number,
  orderOf: (epoch: number) => readonly number[],
): LinearModel {
  const p = new Perceptron(classes);
  const feats = new Int32Array(MAX_FEATS);
  const scores = new Float32Array(classes);
  const kidsOf = data.map((s) => childrenOf(s.heads));
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, tags, heads, labels: gold } = data[si]!;
      const kids = kidsOf[si]!;
      const labels = new Int32Array(atoms.n).fill(-1);
      for (const d of topDown(kids, atoms.n)) {
        const k = features(atoms, tags, heads, kids, labels, d, feats);
        p.score(feats, k, scores);
        let best = 0;
        for (let c = 1; c < classes; c++) if (scores[c]! > scores[best]!) best = c;
        if (best !== gold[d]) p.update(feats, k, gold[d]!, best);
        labels[d] = best;
        p.step++;
      }
    }
  }
  return p.freeze();
}
