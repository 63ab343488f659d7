import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { pipeline, Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';

// A minimal reader of a zip's central directory. The streaming xlsx reader only
// finds out that a file is truncated, or is a .docx, after it has started
// handing out rows; reading the directory at the end of the file first lets
// openTable() fail at once with a clear reason, and tells which sheets exist.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

const EOCD_SIG = 0x06054b50;
const ZIP64_LOCATOR_SIG = 0x07064b50;
const ZIP64_EOCD_SIG = 0x06064b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
// A workbook's directory holds a few dozen entries; anything near this is not an xlsx we can use.
const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  if (bytesRead !== length) throw new ZipFormatError('short read');
  return buf;
}

function u64(buf: Buffer, at: number): number {
  const n = buf.readBigUInt64LE(at);
  if (n > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipFormatError('zip64 value too large');
  return Number(n);
}

/** Reads the central directory. Throws ZipFormatError when the file is truncated or is not a zip. */
export async function readZipDirectory(handle: FileHandle, size: number): Promise<Map<string, ZipEntry>> {
  if (size < EOCD_MIN) throw new ZipFormatError('too small');
  const tailLength = Math.min(size, EOCD_MIN + MAX_COMMENT);
  const tailStart = size - tailLength;
  const tail = await readAt(handle, tailStart, tailLength);
  let eocd = -1;
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD_SIG && i + EOCD_MIN + tail.readUInt16LE(i + 20) <= tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');

  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locatorAt = tailStart + eocd - 20;
    if (locatorAt < 0) throw new ZipFormatError('zip64 locator missing');
    const locator = await readAt(handle, locatorAt, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR_SIG) throw new ZipFormatError('zip64 locator missing');
    const record = await readAt(handle, u64(locator, 8), 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD_SIG) throw new ZipFormatError('zip64 record missing');
    count = u64(record, 32);
    dirSize = u64(record, 40);
    dirOffset = u64(record, 48);
  }
  if (dirSize > MAX_DIRECTORY_BYTES || dirOffset + dirSize > size) throw new ZipFormatError('directory out of range');

  const dir = await readAt(handle, dirOffset, dirSize);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let n = 0; n < count; n++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIG) throw new ZipFormatError('bad directory entry');
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
    };
    readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
    entries.set(entry.name, entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Sizes and offsets that overflow 32 bits are 0xffffffff in the entry and
// the real values sit, in this order and only for those fields, in extra field 0x0001.
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = extra.readUInt16LE(p);
    const length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = (): number => {
        if (q + 8 > p + 4 + length) throw new ZipFormatError('short zip64 extra');
        const v = u64(extra, q);
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next();
      return;
    }
    p += 4 + length;
  }
}

/** Where an entry's compressed bytes start: after its local header, whose name and extra field may differ from the directory's. */
export async function entryDataOffset(handle: FileHandle, entry: ZipEntry): Promise<number> {
  const local = await readAt(handle, entry.localHeaderOffset, 30);
  if (local.readUInt32LE(0) !== LOCAL_SIG) throw new ZipFormatError('bad local header');
  return entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

function checkMethod(entry: ZipEntry): void {
  if (entry.method !== 0 && entry.method !== 8) throw new ZipFormatError(`compression method ${entry.method}`);
}

/** Reads one (small) entry whole. Only for metadata such as xl/workbook.xml, never for sheet data. */
export async function readZipEntry(handle: FileHandle, entry: ZipEntry, maxBytes: number): Promise<Buffer> {
  if (entry.uncompressedSize > maxBytes || entry.compressedSize > maxBytes) throw new ZipFormatError('entry too large');
  checkMethod(entry);
  const data = await readAt(handle, await entryDataOffset(handle, entry), entry.compressedSize);
  if (entry.method === 0) return data;
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    throw new ZipFormatError(`inflate failed: ${(e as Error).message}`);
  }
}

/** Streams one entry's uncompressed bytes straight from the file; errors (bad deflate data) surface on the stream. */
export async function streamZipEntry(filePath: string, handle: FileHandle, entry: ZipEntry): Promise<Readable> {
  checkMethod(entry);
  const start = await entryDataOffset(handle, entry);
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(filePath, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
  if (entry.method === 0) return raw;
  return pipeline(raw, createInflateRaw(), () => {
    // Errors reach the consumer through the returned stream; nothing to add here.
  });
}
