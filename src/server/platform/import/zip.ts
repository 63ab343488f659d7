import type { Readable } from 'node:stream';
import yauzl from 'yauzl';

// The zip is read with yauzl, from its central directory at the end of the file. The streaming xlsx reader
// only finds out that a file is truncated, or is a .docx, after it has started handing out rows; reading the
// directory first lets openTable() fail at once with a clear reason, and tells which sheets exist.

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export class ZipFormatError extends Error {
  override name = 'ZipFormatError';
}

// A workbook holds a few dozen parts (hundreds with pictures); a directory claiming far more is not an xlsx
// we can use, and walking it would only cost time.
const MAX_ENTRIES = 100_000;

export interface ZipArchive {
  /** By name; for an xlsx, e.g. `xl/workbook.xml`. */
  entries: Map<string, ZipEntry>;
  /** Reads one (small) entry whole. Only for metadata such as xl/workbook.xml, never for sheet data. */
  read(entry: ZipEntry, maxBytes: number): Promise<Buffer>;
  /** Streams one entry's uncompressed bytes; bad deflate data or a wrong size surface as errors on the stream. */
  stream(entry: ZipEntry): Promise<Readable>;
  /** The file is closed once streams still open have ended or been destroyed. */
  close(): void;
}

const formatError = (e: unknown) =>
  e instanceof ZipFormatError ? e : new ZipFormatError((e as Error).message ?? String(e), { cause: e });

/** Opens a zip and reads its central directory. Throws ZipFormatError when the file is truncated or is not a zip. */
export async function openZip(filePath: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile | undefined;
  const found = new Map<string, yauzl.Entry>();
  const entries = new Map<string, ZipEntry>();
  try {
    // autoClose off: the parts are opened after the directory has been read.
    zip = await yauzl.openPromise(filePath, { autoClose: false });
    if (zip.entryCount > MAX_ENTRIES) throw new ZipFormatError(`${zip.entryCount} entries`);
    for await (const e of zip.eachEntry()) {
      found.set(e.fileName, e);
      entries.set(e.fileName, {
        name: e.fileName,
        compressedSize: e.compressedSize,
        uncompressedSize: e.uncompressedSize,
        localHeaderOffset: e.relativeOffsetOfLocalHeader,
      });
    }
  } catch (e) {
    zip?.close();
    throw formatError(e);
  }
  const archive = zip;
  const open = async (entry: ZipEntry): Promise<Readable> => {
    const e = found.get(entry.name);
    if (!e) throw new ZipFormatError(`no entry ${entry.name}`);
    try {
      return await archive.openReadStreamPromise(e);
    } catch (err) {
      throw formatError(err);
    }
  };
  return {
    entries,
    stream: open,
    close: () => archive.close(),
    async read(entry, maxBytes) {
      if (entry.uncompressedSize > maxBytes || entry.compressedSize > maxBytes) {
        throw new ZipFormatError('entry too large');
      }
      const chunks: Buffer[] = [];
      try {
        // yauzl checks the inflated length against the directory's, so this stays within maxBytes.
        for await (const chunk of await open(entry)) chunks.push(chunk as Buffer);
      } catch (err) {
        throw formatError(err);
      }
      return Buffer.concat(chunks);
    },
  };
}
