// How big a document ties reads. Extraction goes in windows (src/extract/windows.ts), so its
// memory does not grow with the text; what still does is the text itself, held whole by the
// reader (the bytes and the decoded string), the extraction thread (its copy) and the store (the
// row and its full-text rows): about 6 times the file's size at the peak of an ingest.
import { TiesError } from '../errors.ts';

/**
 * Bytes a document may have by default (`--max-bytes`): 128 MiB keeps the peak of extracting or
 * ingesting one document under about 1.5 GB; a bigger file is nearly always a dump of many
 * documents, better split.
 */
export const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

const mb = (bytes: number) =>
  bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Throws the one-line refusal of a document of `bytes` bytes when that is over `max`. */
export function checkDocumentSize(name: string, bytes: number, max = MAX_DOCUMENT_BYTES): void {
  if (bytes <= max) return;
  throw new TiesError('TOO_LARGE', `${name} is ${mb(bytes)}, over the limit of ${mb(max)} a document (--max-bytes; split it, or raise the limit)`);
}
