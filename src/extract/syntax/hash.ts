// Integer hashing for features: a feature is a template number mixed with the atoms it reads
// (word hashes, tag numbers), so no feature string is ever built at run time.

/** FNV-1a over the UTF-16 code units of `s`: a stable 32-bit word atom. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** Mixes `v` into the running hash `h` (murmur3's body and a final avalanche step). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  return h;
}

/** The final avalanche of a feature hash; never 0, which marks an empty slot. */
export function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h === 0 ? 1 : h;
}

/** A feature of template `t` over one, two or three atoms. */
export const f1 = (t: number, a: number) => finish(mix(mix(0x9747b28c, t), a));
export const f2 = (t: number, a: number, b: number) => finish(mix(mix(mix(0x9747b28c, t), a), b));
export const f3 = (t: number, a: number, b: number, c: number) =>
  finish(mix(mix(mix(mix(0x9747b28c, t), a), b), c));
export const f4 = (t: number, a: number, b: number, c: number, d: number) =>
  finish(mix(mix(mix(mix(mix(0x9747b28c, t), a), b), c), d));
