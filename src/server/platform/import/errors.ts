export type ImportFileErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_A_SPREADSHEET'
  | 'UNSUPPORTED_XLS'
  | 'CORRUPT_XLSX'
  | 'CORRUPT_CSV'
  | 'SHEET_NOT_FOUND';

/**
 * The file as a whole cannot be read as a table. `message` is Vietnamese and meant for the person who
 * uploaded it: it says what to do (usually "open it in Excel and save as .xlsx"), not what went wrong inside.
 */
export class ImportFileError extends Error {
  readonly code: ImportFileErrorCode;

  constructor(code: ImportFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ImportFileError';
    this.code = code;
  }
}

const SAVE_AS_XLSX = 'Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".';

export const importErrors = {
  empty: () => new ImportFileError('EMPTY_FILE', 'Tệp rỗng: không có dữ liệu nào để nhập.'),
  notSpreadsheet: (what?: string) =>
    new ImportFileError(
      'NOT_A_SPREADSHEET',
      `${what ? `Tệp là ${what}, không phải bảng tính.` : 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV.'} ${SAVE_AS_XLSX}`,
    ),
  unsupportedFormat: (what: string) => new ImportFileError('NOT_A_SPREADSHEET', `Chưa hỗ trợ ${what}. ${SAVE_AS_XLSX}`),
  // A password-protected .xlsx is stored in the same old container format, so it lands here too.
  oldXls: () =>
    new ImportFileError(
      'UNSUPPORTED_XLS',
      `Tệp Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu chưa được hỗ trợ. Nếu có mật khẩu, hãy bỏ mật khẩu trước. ${SAVE_AS_XLSX}`,
    ),
  markupXls: () =>
    new ImportFileError(
      'UNSUPPORTED_XLS',
      `Tệp có dạng trang web/XML (thường do phần mềm xuất ra với đuôi .xls), không phải bảng tính thật. ${SAVE_AS_XLSX}`,
    ),
  corruptXlsx: (cause?: unknown) =>
    new ImportFileError(
      'CORRUPT_XLSX',
      `Tệp Excel bị hỏng hoặc tải lên chưa hết nên không đọc được. Hãy mở lại bằng Excel, lưu lại rồi tải lên lần nữa.`,
      { cause },
    ),
  // Excel would put the rest of the file into that one cell; importing that would hide the fault.
  unclosedQuote: (row: number, cause?: unknown) =>
    new ImportFileError(
      'CORRUPT_CSV',
      `Tệp CSV có dấu ngoặc kép (") mở ở dòng ${row} mà không đóng, nên phần còn lại của tệp bị gộp vào một ô. Hãy sửa dòng đó (hoặc mở tệp bằng Excel và lưu lại) rồi tải lên lần nữa.`,
      { cause },
    ),
  sheetNotFound: (sheet: number | string, names: string[]) =>
    new ImportFileError(
      'SHEET_NOT_FOUND',
      `Không tìm thấy trang tính ${typeof sheet === 'number' ? `thứ ${sheet + 1}` : `«${sheet}»`}. Tệp có: ${names.map((n) => `«${n}»`).join(', ') || '(không có trang tính nào)'}.`,
    ),
};
