import { type Message, say } from '../../../shared/i18n/messages.js';
import { importsMessages as M, verbatim } from '../../../shared/imports/messages.js';

export type ImportFileErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_A_SPREADSHEET'
  | 'UNSUPPORTED_XLS'
  | 'CORRUPT_XLSX'
  | 'CORRUPT_CSV'
  | 'SHEET_NOT_FOUND'
  | 'TOO_LARGE';

/**
 * The file as a whole cannot be read as a table. `text` is meant for the person who uploaded it, in both
 * languages: it says what to do (usually "open it in Excel and save as .xlsx"), not what went wrong inside.
 * `message` is its Vietnamese, for logs and the command line.
 */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;
  readonly text: Message;

  constructor(code: ImportFileErrorCode, text: Message, options?: { cause?: unknown }) {
    super(text.vi, options);
    this.name = 'ImportFileError';
    this.code = code;
    this.text = text;
  }
}

const advice = { advice: M.saveAsXlsx };
/** 1000000 → "1.000.000", as a Vietnamese reader writes it (the English text shows the same digits). */
const count = (n: number) => n.toLocaleString('vi-VN');
/** What the file is instead: a catalogue message, or a plain name said the same in both languages. */
const what = (w: string | Message) => (typeof w === 'string' ? verbatim(w) : w);

export const importErrors = {
  empty: () => new ImportFileError('EMPTY_FILE', say(M.fileEmpty)),
  notSpreadsheet: (is?: string | Message) =>
    new ImportFileError(
      'NOT_A_SPREADSHEET',
      is ? say(M.fileIsOther, { what: what(is), ...advice }) : say(M.fileNotSpreadsheet, advice),
    ),
  unsupportedFormat: (is: string | Message) =>
    new ImportFileError('NOT_A_SPREADSHEET', say(M.fileUnsupported, { what: what(is), ...advice })),
  // A password-protected .xlsx is stored in the same old container format, so it lands here too.
  oldXls: () => new ImportFileError('UNSUPPORTED_XLS', say(M.fileOldXls, advice)),
  markupXls: () => new ImportFileError('UNSUPPORTED_XLS', say(M.fileMarkupXls, advice)),
  corruptXlsx: (cause?: unknown) => new ImportFileError('CORRUPT_XLSX', say(M.fileCorrupt), { cause }),
  // Excel would put the rest of the file into that one cell; importing that would hide the fault.
  unclosedQuote: (row: number, cause?: unknown) =>
    new ImportFileError('CORRUPT_CSV', say(M.fileUnclosedQuote, { row }), { cause }),
  tooManyRows: (max: number) => new ImportFileError('TOO_LARGE', say(M.tooManyRows, { max: count(max) })),
  tooMuchInflated: (maxBytes: number) =>
    new ImportFileError('TOO_LARGE', say(M.tooMuchInflated, { max: count(Math.round(maxBytes / 1024 / 1024)) })),
  zipBomb: (ratio: number) => new ImportFileError('TOO_LARGE', say(M.zipBomb, { ratio: String(ratio) })),
  cellTooLarge: (max: number, at?: { row: number; column: string }) =>
    new ImportFileError(
      'TOO_LARGE',
      say(M.cellTooLarge, {
        max: count(max),
        where: at ? say(M.cellAt, { row: String(at.row), column: at.column }) : verbatim(''),
      }),
    ),
  csvRecordTooLarge: (row: number, max: number, cause?: unknown) =>
    new ImportFileError('TOO_LARGE', say(M.csvRecordTooLarge, { row, max: count(max) }), { cause }),
  sheetNotFound: (sheet: number | string, names: string[]) =>
    new ImportFileError(
      'SHEET_NOT_FOUND',
      say(M.sheetNotFound, {
        sheet: typeof sheet === 'number' ? say(M.sheetNumber, { n: String(sheet + 1) }) : `«${sheet}»`,
        names: names.length ? names.map((n) => `«${n}»`).join(', ') : M.noSheets,
      }),
    ),
};
