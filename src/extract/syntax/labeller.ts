// The relation of each arc, chosen once the tree is built: an averaged perceptron that reads the
// dependent, its head, the head's own relation and head, and the function words around both
// (a passive auxiliary under the head, a case marker under the dependent).
import * as hash from './hash.ts';
import { type LinearModel, Perceptron } from './model.ts';
import { UPOS, type WordAtoms } from './words.ts';

const MAX_FEATS = 96;
const NONE = -3;
const ROOT = -4;
/** Tag values in dense features: the 17 UPOS classes, the root, and no word. */
const NT = 19;
const ROOT_TAG = 17;
const NONE_TAG = 18;
/** Relation values in dense features: up to 63 relations, and none. */
const NL = 64;
const NONE_LABEL = 63;
// Function-word tags whose words (not only tags) are worth reading under a word.
const FUNCTION_TAGS = new Set(['ADP', 'AUX', 'PART', 'SCONJ', 'DET', 'PRON', 'CCONJ', 'PUNCT']);
const isFunction = Uint8Array.from(UPOS, (t) => (FUNCTION_TAGS.has(t) ? 1 : 0));

// Bound once: tsx compiles an imported function's every call into a property read.
const mix = hash.mix;
const key = hash.featureKey;
/** The starting hash of each template. */
const SEED = hash.templateSeeds(32);

/** How many dense rows `features` uses. */
const DENSE_ROWS =
  2 * NT +
  3 * (3 * NT * NT) +
  9 * 3 * NT * NT +
  NT * NT * NT +
  3 * NL * NT +
  3 * NL * NT * NT +
  2 * NT +
  12 * NT * NT;

/**
 * A tree's children (a CSR list: word d's children are kid[first[d]] … kid[first[d + 1] - 1],
 * in order) and its words top-down, in arrays kept across sentences.
 */
class Tree {
  cap = 0;
  first = new Int32Array(0);
  kid = new Int32Array(0);
  order = new Int32Array(0);
  len = 0;

  build(heads: Int32Array): void {
    const n = heads.length;
    if (n + 2 > this.cap) {
      this.cap = Math.max(n + 2, this.cap * 2, 64);
      this.first = new Int32Array(this.cap);
      this.kid = new Int32Array(this.cap);
      this.order = new Int32Array(this.cap);
    }
    const { first, kid, order } = this;
    first.fill(0, 0, n + 2);
    for (let d = 0; d < n; d++) first[heads[d]! + 1]!++;
    for (let h = 0; h <= n; h++) first[h + 1] = first[h + 1]! + first[h]!;
    // Fill in order, using order[] as the per-head cursor for a moment.
    for (let h = 0; h <= n; h++) order[h] = first[h]!;
    for (let d = 0; d < n; d++) {
      const h = heads[d]!;
      kid[order[h]!] = d;
      order[h] = order[h]! + 1;
    }
    // Breadth-first from the root (n): each word after its head.
    let len = 0;
    for (let j = first[n]!; j < first[n + 1]!; j++) order[len++] = kid[j]!;
    for (let q = 0; q < len; q++) {
      const x = order[q]!;
      for (let j = first[x]!; j < first[x + 1]!; j++) order[len++] = kid[j]!;
    }
    this.len = len;
  }
}

function features(
  a: WordAtoms,
  tags: Uint8Array,
  heads: Int32Array,
  tree: Tree,
  labels: Int32Array,
  d: number,
  out: Int32Array,
): number {
  const n = a.n;
  const { first, kid } = tree;
  const h = heads[d]!;
  const isRoot = h === n;
  const dw = a.word[d]!;
  const dt = tags[d]!;
  const hw = isRoot ? ROOT : a.word[h]!;
  const ht = isRoot ? ROOT_TAG : tags[h]!;
  const dir = isRoot ? 0 : h < d ? 1 : 2;
  const dist = isRoot ? 0 : Math.min(Math.abs(h - d), 8);
  const g = isRoot ? -1 : heads[h]!;
  const gt = g < 0 ? NONE_TAG : g === n ? ROOT_TAG : tags[g]!;
  const hl = isRoot ? NONE_LABEL : labels[h]!;
  const hs = isRoot ? ROOT : a.suf2[h]!;
  const dtht = dt * NT + ht;
  // Is d the first or the last of its head's dependents?
  const sib0 = first[h]!;
  const sib1 = first[h + 1]!;
  const fl = (kid[sib0] === d ? 2 : 0) + (kid[sib1 - 1] === d ? 1 : 0);
  // The head's other dependents: its function words (auxiliaries, case markers) all, and the
  // nearest content word on each side of d.
  let left = -1;
  let right = -1;
  for (let j = sib0; j < sib1; j++) {
    const c = kid[j]!;
    if (c === d || isFunction[tags[c]!]) continue;
    if (c < d) left = c;
    else if (right < 0) right = c;
  }
  const lt = left < 0 ? NONE_TAG : tags[left]!;
  const rt = right < 0 ? NONE_TAG : tags[right]!;
  let k = 0;
  // Dense rows: `base` is the first row of each template.
  let base = 0;
  out[k++] = ~(base + dt);
  base += NT;
  out[k++] = ~(base + ht);
  base += NT;
  out[k++] = ~(base + dtht * 3 + dir);
  base += 3 * NT * NT;
  out[k++] = ~(base + (dtht * 3 + dir) * 9 + dist);
  base += 9 * 3 * NT * NT;
  out[k++] = ~(base + dtht * NT + gt);
  base += NT * NT * NT;
  out[k++] = ~(base + (dt * NL + hl) * 3 + dir);
  base += 3 * NL * NT;
  out[k++] = ~(base + (dtht * NL + hl) * 3 + dir);
  base += 3 * NL * NT * NT;
  out[k++] = ~(base + dt * 2 + (first[d + 1] === first[d] ? 0 : 1));
  base += 2 * NT;
  out[k++] = ~(base + (dtht * 3 + dir) * 4 + fl);
  base += 12 * NT * NT;
  out[k++] = ~(base + (dt * NT + lt) * 3 + dir);
  base += 3 * NT * NT;
  out[k++] = ~(base + (dt * NT + rt) * 3 + dir);
  base += 3 * NT * NT;
  // Hashed: words, and tags with words.
  out[k++] = key(mix(SEED[1]!, dw));
  out[k++] = key(mix(mix(SEED[3]!, dw), dt));
  out[k++] = key(mix(SEED[4]!, hw));
  out[k++] = key(mix(mix(SEED[6]!, hw), ht));
  out[k++] = key(mix(mix(SEED[8]!, dw), ht * 3 + dir));
  out[k++] = key(mix(mix(SEED[9]!, hw), dt * 3 + dir));
  out[k++] = key(mix(mix(mix(SEED[10]!, dw), hw), dir));
  out[k++] = key(mix(mix(SEED[15]!, hs), dtht * 3 + dir));
  out[k++] = key(mix(mix(SEED[16]!, a.suf3[d]!), dt * 3 + dir));
  out[k++] = key(mix(mix(SEED[17]!, d > 0 ? a.word[d - 1]! : NONE), dt));
  out[k++] = key(mix(mix(SEED[18]!, d + 1 < n ? a.word[d + 1]! : NONE), dt));
  out[k++] = key(mix(mix(SEED[19]!, a.shape[d]!), dtht));
  const k0 = first[d]!;
  const k1 = Math.min(first[d + 1]!, k0 + 6);
  for (let j = k0; j < k1; j++) {
    const c = kid[j]!;
    const ct = tags[c]!;
    const cw = isFunction[ct] ? a.word[c]! : ct;
    out[k++] = key(mix(mix(SEED[22]!, cw), (dt * NT + ct) * 3 + (c < d ? 1 : 2)));
    out[k++] = key(mix(mix(SEED[23]!, cw), dtht * 3 + dir));
  }
  for (let j = sib0; j < sib1 && k < MAX_FEATS; j++) {
    const c = kid[j]!;
    if (c === d || !isFunction[tags[c]!]) continue;
    out[k++] = key(mix(mix(SEED[24]!, a.word[c]!), (dt * 3 + dir) * 3 + (c < d ? 1 : 2)));
  }
  return k;
}

