// What the figures, stances and claims steps read besides the text: the mentions earlier steps
// found, and helpers to look them up by sentence. Shared by the three steps.
import type { ActorMention, DateValue, Sentence, Span, TimeMention } from '../types.ts';
import { sentenceIndexAt } from '../text/sentences.ts';

/** The earlier layers a fact-finding step reads. */
export interface FactContext {
  times: TimeMention[];
  actors: ActorMention[];
  /** The document's main pair, when known (title "X–Y relations", or the two most named states). */
  pair: [string, string] | null;
  documentDate?: string | null;
}

/** True when `inner` lies inside `outer`. */
export const within = (inner: Span, outer: Span) =>
  inner.start >= outer.start && inner.end <= outer.end;

/** True when two spans share at least one offset. */
export const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The sentence holding `offset`, or null. */
export function sentenceAt(sentences: Sentence[], offset: number): Sentence | null {
  return sentences[sentenceIndexAt(sentences, offset)] ?? null;
}

/** The items lying inside `span`, in text order. `items` must be sorted by start (mentions are). */
export function inside<T extends Span>(items: T[], span: Span): T[] {
  // Binary search to the first item at or after the span: a linear filter per sentence made
  // the steps quadratic in the document's length.
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < items.length && items[k]!.start < span.end; k++)
    if (items[k]!.end <= span.end) out.push(items[k]!);
  return out;
}

/** Codes an actor mention stands for (a reference may stand for several). */
export const codesOf = (a: ActorMention) => (a.codes.length ? a.codes : [a.code]);

/** A resolved time as a contract date string: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `START/END`. */
export function contractDate(v: DateValue | null): string | null {
  if (!v) return null;
  const cut = (iso: string) =>
    v.precision === 'day' ? iso : v.precision === 'month' ? iso.slice(0, 7) : iso.slice(0, 4);
  const a = cut(v.first);
  const b = cut(v.last);
  return a === b ? a : `${a}/${b}`;
}

/** Reads a data file under data/, dropping `#` comment lines and blank lines. */
export function dataRows(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.trimStart().startsWith('#'));
}
