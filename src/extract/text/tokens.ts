// Word tokens with offsets: what the trigger and role rules look at. Punctuation marks are
// tokens of their own; contractions stay with their word ("didn't", "Pakistan’s").
import type { Span } from '../types.ts';

/** A token: its span in the document, its text lowercased with curly apostrophes straightened. */
export interface Token extends Span {
  lower: string;
}

// A number keeps its decimal point and thousands separators ("5.1", "25,000").
const TOKEN =
  /\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+(?:['’](?:t|s|ll|re|ve|d|m)\b)?|[^\s\p{L}\p{N}]/gu;

/** Tokens of `text.slice(start, end)`, with document offsets. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(start, end);
  // One regex, run by hand: no iterator or copy of the pattern per call (this runs per sentence).
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const s = start + m.index;
    const lower = m[0].toLowerCase();
    out.push({
      start: s,
      end: s + m[0].length,
      lower: lower.includes('’') ? lower.replace(/’/g, "'") : lower,
    });
  }
  return out;
}

/** The word without a possessive or contraction ending ("pakistan's" → "pakistan"). */
export function bare(lower: string): string {
  return lower.includes("'") ? lower.replace(/'(?:s|t|ll|re|ve|d|m)$/, '') : lower;
}
