// Linear models over hashed features: a trainable averaged perceptron with dense rows per
// feature, and the frozen, sparse form that is saved to data/models/ and scored at run time.

/** Open-addressing map from a non-zero 32-bit feature hash to a row number. */
class KeyTable {
  keys: Int32Array;
  rows: Int32Array;
  size = 0;
  constructor(capacity: number) {
    let cap = 1024;
    while (cap < capacity * 2) cap *= 2;
    this.keys = new Int32Array(cap);
    this.rows = new Int32Array(cap);
  }
  /** The row of `key`, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let i = key & mask; ; i = (i + 1) & mask) {
      const k = this.keys[i]!;
      if (k === key) return this.rows[i]!;
      if (k === 0) return -1;
    }
  }
  /** Sets the row of a key not in the table. */
  set(key: number, row: number): void {
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    const mask = this.keys.length - 1;
    let i = key & mask;
    while (this.keys[i] !== 0) i = (i + 1) & mask;
    this.keys[i] = key;
    this.rows[i] = row;
    this.size++;
  }
  private grow(): void {
    const { keys, rows } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.rows = new Int32Array(keys.length * 2);
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, rows[i]!);
  }
}

/**
 * A frozen linear model: for each feature, a row of class weights, kept as sparse rows (the
 * saved form). Scoring goes through an open-addressing table: for models of up to 3 classes
 * (the parser) its records are [key, w0, w1, w2], so a feature costs one probe into one cache
 * line. For more classes a record is [key, ref]: a row with many non-zero weights (the common
 * features) is a full row of `classes` weights, added in one sequential loop; a row with a few
 * is a run of (class, weight) pairs.
 *
 * A model with `dense` rows also has features that are numbers, not hashes: key ~i (negative)
 * is dense row i, read with no hashing and no probe: for a packed model, row i of a plain array
 * of `dense` × `classes` weights; otherwise an array gives its ref. The tag, distance and
 * valency features of the parser and labeller are such rows; their hashed keys are positive.
 */
