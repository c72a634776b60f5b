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

/** Mixes `v` into the running hash `h` (murmur3's body). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/**
 * A hashed feature key: murmur3's final avalanche, made positive and non-zero (0 marks an
 * empty slot; negative keys are dense rows, see LinearModel).
 */
export function featureKey(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x7fffffff || 1;
}

/** The starting hashes of templates 0 … n - 1. */
export function templateSeeds(n: number): Int32Array {
  return Int32Array.from({ length: n }, (_, t) => mix(0x9747b28c, t));
}
