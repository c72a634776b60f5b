// Very long documents in windows: the pipeline's steps hold per-token and per-actor objects for
// the whole text at once (about 100 bytes a character at the peak), so a document longer than a
// window is cut at paragraph or line ends and each window runs through the pipeline alone. The
// discourse a window starts in (the dates that anchor "that year", the actors "the two
// countries" points back at) is carried by re-reading the end of the window before as a lead-in:
// its findings are dropped, its context is kept. See docs/decisions/0009-ingest-threads.md.
import type { Extraction } from './types.ts';

/** Characters a window holds at most: about 100 MB at the pipeline's peak. */
export const WINDOW_CHARS = 1 << 20;
/** Characters of the previous window re-read as context, at most. */
export const LEAD_IN_CHARS = 4_096;

/** A part of the text to extract: `[start, end)`, read after the lead-in `[leadIn, start)`. */
export interface TextWindow {
  leadIn: number;
  start: number;
  end: number;
}

// The last boundary in text[from, to): a blank line, else a line end, else a sentence end, else a
// space; -1 when there is none (a window is then cut mid-word, which only a run of 500,000
// letters without a space can cause).
function lastBoundary(text: string, from: number, to: number): number {
  // A copy of the window's second half: a pattern run on the whole text would scan past `to`.
  const half = text.slice(from, to);
  for (const re of [/\n\s*\n/g, /\n/g, /[.!?]["”’)\]]*\s/g, /\s/g]) {
    let at = -1;
    for (const m of half.matchAll(re)) at = m.index + m[0].length;
    if (at > 0) return from + at;
  }
  return -1;
}

/** The windows of a text, cut at the last blank line, line end or sentence end before each limit. */
export function textWindows(
  text: string,
  size = WINDOW_CHARS,
  leadIn = LEAD_IN_CHARS,
): TextWindow[] {
  const out: TextWindow[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const cut = lastBoundary(text, start + (size >> 1), end);
      if (cut > start) end = cut;
    }
    // The lead-in starts at a line start, so that it holds whole sentences.
    let lead = Math.max(0, start - leadIn);
    if (lead > 0) {
      const line = text.indexOf('\n', lead);
      lead = line >= 0 && line < start ? line + 1 : start;
    }
    out.push({ leadIn: lead, start, end });
    start = end;
  }
  return out;
}

type Part = Omit<Extraction, 'document'>;

// Every span in a finding (evidence, further mentions, a claim's evidence, a diagnostic's span):
// any object with numeric `start` and `end`, so that a field added later is shifted too. An
// object shared by two findings (one evidence for an event and its mention) moves once.
function shift(value: unknown, by: number, seen: WeakSet<object>): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) shift(v, by, seen);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    o.start += by;
    o.end += by;
  }
  for (const v of Object.values(o)) shift(v, by, seen);
}

// Where a finding starts in its window's text.
const startOf = (f: { evidence?: { start: number }; span?: { start: number } }): number =>
  f.evidence?.start ?? f.span?.start ?? 0;

/**
 * Joins the extractions of a text's windows (each of `text.slice(w.leadIn, w.end)`) into one:
 * findings in a lead-in are dropped (the window before found them), spans move to document
 * offsets, and ids are numbered again across the windows.
 */
export function joinWindows(windows: TextWindow[], parts: Part[]): Part {
  const out: Part = { events: [], prospects: [], figures: [], stances: [], diagnostics: [] };
  windows.forEach((w, i) => {
    const part = parts[i]!;
    const seen = new WeakSet<object>();
    const lead = w.start - w.leadIn;
    for (const key of ['events', 'prospects', 'figures', 'stances', 'diagnostics'] as const) {
      for (const f of part[key] as { evidence?: { start: number }; span?: { start: number } }[]) {
        if (startOf(f) < lead) continue;
        shift(f, w.leadIn, seen);
        (out[key] as unknown[]).push(f);
      }
    }
  });
  // Ids are a letter and a number in document order ("e12"): renumbered, the letter kept.
  for (const key of ['events', 'prospects', 'figures', 'stances'] as const) {
    (out[key] as { id: string }[]).forEach(
      (f, i) => (f.id = `${/^[a-z]*/i.exec(f.id)![0]}${i + 1}`),
    );
  }
  return out;
}