export class LinearModel {
  private table: Int32Array;
  private mask: number;
  private stride: number;
  private packed: boolean;
  /** Packed: the table's weights (a Float32 view of its buffer). Unpacked: (class, weight) pairs. */
  private weights: Float32Array;
  /** Unpacked: full rows, `classes` weights each. */
  private full: Float32Array;
  /** The dense rows of a packed model, `classes` weights a row. */
  private denseWeights: Float32Array;
  /** The dense rows of an unpacked model: each one's ref, or NO_ROW. */
  private denseRef: Int32Array;
  /** The sums of `score`, in doubles (no conversion at each addition). */
  private acc: Float64Array;
  constructor(
    readonly classes: number,
    /** Feature hashes, one a row, in ascending order. */
    readonly keys: Int32Array,
    /** Row r's entries are start[r] … start[r + 1] - 1. */
    readonly start: Int32Array,
    readonly cls: Uint8Array,
    readonly weight: Float32Array,
    /** How many dense rows (keys ~0 … ~(dense - 1)); 0 when every key is a hash. */
    readonly dense = 0,
  ) {
    const packed = (this.packed = classes <= 3);
    this.acc = new Float64Array(classes);
    this.denseWeights = new Float32Array(packed ? dense * classes : 0);
    this.denseRef = new Int32Array(packed ? 0 : dense).fill(NO_ROW);
    const isDense = (r: number) => dense > 0 && keys[r]! < 0;
    // Unpacked refs: ref >= 0 is the first pair (at 2 × ref) of a sparse row, which ends at a
    // pair whose class is -1; ref < 0 is full row ~ref.
    const isFull = (r: number) => start[r + 1]! - start[r]! >= classes / 4;
    let hashed = 0;
    let fullRows = 0;
    let pairs = 0;
    for (let r = 0; r < keys.length; r++) {
      if (!isDense(r)) hashed++;
      if (packed) continue;
      if (isFull(r)) fullRows++;
      else pairs += start[r + 1]! - start[r]! + 1;
    }
    this.full = new Float32Array(fullRows * classes);
    let cap = 1024;
    while (cap < hashed * 2) cap *= 2;
    this.mask = cap - 1;
    const stride = (this.stride = packed ? 4 : 2);
    const buffer = new ArrayBuffer(cap * stride * 4);
    this.table = new Int32Array(buffer);
    this.weights = packed ? new Float32Array(buffer) : new Float32Array(2 * pairs);
    let nextFull = 0;
    let next = 0;
    for (let r = 0; r < keys.length; r++) {
      let ref = 0;
      if (!packed) {
        if (isFull(r)) {
          ref = ~nextFull;
          for (let j = start[r]!; j < start[r + 1]!; j++) {
            this.full[nextFull * classes + cls[j]!] = weight[j]!;
          }
          nextFull++;
        } else {
          // A sparse row: its pairs, then a pair whose class is -1 to end it.
          ref = next;
          for (let j = start[r]!; j < start[r + 1]!; j++, next++) {
            this.weights[2 * next] = cls[j]!;
            this.weights[2 * next + 1] = weight[j]!;
          }
          this.weights[2 * next] = -1;
          next++;
        }
      }
      if (isDense(r)) {
        if (packed) {
          const o = ~keys[r]! * classes;
          for (let j = start[r]!; j < start[r + 1]!; j++) {
            this.denseWeights[o + cls[j]!] = weight[j]!;
          }
        } else {
          this.denseRef[~keys[r]!] = ref;
        }
        continue;
      }
      let i = keys[r]! & this.mask;
      while (this.table[i * stride] !== 0) i = (i + 1) & this.mask;
      const o = i * stride;
      this.table[o] = keys[r]!;
      if (packed) {
        for (let j = start[r]!; j < start[r + 1]!; j++) this.weights[o + 1 + cls[j]!] = weight[j]!;
      } else {
        this.table[o + 1] = ref;
      }
    }
  }

  /** Adds the weights of `feats[0..n)` into `scores` (which it zeroes first). */
  score(feats: Int32Array, n: number, scores: Float32Array): void {
    if (this.packed && this.classes === 3) {
      this.score3(feats, n, scores);
      return;
    }
    const acc = this.acc;
    acc.fill(0);
    const { table, weights, mask, stride, classes } = this;
    const dense = this.dense > 0;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      let ref: number;
      if (dense && key < 0) {
        if (this.packed) {
          const o = ~key * classes;
          const dw = this.denseWeights;
          for (let c = 0; c < classes; c++) acc[c] = acc[c]! + dw[o + c]!;
          continue;
        }
        ref = this.denseRef[~key]!;
        if (ref === NO_ROW) continue;
      } else {
        let o = (key & mask) * stride;
        let k = table[o]!;
        while (k !== key && k !== 0) {
          o = o + stride === table.length ? 0 : o + stride;
          k = table[o]!;
        }
        if (k === 0) continue;
        if (this.packed) {
          for (let c = 0; c < classes; c++) acc[c] = acc[c]! + weights[o + 1 + c]!;
          continue;
        }
        ref = table[o + 1]!;
      }
      if (ref < 0) {
        const full = this.full;
        const o = ~ref * classes;
        for (let c = 0; c < classes; c++) acc[c] = acc[c]! + full[o + c]!;
      } else {
        for (let j = 2 * ref; ; j += 2) {
          const c = weights[j]!;
          if (c < 0) break;
          acc[c] = acc[c]! + weights[j + 1]!;
        }
      }
    }
    for (let c = 0; c < classes; c++) scores[c] = acc[c]!;
  }

  /** `score` for a packed model of 3 classes (the parser), with the sums in registers. */
  private score3(feats: Int32Array, n: number, scores: Float32Array): void {
    const { table, weights, mask, denseWeights } = this;
    const dense = this.dense > 0;
    const end = table.length;
    let a0 = 0;
    let a1 = 0;
    let a2 = 0;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      if (dense && key < 0) {
        const o = ~key * 3;
        a0 += denseWeights[o]!;
        a1 += denseWeights[o + 1]!;
        a2 += denseWeights[o + 2]!;
        continue;
      }
      let o = (key & mask) << 2;
      let k = table[o]!;
      while (k !== key && k !== 0) {
        o = o + 4 === end ? 0 : o + 4;
        k = table[o]!;
      }
      if (k === 0) continue;
      a0 += weights[o + 1]!;
      a1 += weights[o + 2]!;
      a2 += weights[o + 3]!;
    }
    scores[0] = a0;
    scores[1] = a1;
    scores[2] = a2;
  }
}

