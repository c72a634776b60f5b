// Reading a document: bytes and a name in, plain text (with its format and title) out.
import { TiesError } from '../../errors.ts';
import type { Diagnostic } from '../types.ts';
import { decodeText } from './decode.ts';
import { htmlToText, publishedDate } from './html.ts';

/** The formats ties reads. */
export type DocumentFormat = 'txt' | 'md' | 'html';

/** A document read from bytes, ready for extraction. */
export interface ReadDocument {
  text: string;
  title: string | null;
  /** The publication day the document declares (an HTML page's metadata), `YYYY-MM-DD`. */
  date: string | null;
  format: DocumentFormat;
  diagnostics: Diagnostic[];
}

/** Options of `readDocument`. */
export interface ReadOptions {
  /** A file name or path: its extension picks the format when `format` is not given. */
  name?: string;
  format?: DocumentFormat;
}

/** The format a file name implies, or null when the extension is not one ties reads. */
export function formatOf(name: string): DocumentFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'txt' || ext === 'text') return 'txt';
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  return null;
}

function sniffHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<html)/i.test(text);
}

/** The title of a plain or Markdown document: its first line when that line reads like one. */
function firstLineTitle(text: string, format: DocumentFormat): string | null {
  const line = /^\s*([^\n]{1,200})\n/.exec(text)?.[1]?.trim();
  if (!line) return null;
  if (format === 'md') {
    const h = /^#{1,6}\s+(.+?)\s*#*$/.exec(line);
    return h ? h[1]! : null;
  }
  // A heading has no sentence-final full stop and is followed by a blank line or is short.
  return !/[.!?]$/.test(line) && line.split(/\s+/).length <= 16 ? line : null;
}

/** Decodes and converts a document; throws TiesError for input that is not readable text. */
export function readDocument(bytes: Uint8Array, options: ReadOptions = {}): ReadDocument {
  const name = options.name ?? 'input';
  const decoded = decodeText(bytes, name);
  let format =
    options.format ??
    (options.name ? formatOf(options.name) : null) ??
    (sniffHtml(decoded.text) ? 'html' : 'txt');
  if (format === 'txt' && !options.format && sniffHtml(decoded.text)) format = 'html';
  if (format === 'html') {
    const { text, title } = htmlToText(decoded.text);
    if (!text.trim()) throw new TiesError('BAD_INPUT', `${name} has no visible text`);
    return {
      text,
      title,
      date: publishedDate(decoded.text),
      format,
      diagnostics: decoded.diagnostics,
    };
  }
  return {
    text: decoded.text,
    title: firstLineTitle(decoded.text, format),
    date: null,
    format,
    diagnostics: decoded.diagnostics,
  };
}
