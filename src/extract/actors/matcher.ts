// One compiled matcher for every gazetteer form: a trie over folded word tokens, built once at
// module load. The document is tokenised once and walked left to right; at each token the
// longest form that passes its case check wins, so "Papua New Guinea" beats "Guinea" and
// "Indian Ocean" (a stop form) swallows "Indian".
import { fold, type Form } from './gazetteer.ts';
import type { NameDictionary } from './office-holders.ts';

/** A word token of the text, with its folded key. */
export interface WordToken {
  start: number;
  end: number;
  text: string;
  key: string;
}

/** A form found in the text over tokens [first, last]. */
export interface FormMatch {
  start: number;
  end: number;
  first: number;
  last: number;
  forms: Form[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  forms: Form[];
}

// Acronyms with dots ("U.S.", "U.N.") are one token; otherwise letters and digits. Apostrophes
// and hyphens split tokens, so "Pakistan’s" gives "Pakistan" + "s", "Guinea-Bissau" two tokens.
// The tokens are exactly those of /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+/gu, read by hand: the
// regex, a match object and a fold per token were most of the actor step's time.
const LETTER_MARK_NUMBER = /^[\p{L}\p{M}\p{N}]$/u;
const UPPER = /^\p{Lu}$/u;
const OTHER = 0;
const WORDLIKE = 1;
const CAPITAL = 2;
// Classes of the non-ASCII code points met so far.
const classes = new Map<number, number>();

const ASCII_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++)
  ASCII_CLASS[c] =
    c >= 65 && c <= 90 ? CAPITAL : (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? WORDLIKE : OTHER;

/** OTHER, WORDLIKE (a letter, mark or number) or CAPITAL (an uppercase letter) of a code point. */
function classOf(cp: number): number {
  if (cp < 128) return ASCII_CLASS[cp]!;
  let c = classes.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = UPPER.test(ch) ? CAPITAL : LETTER_MARK_NUMBER.test(ch) ? WORDLIKE : OTHER;
    classes.set(cp, c);
  }
  return c;
}

/** The code point at `i`, a surrogate pair read as one (as the `u` flag reads it). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** Word tokens of `text` with folded keys. */
export function words(text: string): WordToken[] {
  const out: WordToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    // ASCII, most of any English text, without a call per character.
    if (c < 128) {
      if (ASCII_CLASS[c] === OTHER) {
        i++;
        continue;
      }
    } else {
      const cp = codePointAt(text, i);
      if (classOf(cp) === OTHER) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    // Two or more capital-and-full-stop pairs first, as the regex's first alternative.
    let j = i;
    let pairs = 0;
    while (j < n) {
      const q = codePointAt(text, j);
      if (classOf(q) !== CAPITAL) break;
      const width = q > 0xffff ? 2 : 1;
      if (text.charCodeAt(j + width) !== 46) break;
      j += width + 1;
      pairs++;
    }
    let ascii = true;
    if (pairs < 2) {
      j = i;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d < 128) {
          if (ASCII_CLASS[d] === OTHER) break;
          j++;
          continue;
        }
        const q = codePointAt(text, j);
        if (classOf(q) === OTHER) break;
        ascii = false;
        j += q > 0xffff ? 2 : 1;
      }
    }
    const word = text.slice(i, j);
    out.push({
      start: i,
      end: j,
      text: word,
      key: ascii && pairs < 2 ? word.toLowerCase() : fold(word),
    });
    i = j;
  }
  return out;
}

// Lowercase words allowed inside a capitalised name ("Bosnia and Herzegovina", "bin Salman").
const FUNCTION_WORDS = new Set([
  'of',
  'the',
  'and',
  'de',
  'da',
  'do',
  'dos',
  'del',
  'della',
  'di',
  'du',
  'des',
  'la',
  'le',
  'el',
  'al',
  'bin',
  'ibn',
  'bint',
  'von',
  'van',
  'der',
  'den',
  'ter',
  'y',
  'e',
  'for',
  'on',
  'd',
  'l',
  'ul',
  'arap',
  'au',
  'et',
  's',
  'in',
  'to',
]);

function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 48 && c <= 57) return true;
  const ch = word[0]!;
  return ch !== ch.toLowerCase();
}

