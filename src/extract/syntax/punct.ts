// Punctuation re-attached by the UD guidelines (https://universaldependencies.org/u/dep/punct.html),
// as udapi's ud.FixPunct block does: a pair of quotes or brackets goes to the head of what it
// encloses; any other mark to the lower of the highest words on its left and on its right that
// it can hang from without crossing an arc (the final stop to the left only).
// A map: a look-up of every word in an object literal walks its prototype when it misses.
const PAIRED = new Map([
  ['(', ')'],
  ['[', ']'],
  ['{', '}'],
  ['"', '"'],
  ['“', '”'],
]);
const FINAL = new Set(['.', '?', '!']);

// Buffers kept across sentences.
let type = new Int8Array(64);
let lo = new Int32Array(64);
let hi = new Int32Array(64);
const path: number[] = [];

/** Is word x under word a (n, the length, is the root)? */
function isUnder(heads: Int32Array, x: number, a: number): boolean {
  const n = heads.length;
  for (let g = 0; x !== n && g < n; x = heads[x]!, g++) if (x === a) return true;
  return a === n;
}

/**
 * Re-attaches the punctuation of a parsed sentence in place. `heads[i]` is word i's head, n the
 * root; `isPunct(i)` marks punctuation.
 */
export function fixPunct(
  forms: readonly string[],
  isPunct: (i: number) => boolean,
  heads: Int32Array,
): void {
  const n = heads.length;
  // Punctuation has no dependents: they move up to the first word that is not punctuation.
  for (let i = 0; i < n; i++) {
    let h = heads[i]!;
    while (h !== n && isPunct(h) && h !== i) h = heads[h]!;
    if (h !== i) heads[i] = h;
  }
  if (n + 1 > lo.length) {
    const cap = Math.max(2 * lo.length, n + 1);
    type = new Int8Array(cap);
    lo = new Int32Array(cap);
    hi = new Int32Array(cap);
  }
  type.fill(0, 0, n); // 1 opening, 2 closing
  for (let i = 0; i < n; i++) {
    if (type[i] === 2 || !isPunct(i)) continue;
    const close = PAIRED.get(forms[i]!);
    if (!close) continue;
    let depth = 0;
    for (let j = i + 1; j < n; j++) {
      if (forms[j] === close && depth === 0) {
        let first = -1;
        let last = -1;
        let pfirst = -1;
        let plast = -1;
        for (let k = i + 1; k < j; k++) {
          const h = heads[k]!;
          if (h === n || h < i || h > j) {
            if (isPunct(k)) {
              if (pfirst < 0) pfirst = k;
              plast = k;
            } else {
              if (first < 0) first = k;
              last = k;
            }
          }
        }
        if (first < 0) {
          first = pfirst;
          last = plast;
        }
        if (first >= 0) {
          heads[i] = first;
          heads[j] = last;
          type[i] = 1;
          type[j] = 2;
        }
        break;
      }
      if (forms[j] === close) depth--;
      else if (forms[j] === forms[i]) depth++;
    }
  }
  // Each word's span: the first and last word under it.
  for (let i = 0; i <= n; i++) lo[i] = hi[i] = i;
  lo[n] = 0;
  for (let i = 0; i < n; i++) {
    for (let h = heads[i]!, g = 0; h !== n && g < n; h = heads[h]!, g++) {
      if (i < lo[h]!) lo[h] = i;
      if (i > hi[h]!) hi[h] = i;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!isPunct(i) || type[i]) continue;
    let l = i - 1;
    let r = FINAL.has(forms[i]!) ? n : i + 1;
    while (l >= 0 && isPunct(l)) {
      if (type[l] === 1 && heads[l] !== i) l = -1;
      else l--;
    }
    while (r < n && isPunct(r)) {
      if (type[r] === 2 && heads[r] !== i) r = n;
      else r++;
    }
    path.length = 0;
    // The nearest words (not marks) on each side.
    let l0 = i - 1;
    while (l0 >= 0 && isPunct(l0)) l0--;
    let r0 = i + 1;
    while (r0 < n && isPunct(r0)) r0++;
    // A candidate c keeps the tree projective when every word between it and i is under it:
    // c < i reaches l0, c > i reaches r0.
    let lc = -1;
    if (l >= 0) {
      while (heads[l] !== n && heads[l]! < i && hi[l]! <= i) {
        if (hi[l]! >= l0) path.push(l);
        l = heads[l]!;
      }
      if (hi[l]! >= l0) path.push(l);
      lc = path.length ? path[path.length - 1]! : -1;
    }
    const lpath = path.length;
    let rc = -1;
    if (r < n) {
      while (heads[r] !== n && heads[r]! > i && lo[r]! >= i) {
        if (lo[r]! <= r0) path.push(r);
        r = heads[r]!;
      }
      if (lo[r]! <= r0) path.push(r);
      rc = path.length > lpath ? path[path.length - 1]! : -1;
    }
    let cand = -1;
    if (lc >= 0 && rc >= 0) cand = isUnder(heads, lc, rc) ? lc : isUnder(heads, rc, lc) ? rc : lc;
    else cand = lc >= 0 ? lc : rc;
    if (cand < 0) continue;
    heads[i] = cand;
  }
  // One root: a mark that was the root passed it to its dependents; the first word keeps it.
  let root = -1;
  for (let i = 0; i < n; i++) {
    if (heads[i] !== n) continue;
    if (root < 0) root = i;
    else if (isPunct(root) && !isPunct(i)) {
      heads[root] = i;
      root = i;
    } else heads[i] = root;
  }
}