/** No row: a dense feature never seen in training. */
const NO_ROW = 0x7fffffff;

/** An averaged perceptron being trained; `freeze` gives the averaged, sparse model. */
export class Perceptron {
  private table = new KeyTable(1 << 16);
  private w: Float32Array;
  // u accumulates step × update, so the average is w - u / step (Daumé's trick).
  private u: Float32Array;
  private rows = 0;
  step = 1;
  constructor(readonly classes: number) {
    this.w = new Float32Array(classes * 4096);
    this.u = new Float32Array(classes * 4096);
  }

  /** Adds the current (not averaged) weights of `feats` into `scores`. */
  score(feats: Int32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    const c = this.classes;
    for (let i = 0; i < n; i++) {
      const r = this.table.get(feats[i]!);
      if (r < 0) continue;
      const o = r * c;
      for (let k = 0; k < c; k++) scores[k] = scores[k]! + this.w[o + k]!;
    }
  }

  /** Rewards class `good` and penalises class `bad` on `feats`. */
  update(feats: Int32Array, n: number, good: number, bad: number): void {
    const c = this.classes;
    const t = this.step;
    for (let i = 0; i < n; i++) {
      const key = feats[i]!;
      let r = this.table.get(key);
      if (r < 0) r = this.addRow(key);
      const o = r * c;
      this.w[o + good] = this.w[o + good]! + 1;
      this.u[o + good] = this.u[o + good]! + t;
      this.w[o + bad] = this.w[o + bad]! - 1;
      this.u[o + bad] = this.u[o + bad]! - t;
    }
  }

