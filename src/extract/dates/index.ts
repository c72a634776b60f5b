// The date layer of the extractor: every time expression of a document, in text order, with
// its value resolved against the document's own date, the dates before it and the events it
// names. See docs/decisions/0002-date-model.md for the model and what is left undated.
import { TiesError } from '../../errors.ts';
import type { Sentence, TimeMention } from '../types.ts';
import { resolveDiscourse } from './discourse.ts';
import { scanSentences } from './scan.ts';
import { dayValue, parseDay } from './value.ts';

export { formatDate, parseDate } from './value.ts';

/** Options of `findTimes`. */
export interface FindTimesOptions {
  /** The document's publication date, `YYYY-MM-DD`; "yesterday" and "last year" count from it. */
  documentDate?: string | null;
}

/** Finds every time expression of the document, in text order, resolved against context. */
export function findTimes(
  text: string,
  sentences: Sentence[],
  options: FindTimesOptions = {},
): TimeMention[] {
  let documentDate = null;
  if (options.documentDate != null) {
    const day = parseDay(options.documentDate);
    if (!day)
      throw new TiesError(
        'INVALID',
        `the document date "${options.documentDate}" is not a YYYY-MM-DD day`,
      );
    documentDate = dayValue(day);
  }
  return resolveDiscourse(text, scanSentences(text, sentences), documentDate);
}
