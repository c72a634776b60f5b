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
 * line; for more classes (most rows have a few non-zero weights) a record is [key, row] and the
 * row's entries follow each other as (class, weight) pairs.
 */
export class LinearModel {
  private table: Int32Array;
  private weights: Float32Array;
  private mask: number;
  private stride: number;
  private packed: boolean;
  constructor(
    readonly classes: number,
    /** Feature hashes, one a row, in ascending order. */
    readonly keys: Int32Array,
    /** Row r's entries are start[r] … start[r + 1] - 1. */
    readonly start: Int32Array,
    readonly cls: Uint8Array,
    readonly weight: Float32Array,
  ) {
    let cap = 1024;
    while (cap < keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.packed = classes <= 3;
    const stride = (this.stride = this.packed ? 4 : 2);
    const buffer = new ArrayBuffer(cap * stride * 4);
    this.table = new Int32Array(buffer);
    this.weights = this.packed ? new Float32Array(buffer) : new Float32Array(2 * cls.length + 2);
    // Unpacked rows: entry j at 2j (its class as a float, then its weight), row r from
    // start[r] to start[r + 1].
    for (let r = 0; r < keys.length; r++) {
      let i = keys[r]! & this.mask;
      while (this.table[i * stride] !== 0) i = (i + 1) & this.mask;
      const o = i * stride;
      this.table[o] = keys[r]!;
      if (this.packed) {
        for (let j = start[r]!; j < start[r + 1]!; j++) this.weights[o + 1 + cls[j]!] = weight[j]!;
      } else {
        this.table[o + 1] = r;
      }
    }
    if (!this.packed) {
      for (let j = 0; j < cls.length; j++) {
        this.weights[2 * j] = cls[j]!;
        this.weights[2 * j + 1] = weight[j]!;
      }
    }
  }

  /** Adds the weights of `feats[0..n)` into `scores` (which it zeroes first). */
  score(feats: Int32Array, n: number, scores: Float32Array): void {
    scores.fill(0);
    const { table, weights, mask, stride, classes, start } = this;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      let o = (key & mask) * stride;
      let k = table[o]!;
      while (k !== key && k !== 0) {
        o = o + stride === table.length ? 0 : o + stride;
        k = table[o]!;
      }
      if (k === 0) continue;
      if (this.packed) {
        for (let c = 0; c < classes; c++) scores[c] = scores[c]! + weights[o + 1 + c]!;
      } else {
        const r = table[o + 1]!;
        const e = 2 * start[r + 1]!;
        for (let j = 2 * start[r]!; j < e; j += 2) {
          const c = weights[j]!;
          scores[c] = scores[c]! + weights[j + 1]!;
        }
      }
    }
  }
}

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
   * depend on the order features were first seen in.
   */
  freeze(prune = 0, levels = 32767): LinearModel {
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
      if (rowMax < prune * max) continue;
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
    JSON.stringify({ ...meta, classes: model.classes, rows, entries, scale }),
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
  ) as Record<string, unknown> & { classes: number; rows: number; entries: number; scale: number };
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
  return { model: new LinearModel(meta.classes, keys, start, cls, weight), meta };
}
