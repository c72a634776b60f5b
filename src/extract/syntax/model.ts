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
 * saved form). Scoring goes through an open-addressing table of 4-int records, so a feature
 * costs one probe into one cache line:
 *
 * - 3 classes (the parser): [key, w0, w1, w2], the weights as floats;
 * - other counts (tagger, labeller): [key, e0, e1, e2], a row's entries packed as
 *   (weight in steps of `scale`) << 8 | class, 0 for none. A row of more than 3 entries spills:
 *   e0 = SPILL and e1 = its ref, ≥ 0 for a run of entries in `spill` (ended by 0), < 0 for full
 *   row ~ref of `classes` int16 weights in `full` (rows with many entries: the common features).
 *
 * A model with `dense` rows also has features that are numbers, not hashes: key ~i (negative)
 * is dense row i, read with no hashing and no probe, from an array of `dense` records laid out
 * as the table's (for 3 classes, just the weights). The tag, distance and valency features of
 * the parser and labeller are such rows; their hashed keys are positive.
 */
export class LinearModel {
  private table: Int32Array;
  /** The table's weights for 3 classes (a Float32 view of its buffer). */
  private weights: Float32Array;
  private cap: number;
  private packed: boolean;
  private spill: Int32Array;
  private full: Int16Array;
  /** Dense rows: 3 floats each for 3 classes, else records of 4 ints (the key unused). */
  private denseWeights: Float32Array;
  private denseRecords: Int32Array;
  /** The sums of `score`, in weight steps (whole numbers: at most 96 int16 steps each). */
  private acc: Int32Array;
  private scale: number;
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
    const packed = (this.packed = classes === 3);
    this.acc = new Int32Array(classes);
    let max = 0;
    for (let i = 0; i < weight.length; i++) max = Math.max(max, Math.abs(weight[i]!));
    const scale = (this.scale = max / 32767 || 1);
    const q = (j: number) => (Math.round(weight[j]! / scale) << 8) | cls[j]!;
    const isDense = (r: number) => dense > 0 && keys[r]! < 0;
    const size = (r: number) => start[r + 1]! - start[r]!;
    const isFull = (r: number) => size(r) >= classes / 4;
    let hashed = 0;
    let fullRows = 0;
    let spilled = 0;
    for (let r = 0; r < keys.length; r++) {
      if (!isDense(r)) hashed++;
      if (packed || size(r) <= 3) continue;
      if (isFull(r)) fullRows++;
      else spilled += size(r) + 1;
    }
    // A load of at most 0.6: a missing key (most features of a new sentence) stops early.
    let cap = 1024;
    while (cap * 0.6 < hashed) cap *= 2;
    this.cap = cap;
    const buffer = new ArrayBuffer(this.cap * 16);
    this.table = new Int32Array(buffer);
    this.weights = new Float32Array(buffer);
    this.spill = new Int32Array(spilled);
    this.full = new Int16Array(fullRows * classes);
    this.denseWeights = new Float32Array(packed ? dense * classes : 0);
    this.denseRecords = new Int32Array(packed ? 0 : dense * 4);
    let nextFull = 0;
    let nextSpill = 0;
    // Writes row r's weights into the record at table[o] (o + 1 … o + 3).
    const record = (r: number, into: Int32Array, o: number) => {
      const n = size(r);
      if (n <= 3) {
        for (let j = 0; j < n; j++) into[o + 1 + j] = q(start[r]! + j);
      } else if (isFull(r)) {
        into[o + 1] = SPILL;
        into[o + 2] = ~nextFull;
        for (let j = start[r]!; j < start[r + 1]!; j++) {
          this.full[nextFull * classes + cls[j]!] = Math.round(weight[j]! / scale);
        }
        nextFull++;
      } else {
        into[o + 1] = SPILL;
        into[o + 2] = nextSpill;
        for (let j = start[r]!; j < start[r + 1]!; j++) this.spill[nextSpill++] = q(j);
        this.spill[nextSpill++] = 0;
      }
    };
    for (let r = 0; r < keys.length; r++) {
      if (isDense(r)) {
        const i = ~keys[r]!;
        if (!packed) record(r, this.denseRecords, 4 * i);
        else {
          for (let j = start[r]!; j < start[r + 1]!; j++) {
            this.denseWeights[i * classes + cls[j]!] = weight[j]!;
          }
        }
        continue;
      }
      let i = keys[r]! & (cap - 1);
      while (this.table[4 * i] !== 0) i = (i + 1) & (cap - 1);
      const o = 4 * i;
      this.table[o] = keys[r]!;
      if (packed) {
        for (let j = start[r]!; j < start[r + 1]!; j++) this.weights[o + 1 + cls[j]!] = weight[j]!;
      } else {
        record(r, this.table, o);
      }
    }
  }

  /** Adds the weights of `feats[0..n)` into `scores` (which it zeroes first). */
  score(feats: Int32Array, n: number, scores: Float32Array): void {
    if (this.packed) {
      this.scorePacked(feats, n, scores);
      return;
    }
    const { table, classes, acc } = this;
    const mask = this.cap - 1;
    acc.fill(0);
    const dense = this.dense > 0;
    for (let f = 0; f < n; f++) {
      const key = feats[f]!;
      if (dense && key < 0) {
        this.add(this.denseRecords, 4 * ~key);
        continue;
      }
      let i = key & mask;
      let k = table[4 * i]!;
      while (k !== key && k !== 0) {
        i = (i + 1) & mask;
        k = table[4 * i]!;
      }
      if (k !== 0) this.add(table, 4 * i);
    }
    const scale = this.scale;
    for (let c = 0; c < classes; c++) scores[c] = acc[c]! * scale;
  }

  /** Adds the weights of the record at `records[o]` into `acc`. */
  private add(records: Int32Array, o: number): void {
    const acc = this.acc;
    const e0 = records[o + 1]!;
    if (e0 !== SPILL) {
      if (e0 === 0) return;
      acc[e0 & 255] = acc[e0 & 255]! + (e0 >> 8);
      const e1 = records[o + 2]!;
      if (e1 === 0) return;
      acc[e1 & 255] = acc[e1 & 255]! + (e1 >> 8);
      const e2 = records[o + 3]!;
      if (e2 === 0) return;
      acc[e2 & 255] = acc[e2 & 255]! + (e2 >> 8);
      return;
    }
    const ref = records[o + 2]!;
    if (ref < 0) {
      const { full, classes } = this;
      const b = ~ref * classes;
      for (let c = 0; c < classes; c++) acc[c] = acc[c]! + full[b + c]!;
      return;
    }
    const spill = this.spill;
    for (let j = ref; ; j++) {
      const e = spill[j]!;
      if (e === 0) return;
      acc[e & 255] = acc[e & 255]! + (e >> 8);
    }
  }

  /** `score` for a model of 3 classes (the parser), with the sums in registers. */
  private scorePacked(feats: Int32Array, n: number, scores: Float32Array): void {
    const { table, weights, denseWeights } = this;
    const mask = this.cap - 1;
    const dense = this.dense > 0;
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
      let i = key & mask;
      let k = table[4 * i]!;
      while (k !== key && k !== 0) {
        i = (i + 1) & mask;
        k = table[4 * i]!;
      }
      if (k === 0) continue;
      a0 += weights[4 * i + 1]!;
      a1 += weights[4 * i + 2]!;
      a2 += weights[4 * i + 3]!;
    }
    scores[0] = a0;
    scores[1] = a1;
    scores[2] = a2;
  }
}

/** The first entry of a record whose row lives outside the table. */
const SPILL = -0x80000000;

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
