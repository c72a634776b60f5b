// A minimal ZIP reader: enough for GDELT's zipped exports (one or a few entries, stored or
// deflated). Node 20 has zlib but no ZIP container reader.
import { crc32, inflateRawSync } from 'node:zlib';
import { TiesError } from '../errors.ts';

/** One file inside a ZIP archive. */
export interface ZipEntry {
  name: string;
  data: Buffer;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/** True when `bytes` start like a ZIP archive (a local file header). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32LE(0) === LOCAL;
}

function bad(message: string): TiesError {
  return new TiesError('BAD_INPUT', `not a readable ZIP archive: ${message}`);
}

/**
 * The files of a ZIP archive, in archive order. Sizes are read from the central directory
 * because writers that stream (GDELT's among them) leave them zero in the local headers.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + up to 65535 (comment) bytes.
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw bad('no end-of-central-directory record');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw bad('broken central directory');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw bad(`${name} needs ZIP64`);
    if (flags & 0x1) throw bad(`${name} is encrypted`);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw bad(`${name} has no local header`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + compressed);
    if (raw.length !== compressed) throw bad(`${name} is truncated`);
    if (name.endsWith('/')) continue;
    let data: Buffer;
    if (method === 0) data = Buffer.from(raw);
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch (e) {
        throw new TiesError('BAD_INPUT', `not a readable ZIP archive: ${name} does not inflate`, { cause: e });
      }
    } else throw new TiesError('UNSUPPORTED', `ZIP compression method ${method} in ${name} (only stored and deflate)`);
    if (data.length !== size) throw bad(`${name} inflates to ${data.length} bytes, not ${size}`);
    if (crc32(data) !== crc) throw bad(`${name} fails its CRC-32 check`);
    entries.push({ name, data });
  }
  return entries;
}