/** Labels the arcs of parsed sentences with a frozen model. */
export class Labeller {
  private feats = new Int32Array(MAX_FEATS);
  private scores: Float32Array;
  private tree = new Tree();
  constructor(readonly model: LinearModel) {
    this.scores = new Float32Array(model.classes);
  }

  /** The relation class of each word. */
  label(a: WordAtoms, tags: Uint8Array, heads: Int32Array): Int32Array {
    const labels = new Int32Array(a.n).fill(-1);
    const tree = this.tree;
    tree.build(heads);
    for (let q = 0; q < tree.len; q++) this.labelWord(a, tags, heads, tree, labels, tree.order[q]!);
    return labels;
  }

  /** Sets `labels[d]`; its head's label must be set already (or d be the root's word). */
  labelWord(
    a: WordAtoms,
    tags: Uint8Array,
    heads: Int32Array,
    tree: Tree,
    labels: Int32Array,
    d: number,
  ): void {
    const s = this.scores;
    const k = features(a, tags, heads, tree, labels, d, this.feats);
    this.model.score(this.feats, k, s);
    let best = 0;
    for (let c = 1; c < s.length; c++) if (s[c]! > s[best]!) best = c;
    labels[d] = best;
  }
}

/**
 * Labels one parsed sentence's words on demand: the returned function gives word d's relation
 * class. The labeller reads only the head's relation among the others, so a word's relation
 * needs its head's first: each call labels the word's unlabelled heads top-down, and the labels
 * are those `label` gives, for the work of the words read and their heads alone.
 */
export function labelLazily(
  labeller: Labeller,
  a: WordAtoms,
  tags: Uint8Array,
  heads: Int32Array,
): (d: number) => number {
  const n = a.n;
  const labels = new Int32Array(n).fill(-1);
  // A tree of its own: the labeller's is rebuilt by the next sentence it labels.
  const tree = new Tree();
  tree.build(heads);
  const chain: number[] = [];
  return (d) => {
    for (let x = d; x !== n && labels[x]! < 0; x = heads[x]!) chain.push(x);
    while (chain.length) labeller.labelWord(a, tags, heads, tree, labels, chain.pop()!);
    return labels[d]!;
  };
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
  prune = 0,
): LinearModel {
  if (classes > NONE_LABEL) throw new Error(`the labeller takes at most ${NONE_LABEL} relations`);
  const p = new Perceptron(classes);
  const feats = new Int32Array(MAX_FEATS);
  const scores = new Float32Array(classes);
  const tree = new Tree();
  for (let e = 0; e < epochs; e++) {
    for (const si of orderOf(e)) {
      const { atoms, tags, heads, labels: gold } = data[si]!;
      tree.build(heads);
      const labels = new Int32Array(atoms.n).fill(-1);
      for (let q = 0; q < tree.len; q++) {
        const d = tree.order[q]!;
        const k = features(atoms, tags, heads, tree, labels, d, feats);
        p.score(feats, k, scores);
        let best = 0;
        for (let c = 1; c < classes; c++) if (scores[c]! > scores[best]!) best = c;
        if (best !== gold[d]) p.update(feats, k, gold[d]!, best);
        labels[d] = best;
        p.step++;
      }
    }
  }
  return p.freeze(prune, DENSE_ROWS);
}
