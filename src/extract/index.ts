// The extractor's public face: a document in, its events, prospects, figures and stances out.
import { TiesError } from '../errors.ts';
import { runPipeline } from './pipeline.ts';
import type { TraceFn } from './events/build-events.ts';
import type { DocumentInput, Extraction } from './types.ts';

export { readDocument, formatOf, type DocumentFormat, type ReadDocument } from './input/index.ts';
export type { TraceFn } from './events/build-events.ts';

/** Options of `extract`. */
export interface ExtractOptions {
  /** Include the document text in `document.text`. */
  withText?: boolean;
  /** Receives the pipeline's trace lines (`ties extract --explain`). */
  trace?: TraceFn;
}

/** Extracts everything ties knows how to find from one document. */
export function extract(input: DocumentInput, options: ExtractOptions = {}): Extraction {
  const date = input.date ?? null;
  if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))) {
    throw new TiesError('INVALID', `the document date must be YYYY-MM-DD, not '${date}'`);
  }
  const s = runPipeline({ text: input.text, title: input.title ?? null, date, trace: options.trace });
  return {
    document: {
      title: input.title ?? null,
      // The given date, or the one its dateline states.
      date: s.date,
      length: input.text.length,
      ...(options.withText ? { text: input.text } : {}),
    },
    events: s.events,
    prospects: s.prospects,
    figures: s.figures,
    stances: s.stances,
    diagnostics: s.diagnostics,
  };
}