  private addRow(key: number): number {
    const r = this.rows++;
    if (this.rows * this.classes > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float32Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    this.table.set(key, r);
    return r;
  }

  /**
   * The averaged weights, rounded to 1/`levels` of the largest, with entries that round to
   * zero dropped, and rows whose largest weight is under `prune` times the model's largest
   * (rare features, nearly never updated). Rows come out in key order, so the result does not
   * depend on the order features were first seen in. With `dense` > 0, negative keys are dense
   * rows (see LinearModel), which are not pruned when packed (they cost nothing to keep).
   */
  freeze(prune = 0, dense = 0, levels = 32767): LinearModel {
    const c = this.classes;
    const t = this.step;
    const avg = new Float32Array(this.rows * c);
    let max = 0;
    for (let i = 0; i < avg.length; i++) {
      const a = this.w[i]! - this.u[i]! / t;
      avg[i] = a;
      if (Math.abs(a) > max) max = Math.abs(a);
    }
    const scale = max / levels || 1;
    const order: [number, number][] = [];
    const tk = this.table as unknown as { keys: Int32Array; rows: Int32Array };
    for (let i = 0; i < tk.keys.length; i++) {
      if (tk.keys[i] !== 0) order.push([tk.keys[i]!, tk.rows[i]!]);
    }
    order.sort((a, b) => a[0] - b[0]);
    const keys: number[] = [];
    const start: number[] = [0];
    const cls: number[] = [];
    const weight: number[] = [];
    for (const [key, r] of order) {
      let rowMax = 0;
      for (let k = 0; k < c; k++) rowMax = Math.max(rowMax, Math.abs(avg[r * c + k]!));
      if (rowMax < prune * max && !(dense > 0 && key < 0 && c <= 3)) continue;
      const before = cls.length;
      for (let k = 0; k < c; k++) {
        const q = Math.round(avg[r * c + k]! / scale);
        if (q === 0) continue;
        cls.push(k);
        weight.push(q * scale);
      }
      if (cls.length === before) continue;
      keys.push(key);
      start.push(cls.length);
    }
    return new LinearModel(
      c,
      Int32Array.from(keys),
      Int32Array.from(start),
      Uint8Array.from(cls),
      Float32Array.from(weight),
      dense,
    );
  }
}

const MAGIC = 'TIESLM1\n';

/** The bytes of a model file: a magic line, a JSON header, then the rows as typed arrays. */
export function encodeModel(model: LinearModel, meta: Record<string, unknown>): Uint8Array {
  const rows = model.keys.length;
  const entries = model.cls.length;
  let max = 0;
  for (let i = 0; i < entries; i++) max = Math.max(max, Math.abs(model.weight[i]!));
  const scale = max / 32767 || 1;
  const header = new TextEncoder().encode(
    JSON.stringify({ ...meta, classes: model.classes, rows, entries, scale, dense: model.dense }),
  );
  // Sections are padded to 4 bytes so each can be viewed in place when aligned.
  const pad = (n: number) => (n + 3) & ~3;
  const hlen = pad(MAGIC.length + 4 + header.length);
  const size = hlen + 4 * rows + pad(rows) + pad(entries) + pad(2 * entries);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  out.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(MAGIC.length, header.length, true);
  out.set(header, MAGIC.length + 4);
  let o = hlen;
  for (let r = 0; r < rows; r++, o += 4) view.setInt32(o, model.keys[r]!, true);
  for (let r = 0; r < rows; r++) out[o + r] = model.start[r + 1]! - model.start[r]!;
  o += pad(rows);
  out.set(model.cls, o);
  o += pad(entries);
  for (let i = 0; i < entries; i++, o += 2) {
    view.setInt16(o, Math.round(model.weight[i]! / scale), true);
  }
  return out;
}

/** Reads a model file made by `encodeModel`; returns the model and the header's other fields. */
export function decodeModel(bytes: Uint8Array): {
  model: LinearModel;
  meta: Record<string, unknown>;
} {
  const magic = new TextDecoder().decode(bytes.subarray(0, MAGIC.length));
  if (magic !== MAGIC) throw new Error('not a ties linear model file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const hl = view.getUint32(MAGIC.length, true);
  const meta = JSON.parse(
    new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + hl)),
  ) as Record<string, unknown> & {
    classes: number;
    rows: number;
    entries: number;
    scale: number;
    dense?: number;
  };
  const pad = (n: number) => (n + 3) & ~3;
  const { rows, entries, scale } = meta;
  let o = pad(MAGIC.length + 4 + hl);
  // A copy, aligned (a Node Buffer's slice would share, and misalign, its pool).
  const copy = (n: number) => new Uint8Array(bytes.buffer, bytes.byteOffset + o, n).slice().buffer;
  const keys = new Int32Array(copy(4 * rows));
  o += 4 * rows;
  const start = new Int32Array(rows + 1);
  for (let r = 0; r < rows; r++) start[r + 1] = start[r]! + bytes[o + r]!;
  o += pad(rows);
  const cls = new Uint8Array(copy(entries));
  o += pad(entries);
  const q = new Int16Array(copy(2 * entries));
  const weight = new Float32Array(entries);
  for (let i = 0; i < entries; i++) weight[i] = q[i]! * scale;
  const model = new LinearModel(meta.classes, keys, start, cls, weight, meta.dense ?? 0);
  return { model, meta };
}
