// Bytes to text: UTF-8 when the bytes are UTF-8, Windows-1252 (the usual culprit) otherwise,
// and a clear error for what is not text at all. Nothing is silently lost: a fallback decoding
// is reported as a diagnostic.
import { TiesError } from '../../errors.ts';
import type { Diagnostic } from '../types.ts';

/** Text decoded from bytes, with what the decoding had to do. */
export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  diagnostics: Diagnostic[];
}

// Keep a byte order mark as U+FEFF: offsets must match the text as other tools read the file.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Share of bytes in the first 8 KiB that no text file has (NUL and most C0 controls). */
function controlShare(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12)) bad++;
  }
  return n ? bad / n : 0;
}

// Windows-1252's 0x80–0x9F (Node's TextDecoder without full ICU treats the label as Latin-1).
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    s += Array.from(chunk, (b) =>
      b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b),
    ).join('');
  }
  return s;
}

/** Decodes a document's bytes; throws TiesError('BAD_INPUT') for empty or binary input. */
export function decodeText(bytes: Uint8Array, name = 'input'): Decoded {
  if (bytes.length === 0) throw new TiesError('BAD_INPUT', `${name} is empty`);
  // UTF-16 is recognised by its byte order mark only: without one it looks like binary.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      text: new TextDecoder('utf-16le').decode(bytes),
      encoding: 'utf-16le',
      diagnostics: [],
    };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      text: new TextDecoder('utf-16be').decode(bytes),
      encoding: 'utf-16be',
      diagnostics: [],
    };
  }
  if (controlShare(bytes) > 0.01) {
    throw new TiesError('BAD_INPUT', `${name} looks like a binary file, not text`);
  }
  let text: string;
  let encoding: Decoded['encoding'] = 'utf-8';
  const diagnostics: Diagnostic[] = [];
  try {
    text = utf8.decode(bytes);
  } catch {
    text = decodeWindows1252(bytes);
    encoding = 'windows-1252';
    diagnostics.push({
      code: 'not-utf8',
      message: `${name} is not valid UTF-8; it was read as Windows-1252`,
    });
  }
  if (text.trim() === '')
    throw new TiesError('BAD_INPUT', `${name} has no text (only white space)`);
  return { text, encoding, diagnostics };
}
