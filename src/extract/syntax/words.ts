// What the tagger and the parser read of a word: hashed atoms, computed once per token.
import { hashString } from './hash.ts';

/** The Universal POS tags, in the order of the tagger's classes. */
export const UPOS = [
  'ADJ',
  'ADP',
  'ADV',
  'AUX',
  'CCONJ',
  'DET',
  'INTJ',
  'NOUN',
  'NUM',
  'PART',
  'PRON',
  'PROPN',
  'PUNCT',
  'SCONJ',
  'SYM',
  'VERB',
  'X',
] as const;

/** A UPOS tag. */
export type Upos = (typeof UPOS)[number];

/** The lower-cased key of a form, with typographic apostrophes and quotes straightened. */
export function keyOf(form: string): string {
  const lower = form.toLowerCase();
  // Most words have no such mark: one test instead of two replacements.
  if (!TYPOGRAPHIC.test(lower)) return lower;
  return lower.replace(/[’‘`]/g, "'").replace(/[“”]/g, '"');
}
const TYPOGRAPHIC = /[’‘`“”]/;

/** The normalised word the models read: numbers by shape class, everything else its key. */
export function normalize(form: string): string {
  const k = keyOf(form);
  if (/^\d{4}$/.test(k)) return '!year';
  if (/^[-+]?\d[\d.,:/-]*$/.test(k)) return k.length <= 2 ? '!d' : '!num';
  if (/^(?:https?:|www\.)/.test(k)) return '!url';
  if (/^[^\s@]+@[^\s@]+\.[a-z]+$/.test(k)) return '!email';
  return k;
}

/** The word's shape: X capitals, x lower case, d digits, other characters kept; runs cut at 2. */
export function shapeOf(form: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of form) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 2) out += c;
    if (out.length >= 8) break;
  }
  return out;
}

/** Hashed atoms of a sentence's words, one array per atom kind. */
export interface WordAtoms {
  n: number;
  word: Int32Array;
  cased: Int32Array;
  shape: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre2: Int32Array;
  pre3: Int32Array;
}

// Atoms by form, for the words seen before (most words of a text): bounded, cleared when full.
const CACHE_LIMIT = 100_000;
const cache = new Map<string, Int32Array>();

function atomsOfForm(form: string): Int32Array {
  let v = cache.get(form);
  if (v) return v;
  const k = keyOf(form);
  v = Int32Array.of(
    hashString(normalize(form)),
    hashString(form),
    hashString(shapeOf(form)),
    hashString(k.slice(-1)),
    hashString(k.slice(-2)),
    hashString(k.slice(-3)),
    hashString(k.slice(-4)),
    hashString(k.slice(0, 1)),
    hashString(k.slice(0, 2)),
    hashString(k.slice(0, 3)),
  );
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(form, v);
  return v;
}

/** The atoms of `forms`. */
export function atomsOf(forms: readonly string[]): WordAtoms {
  const n = forms.length;
  const a: WordAtoms = {
    n,
    word: new Int32Array(n),
    cased: new Int32Array(n),
    shape: new Int32Array(n),
    suf1: new Int32Array(n),
    suf2: new Int32Array(n),
    suf3: new Int32Array(n),
    suf4: new Int32Array(n),
    pre1: new Int32Array(n),
    pre2: new Int32Array(n),
    pre3: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const v = atomsOfForm(forms[i]!);
    a.word[i] = v[0]!;
    a.cased[i] = v[1]!;
    a.shape[i] = v[2]!;
    a.suf1[i] = v[3]!;
    a.suf2[i] = v[4]!;
    a.suf3[i] = v[5]!;
    a.suf4[i] = v[6]!;
    a.pre1[i] = v[7]!;
    a.pre2[i] = v[8]!;
    a.pre3[i] = v[9]!;
  }
  return a;
}
