// Sentence splitting with exact offsets, for the text real documents contain: non-breaking
// spaces, curly quotes, a missing space after a full stop ("in 1995.Recently"), a space before
// it ("stronger .Azerbaijan"), abbreviations, numbers like "12,1991" and "3.5", headings
// without full stops. One linear pass; no tokenizer.
import type { Sentence, Span } from '../types.ts';

/** Words that end with a full stop without ending a sentence (lowercased, without the stop). */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'ft',
  'gen',
  'lt',
  'col',
  'maj',
  'capt',
  'cmdr',
  'adm',
  'sgt',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'hon',
  'rev',
  'messrs',
  'no',
  'nos',
  'vol',
  'vols',
  'p',
  'pp',
  'ed',
  'eds',
  'fig',
  'art',
  'sec',
  'ch',
  'para',
  'cf',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'approx',
  'est',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'assn',
  'bros',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'u.s',
  'u.k',
  'u.n',
  'u.s.s.r',
  'e.u',
  'a.d',
  'b.c',
  'a.m',
  'p.m',
  'ph.d',
  'al',
  'cca',
  'ca',
  'c',
]);

const isUpper = (c: string) => c !== c.toLowerCase() && c === c.toUpperCase();
const isLower = (c: string) => c !== c.toUpperCase() && c === c.toLowerCase();
const isSpace = (c: string) => /\s/.test(c);
const OPENERS = '"“‘\'(['; // may stand before a sentence's first letter
const CLOSERS = '"”’\')]'; // may stand after a sentence's final stop

/** The word (letters and inner dots) that ends just before `i`, lowercased. */
function wordBefore(text: string, i: number): string {
  let j = i;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  return text.slice(j, i).toLowerCase();
}

/** First non-space, non-opener character at or after `i`, and its index. */
function nextLetter(text: string, i: number): [string, number] {
  let j = i;
  while (j < text.length && (isSpace(text[j]!) || OPENERS.includes(text[j]!))) j++;
  return [text[j] ?? '', j];
}

/** True when the full stop at `i` ends a sentence. */
function stopEnds(text: string, i: number): boolean {
  const prev = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  // Inside a number (3.5, 1.2.3) or an initialism (U.S.A.).
  if (/\d/.test(prev) && /\d/.test(after)) return false;
  const word = wordBefore(text, i);
  if (ABBREVIATIONS.has(word)) {
    // "… the U.S. The next day" still ends when a capitalised word that is not a name follows;
    // we cannot tell names apart cheaply, so only sentence-final in a paragraph break.
    const [c, j] = nextLetter(text, i + 1);
    return c === '' || /\n\s*\n/.test(text.slice(i + 1, j));
  }
  // A single capital letter: an initial ("J. F. Kennedy").
  if (word.length === 1 && isUpper(prev)) return false;
  const [c] = nextLetter(text, i + 1);
  if (c === '') return true;
  // "in 1995.Recently" and "stronger .Azerbaijan": a capital right after the stop.
  if (!isSpace(after) && !CLOSERS.includes(after))
    return isUpper(after) && /[\p{L}\d)\s]/u.test(prev) && word.length !== 1;
  return !isLower(c);
}

/** True when the line break at `i` (a single newline) ends a sentence. */
function lineBreakEnds(text: string, i: number): boolean {
  const [c] = nextLetter(text, i + 1);
  if (c === '' || !isLower(c)) return true;
  return false;
}

// A "sentence" longer than this is not prose (a table, a log, a run-on line): it is cut at white
// space so that no later step sees an unbounded span.
const MAX_SENTENCE = 2000;

/** Splits `text` into sentences with exact spans, trimmed of surrounding white space. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  let pendingParagraphBreak = false;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s]!)) s++;
    while (e > s && isSpace(text[e - 1]!)) e--;
    if (e > s && pendingParagraphBreak && out.length) paragraph++;
    if (e > s) pendingParagraphBreak = false;
    while (e - s > MAX_SENTENCE) {
      let cut = text.lastIndexOf(' ', s + MAX_SENTENCE);
      if (cut <= s) cut = s + MAX_SENTENCE;
      out.push({ start: s, end: cut, index: out.length, paragraph });
      s = cut;
      while (s < e && isSpace(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e, index: out.length, paragraph });
  };
  const boundary = /[.!?…]+|\n[ \t\u00a0]*\n\s*|\n/g;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const tok = m[0];
    const i = m.index;
    if (tok[0] === '\n') {
      if (tok.length > 1 && /\n[\s\S]*\n/.test(tok)) {
        push(i);
        start = i + tok.length;
        pendingParagraphBreak = true;
      } else if (lineBreakEnds(text, i)) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    const last = i + tok.length - 1;
    const ends =
      tok[0] === '.' && tok.length === 1
        ? stopEnds(text, i)
        : !isLower(nextLetter(text, last + 1)[0]);
    if (!ends) continue;
    let end = last + 1;
    while (end < text.length && CLOSERS.includes(text[end]!)) end++;
    push(end);
    start = end;
    boundary.lastIndex = end;
  }
  push(text.length);
  return out;
}

/** The index of the sentence containing offset `at` (binary search), or -1. */
export function sentenceIndexAt(sentences: readonly Span[], at: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (at < s.start) hi = mid - 1;
    else if (at >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The sentence containing offset `at`, or undefined. */
export function sentenceAt<S extends Span>(sentences: readonly S[], at: number): S | undefined {
  return sentences[sentenceIndexAt(sentences, at)];
}

/** True when `inner` lies within `outer`. */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}
