// Raw text to words the way UD English EWT tokenizes it, with exact offsets: clitics split off
// ("do|n't", "ca|n't", "Pakistan|'s", "we|'ll"), "cannot" as "can|not", hyphens between words
// as tokens of their own except after a prefix ("non-stop"), punctuation apart (a run of the
// same mark, "...", is one token), numbers, URLs, e-mail addresses and abbreviations ("U.S.",
// "Dr.") whole. Sentences come from the project's sentence splitter.
// Every stage reads these words (decision 0013): the event rules, the claims' wording and the
// tagger and parser, so that a tree's word k is the rules' token k.
import type { Span } from '../types.ts';
import { ABBREVIATIONS, splitSentences } from '../text/sentences.ts';
import { keyOf } from './words.ts';

/** A word of the token layer before tagging: its span, text, sentence and lower-cased key. */
export interface Token extends Span {
  /** The word as written (`text.slice(start, end)`). */
  text: string;
  /** The index of its sentence in `splitSentences(text)`. */
  sentence: number;
  /** Lower-cased, with typographic apostrophes and quotes straightened (`keyOf`). */
  key: string;
}

const TOKEN = new RegExp(
  [
    String.raw`https?://[^\s<>"]+[^\s<>".,;:!?)\]'’”]`,
    String.raw`www\.[^\s<>"]+[^\s<>".,;:!?)\]'’”]`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    String.raw`(?:\p{L}\.){2,}`,
    String.raw`\p{N}+(?:[.,:/]\p{N}+)*`,
    String.raw`[\p{L}\p{N}\p{M}_]+(?:['’][\p{L}\p{M}]+)*`,
    String.raw`(\p{P}|\p{S})\1*`,
    String.raw`\S`,
  ].join('|'),
  'gu',
);

// First parts that keep their hyphen in EWT ("non-stop", "e-mail", "re-elect").
const PREFIXES = new Set([
  'e',
  'non',
  'pre',
  'anti',
  're',
  'mid',
  'post',
  'co',
  'over',
  'pro',
  'multi',
  'ex',
  'sub',
  'semi',
  'neo',
  'cross',
  'vice',
  'un',
  'socio',
  'micro',
  'intra',
  'inter',
  'self',
  'x',
]);
// Abbreviations that keep their stop even at the end of a sentence ("and so on, etc.");
// others there ("I said no.") give the stop to the sentence.
const FINAL_ABBREVIATIONS = new Set(['etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'bros']);
const CLITIC = /^(.+?)(n['’]t|['’](?:s|re|ll|ve|d|m))$/i;
// A map, not an object literal: a look-up that misses an object's own keys walks its prototype.
const TWO_WORDS = new Map([
  ['cannot', 3],
  ['gonna', 3],
  ['wanna', 3],
  ['gotta', 3],
]);

/** Pushes the word `text` at `start`, split into its clitics. */
function pushWord(out: Token[], text: string, start: number, sentence: number): void {
  // Most words have no apostrophe and are no "cannot": two cheap tests before the regex.
  const m = text.includes("'") || text.includes('’') ? CLITIC.exec(text) : null;
  const cut = m
    ? m[1]!.length
    : text.length === 5 || text.length === 6
      ? TWO_WORDS.get(text.toLowerCase())
      : undefined;
  if (cut !== undefined && cut > 0 && cut < text.length) {
    const head = text.slice(0, cut);
    const tail = text.slice(cut);
    out.push({ start, end: start + cut, text: head, sentence, key: keyOf(head) });
    out.push({
      start: start + cut,
      end: start + text.length,
      text: tail,
      sentence,
      key: keyOf(tail),
    });
    return;
  }
  out.push({ start, end: start + text.length, text, sentence, key: keyOf(text) });
}

/** The words of `text.slice(start, end)`, in sentence `sentence`. */
export function tokenizeSpan(text: string, start: number, end: number, sentence: number): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  const found: [number, string][] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) found.push([m.index, m[0]]);
  for (let i = 0; i < found.length; i++) {
    const at = found[i]![0];
    let tok = found[i]![1];
    const next = found[i + 1];
    // "Dr." and "J.": an abbreviation or an initial keeps its full stop.
    if (
      next &&
      next[1] === '.' &&
      next[0] === at + tok.length &&
      /^\p{L}+$/u.test(tok) &&
      (ABBREVIATIONS.has(tok.toLowerCase()) || /^\p{Lu}$/u.test(tok)) &&
      (next[0] + 1 < slice.length || FINAL_ABBREVIATIONS.has(tok.toLowerCase()))
    ) {
      tok += '.';
      i++;
    }
    // "non-stop": a prefix, a hyphen and a word with no space between stay one word.
    const n1 = found[i + 1];
    const n2 = found[i + 2];
    if (
      n1 &&
      n2 &&
      n1[1] === '-' &&
      n1[0] === at + tok.length &&
      n2[0] === n1[0] + 1 &&
      PREFIXES.has(tok.toLowerCase()) &&
      /^\p{L}/u.test(n2[1])
    ) {
      tok = slice.slice(at, n2[0] + n2[1].length);
      i += 2;
    }
    pushWord(out, tok, start + at, sentence);
  }
  return out;
}

/** The words of `text`, sentence by sentence, with offsets into `text`. */
export function tokenizeText(text: string): Token[] {
  const out: Token[] = [];
  for (const s of splitSentences(text)) out.push(...tokenizeSpan(text, s.start, s.end, s.index));
  return out;
}
