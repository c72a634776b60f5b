// ZIP archives (GDELT's zipped exports) read with fflate: ZIP64, stored and deflated entries,
// and entries streamed in chunks, so a large export is never inflated whole in memory.
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from 'fflate';
import { TiesError } from '../errors.ts';

/** One file inside a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** What the central directory says of an entry. */
export type ZipEntryInfo = Pick<UnzipFileInfo, 'name' | 'size' | 'originalSize' | 'compression'>;

/** Where the inflated bytes of one entry go, chunk by chunk. */
export interface ZipSink {
  data(chunk: Uint8Array): void;
  end(): void;
}

// Inflated chunks come out at most this large; the archive is pushed in slices of this size.
const CHUNK = 1 << 20;

/** True when `bytes` start like a ZIP archive (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4
  );
}

function bad(message: string, cause?: unknown): TiesError {
  return new TiesError('BAD_INPUT', `not a readable ZIP archive: ${message}`, { cause });
}

/** The entries of an archive, from its central directory (fflate checks its structure). */
export function zipEntries(bytes: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  try {
    // A filter that declines every entry reads the directory without inflating anything.
    unzipSync(bytes, {
      filter: (f) => {
        entries.push({
          name: f.name,
          size: f.size,
          originalSize: f.originalSize,
          compression: f.compression,
        });
        return false;
      },
    });
  } catch (e) {
    throw bad((e as Error).message, e);
  }
  return entries;
}

/**
 * Streams every file of an archive, in archive order, to the sink `open` gives for it (null skips
 * it). Each entry must inflate to the size its central directory records.
 */
export function streamZip(bytes: Uint8Array, open: (entry: ZipEntryInfo) => ZipSink | null): void {
  const listed = zipEntries(bytes).filter((e) => !e.name.endsWith('/'));
  for (const e of listed) {
    if (e.compression !== 0 && e.compression !== 8) {
      throw new TiesError(
        'UNSUPPORTED',
        `ZIP compression method ${e.compression} in ${e.name} (only stored and deflate)`,
      );
    }
  }
  const byName = new Map(listed.map((e) => [e.name, e]));
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  let failure: TiesError | null = null;
  let current = '';
  unzip.onfile = (file) => {
    current = file.name;
    const info = byName.get(file.name);
    const sink = info ? open(info) : null;
    if (!info || !sink) return;
    let inflated = 0;
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = bad(`${file.name} does not inflate (${err.message})`, err);
        return;
      }
      inflated += chunk.length;
      if (chunk.length) sink.data(chunk);
      if (!final) return;
      if (inflated !== info.originalSize)
        failure = bad(`${file.name} inflates to ${inflated} bytes, not ${info.originalSize}`);
      else sink.end();
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !failure; at += CHUNK) {
      unzip.push(bytes.subarray(at, at + CHUNK), at + CHUNK >= bytes.length);
    }
  } catch (e) {
    if (e instanceof TiesError) throw e;
    // fflate throws inflate errors ("invalid distance") out of push.
    throw bad(
      current ? `${current} does not inflate (${(e as Error).message})` : (e as Error).message,
      e,
    );
  }
  if (failure) throw failure;
}

/** The files of a ZIP archive whole, in archive order. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  streamZip(bytes, (info) => {
    const chunks: Uint8Array[] = [];
    return {
      data: (chunk) => chunks.push(chunk),
      end: () => entries.push({ name: info.name, data: Buffer.concat(chunks) }),
    };
  });
  return entries;
}
