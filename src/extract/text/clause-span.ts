// A clause as a stretch of text between two breaks: the notion the claims' wording and the
// figures' cues share (each with the breaks of its own: a comma for a claim, "while" or ";"
// for a figure). The event rules' clauses are over tokens (events/clauses.ts) or on the tree.
import type { Span } from '../types.ts';

/** A clause break: where it starts in the document and how long it is. */
export interface ClauseBreak {
  at: number;
  length: number;
}

/** The breaks `pattern` (a global regex) finds in `text.slice(within.start, within.end)`. */
export function clauseBreaks(text: string, within: Span, pattern: RegExp): ClauseBreak[] {
  const body = text.slice(within.start, within.end);
  return [...body.matchAll(pattern)].map((m) => ({
    at: within.start + m.index,
    length: m[0].length,
  }));
}

/**
 * The stretch of `within` around `span`: from the end of the last break before the span to the
 * start of the first break after it (breaks in text order).
 */
export function clauseSpan(within: Span, breaks: readonly ClauseBreak[], span: Span): Span {
  let start = within.start;
  let end = within.end;
  for (const b of breaks) {
    if (b.at + b.length <= span.start) start = b.at + b.length;
    else if (b.at >= span.end) {
      end = b.at;
      break;
    }
  }
  return { start, end };
}
