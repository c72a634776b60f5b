// The extractor's public face: a document in, its events, prospects, figures and stances out.
import { TiesError } from '../errors.ts';
import { runPipeline, steps } from './pipeline.ts';
import type { TraceFn } from './events/build-events.ts';
import type { DocumentInput, Extraction } from './types.ts';
import { joinWindows, textWindows, WINDOW_CHARS } from './windows.ts';

export { readDocument, formatOf, type DocumentFormat, type ReadDocument } from './input/index.ts';
export type { TraceFn } from './events/build-events.ts';

/** Options of `extract`. */
export interface ExtractOptions {
  /** Include the document text in `document.text`. */
  withText?: boolean;
  /** Receives the pipeline's trace lines (`ties extract --explain`). */
  trace?: TraceFn;
  /** Characters the pipeline reads at once; a longer text goes in windows (default `WINDOW_CHARS`). */
  windowChars?: number;
}

// The steps of a window after the first: no dateline (the first window's stands for the text).
const laterSteps = steps.filter((s) => s.name !== 'dateline');

/** Extracts everything ties knows how to find from one document. */
export function extract(input: DocumentInput, options: ExtractOptions = {}): Extraction {
  const date = input.date ?? null;
  if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    throw new TiesError('INVALID', `the document date must be YYYY-MM-DD, not '${date}'`);
  }
  const text = input.text;
  const title = input.title ?? null;
  const window = options.windowChars ?? WINDOW_CHARS;
  // A long text in windows: the pipeline's peak memory follows the text it reads at once.
  const windows = text.length > window ? textWindows(text, window) : [{ leadIn: 0, start: 0, end: text.length }];
  // The document's date (given, or read from its dateline in the first window) dates every window;
  // a later window starts mid-text, where a line is no dateline.
  let documentDate = date;
  const parts = windows.map((w, i) => {
    if (windows.length > 1) options.trace?.(`window ${w.start}–${w.end} (lead-in from ${w.leadIn})`);
    const slice = windows.length > 1 ? text.slice(w.leadIn, w.end) : text;
    const s = runPipeline({ text: slice, title, date: documentDate, trace: options.trace }, i ? laterSteps : steps);
    documentDate = s.date;
    return { events: s.events, prospects: s.prospects, figures: s.figures, stances: s.stances, diagnostics: s.diagnostics };
  });
  const found = windows.length > 1 ? joinWindows(windows, parts) : parts[0]!;
  return {
    document: {
      title,
      // The given date, or the one its dateline states.
      date: documentDate,
      length: text.length,
      ...(options.withText ? { text } : {}),
    },
    ...found,
  };
}