/** Whether the text's tokens may stand for the form: acronyms exactly, names capitalised. */
function caseFits(form: Form, tokens: WordToken[], first: number, last: number): boolean {
  if (form.exact) {
    const want = form.text.split(/[\s-]+/).join('');
    let got = '';
    for (let i = first; i <= last; i++) got += tokens[i]!.text;
    return got === want.replace(/[^\p{L}\p{N}.]/gu, '');
  }
  if (form.role === 'title') return true;
  // A stop form only has to start like a name: "Turkish delight", "Guinea pigs".
  if (form.role === 'stop') return capitalised(tokens[first]!.text);
  for (let i = first; i <= last; i++) {
    const t = tokens[i]!;
    if (capitalised(t.text)) continue;
    if (i > first && FUNCTION_WORDS.has(t.key)) continue;
    return false;
  }
  return true;
}

// What may stand between two tokens of one form: a space, a hyphen or dash, an apostrophe, the
// period of an abbreviation ("St. Lucia") — never a blank line.
const GAP = /^(?:[ \t\u00a0]*[-‐‑–'’.]?[ \t\u00a0\n]*)$/;

/** Whether the text between two tokens lets them belong to one form. */
export function gapFits(text: string, from: number, to: number): boolean {
  if (to - from > 4) return false;
  if (to === from) return true;
  return GAP.test(text.slice(from, to));
}

/** A compiled trie over every form. */
export class FormTrie {
  private readonly root: TrieNode = { next: new Map(), forms: [] };

  constructor(forms: Iterable<Form>) {
    for (const form of forms) this.add(form);
  }

  private add(form: Form): void {
    const keys = words(form.text).map((t) => t.key);
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      let child = node.next.get(k);
      if (!child) {
        child = { next: new Map(), forms: [] };
        node.next.set(k, child);
      }
      node = child;
    }
    node.forms.push(form);
  }

  /** Forms whose whole text equals `query` (folded), ignoring case rules: for look-ups. */
  lookup(query: string): Form[] {
    let node: TrieNode | undefined = this.root;
    for (const t of words(query)) {
      node = node.next.get(t.key);
      if (!node) return [];
    }
    return node === this.root ? [] : node.forms;
  }

  /**
   * Longest matches, left to right, not overlapping. `accept` filters the forms of a candidate
   * (case, context); a candidate with no accepted form is skipped for a shorter one. `extra` is a
   * second dictionary read at each token; on a span of the same length the trie's forms win.
   */
  scan(
    text: string,
    tokens: WordToken[],
    accept?: (form: Form, first: number, last: number) => boolean,
    extra?: NameDictionary,
  ): FormMatch[] {
    const out: FormMatch[] = [];
    const ends: { forms: Form[]; last: number }[] = [];
    let i = 0;
    while (i < tokens.length) {
      ends.length = 0;
      let node = this.root.next.get(tokens[i]!.key);
      let j = i;
      while (node) {
        if (node.forms.length > 0) ends.push({ forms: node.forms, last: j });
        const nextToken = tokens[j + 1];
        if (!nextToken || node.next.size === 0 || !gapFits(text, tokens[j]!.end, nextToken.start))
          break;
        node = node.next.get(nextToken.key);
        j++;
      }
      const more = extra?.longest(text, tokens, i);
      if (more) {
        // Ends are in increasing length: the extra entry goes before any trie end as long.
        let at = ends.length;
        while (at > 0 && ends[at - 1]!.last >= more.last) at--;
        if (at < ends.length && ends[at]!.last === more.last) at = -1;
        if (at >= 0) ends.splice(at, 0, more);
      }
      let matched = false;
      for (let e = ends.length - 1; e >= 0 && !matched; e--) {
        const { forms: candidates, last } = ends[e]!;
        const forms = candidates.filter(
          (f) => caseFits(f, tokens, i, last) && (!accept || accept(f, i, last)),
        );
        if (forms.length === 0) continue;
        out.push({ start: tokens[i]!.start, end: tokens[last]!.end, first: i, last, forms });
        i = last + 1;
        matched = true;
      }
      if (!matched) i++;
    }
    return out;
  }
}
