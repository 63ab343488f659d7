import { open } from 'node:fs/promises';
import type { Message } from '../../../shared/i18n/messages.js';
import { importsMessages as M } from '../../../shared/imports/messages.js';
import { csvRows, sniffCsv } from './csv.js';
import { importErrors } from './errors.js';
import { defaultLimits, type ReadLimits } from './limits.js';
import type { TableSource } from './types.js';
import { chooseSheet, inspectXlsx, xlsxRows } from './xlsx-read.js';

const HEAD_BYTES = 64 * 1024;

function startsWith(head: Uint8Array, bytes: number[], at = 0): boolean {
  return bytes.every((b, i) => head[at + i] === b);
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

// Things people upload by mistake, recognised by their first bytes so the
// message can say what the file is rather than just "not a spreadsheet".
const KNOWN_BINARIES: { magic: number[]; at?: number; what: Message }[] = [
  { magic: ascii('%PDF'), what: M.isPdf },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: M.isPng },
  { magic: [0xff, 0xd8, 0xff], what: M.isJpeg },
  { magic: ascii('GIF8'), what: M.isGif },
  { magic: ascii('WEBP'), at: 8, what: M.isWebp },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: M.isTiff },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: M.isTiff },
  { magic: [0x1f, 0x8b], what: M.isGzip },
  { magic: ascii('Rar!'), what: M.isRar },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: M.is7z },
  { magic: ascii('PK\x05\x06'), what: M.isEmptyZip },
  { magic: ascii('{\\rtf'), what: M.isRtf },
];

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * Opens an uploaded .xlsx or .csv for streaming. The type comes from the file's first bytes, not its name.
 * Throws ImportFileError (EMPTY_FILE, NOT_A_SPREADSHEET, UNSUPPORTED_XLS, CORRUPT_XLSX, SHEET_NOT_FOUND) before
 * any row is read when the file cannot be a table, and TOO_LARGE when it breaks a limit (`limits`, by default
 * the configuration's defaults) — before, or as soon as the read gets there. `sheet`: tab index (0-based) or name; by default the first
 * visible worksheet.
 */
export async function openTable(
  filePath: string,
  opts: { sheet?: number | string; limits?: ReadLimits } = {},
): Promise<TableSource> {
  const limits = opts.limits ?? defaultLimits();
  const handle = await open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    if (size === 0) throw importErrors.empty();
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);

    if (startsWith(head, ZIP)) {
      const layout = await inspectXlsx(filePath);
      const sheet = chooseSheet(layout.sheets, opts.sheet);
      return {
        kind: 'xlsx',
        sheetName: sheet.name,
        sheetNames: layout.sheets.map((s) => s.name),
        rows: () => xlsxRows(filePath, layout, sheet, limits),
      };
    }
    if (startsWith(head, OLE2)) throw importErrors.oldXls();
    for (const k of KNOWN_BINARIES) {
      if (startsWith(head, k.magic, k.at)) throw importErrors.notSpreadsheet(k.what);
    }

    const format = await sniffCsv(filePath, head, size);
    return {
      kind: 'csv',
      encoding: format.encoding,
      delimiter: format.delimiter,
      rows: () => csvRows(filePath, format, limits),
    };
  } finally {
    await handle.close();
  }
}
