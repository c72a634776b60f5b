// How big a document ties reads. Extraction goes in windows (src/extract/windows.ts), so its
// memory does not grow with the text; what still does is the text itself, held whole by the
// reader (the bytes and the decoded string), the extraction thread (its copy) and the store (the
// row and its full-text rows), and so do the findings: an essay dense with events peaked at 25
// times its size (`extract --json` of 95 MB: 2.4 GB), a news corpus at 14 (100 MB: 1.4 GB).
import { TiesError } from '../errors.ts';

/**
 * Bytes a document may have by default (`--max-bytes`): 48 MiB keeps the peak of extracting or
 * ingesting even a dense document under about 1.5 GB; a bigger file is nearly always a dump of
 * many documents, better split.
 */
export const MAX_DOCUMENT_BYTES = 48 * 1024 * 1024;

const mb = (bytes: number) =>
  bytes < 1024 * 1024
    ? `${bytes} bytes`
    : `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Throws the one-line refusal of a document of `bytes` bytes when that is over `max`. */
export function checkDocumentSize(name: string, bytes: number, max = MAX_DOCUMENT_BYTES): void {
  if (bytes <= max) return;
  throw new TiesError(
    'TOO_LARGE',
    `${name} is ${mb(bytes)}, over the limit of ${mb(max)} a document (--max-bytes; split it, or raise the limit)`,
  );
}
