import { defineMessages, type Message } from '../i18n/messages.js';

/**
 * What the import engine says about a file, a row or a cell, whatever the kind of record. A kind's own
 * rules keep their messages in their feature (`src/shared/<feature>/import.messages.ts`). Numbers that
 * are row numbers, lengths or years are passed as text, so they are not grouped like counts ("2000").
 */
export const importsMessages = defineMessages('imports', {
  // A column as the report names it: the file's header and its letter, or the field when unmapped.
  column: { vi: '{header} (cột {letter})', en: '{header} (column {letter})' },
  missingColumns: {
    vi: 'Không tìm thấy cột bắt buộc: {fields}. Hãy chọn cột tương ứng trong bảng ghép cột.',
    en: 'Required columns not found: {fields}. Choose the matching columns in the mapping table.',
  },
  noHeader: {
    vi: 'Không tìm thấy dòng tiêu đề nào khớp với mẫu (ví dụ: {examples}).',
    en: 'No header row matches the template (for example: {examples}).',
  },
  otherUnit: {
    vi: '{key} đã có trong danh sách của đơn vị khác',
    en: '{key} is already on the list of another unit',
  },
  duplicateNeedsReason: {
    vi: '{key} đã có ({label}); cần ghi lý do để tạo mới',
    en: '{key} already exists ({label}); a reason is needed to create it again',
  },
  duplicateInFile: { vi: 'Trùng {key} với dòng {first} trong tệp', en: 'Same {key} as row {first} of the file' },
  exampleRow: { vi: 'Bỏ qua dòng ví dụ của tệp mẫu', en: "Skipped the template's example row" },
  // Written in the template's example row; a file still holding it does not import that row.
  exampleNote: { vi: 'Dòng ví dụ — xoá dòng này trước khi nhập', en: 'Example row — delete it before importing' },
  reasonRequired: {
    vi: 'Cần ghi lý do khi tạo mới bản ghi trùng mã số thuế',
    en: 'A reason is needed to create a record whose tax code already exists',
  },

  // Cells.
  countInvalid: {
    vi: 'Số lượng không hợp lệ: «{raw}» (cần số nguyên không âm)',
    en: 'Invalid number: «{raw}» (a whole number, zero or more)',
  },
  countNotWhole: {
    vi: 'Số lượng phải là số nguyên không âm: «{raw}»',
    en: 'A count must be a whole number, zero or more: «{raw}»',
  },
  dateInvalid: { vi: 'Ngày không hợp lệ: «{raw}» (cần dd/mm/yyyy)', en: 'Invalid date: «{raw}» (dd/mm/yyyy expected)' },
  dateYearRange: {
    vi: 'Ngày không hợp lệ: «{raw}» (năm phải từ {min} đến {max})',
    en: 'Invalid date: «{raw}» (the year must be from {min} to {max})',
  },
  textTooLong: {
    vi: 'Quá dài: {length} ký tự, tối đa {max} ký tự',
    en: 'Too long: {length} characters, at most {max}',
  },
  notInList: {
    vi: 'Giá trị «{raw}» không có trong danh sách. Chọn một trong: {allowed}',
    en: '«{raw}» is not in the list. Choose one of: {allowed}',
  },
  mstFormat: {
    vi: 'Mã số thuế «{raw}» không đúng định dạng (cần 10 chữ số, chi nhánh: 10 chữ số-3 chữ số)',
    en: 'Tax code «{raw}» is malformed (10 digits; a branch: 10 digits-3 digits)',
  },
  mstChecksum: { vi: 'Mã số thuế «{raw}» sai chữ số kiểm tra', en: 'Tax code «{raw}» has a wrong check digit' },
  mstSequence: {
    vi: 'Mã số thuế «{raw}» không hợp lệ (phần số thứ tự toàn số 0)',
    en: 'Tax code «{raw}» is invalid (its sequence part is all zeros)',
  },
  mstZeroRestored: { vi: 'MST được bổ sung số 0 ở đầu', en: 'A leading zero was put back into the tax code' },

  // The file as a whole.
  saveAsXlsx: {
    vi: 'Hãy mở tệp bằng Excel và lưu lại dưới dạng "Excel Workbook (.xlsx)" hoặc "CSV UTF-8".',
    en: 'Open the file in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".',
  },
  fileEmpty: { vi: 'Tệp rỗng: không có dữ liệu nào để nhập.', en: 'The file is empty: there is nothing to import.' },
  fileIsOther: {
    vi: 'Tệp là {what}, không phải bảng tính. {advice}',
    en: 'The file is {what}, not a spreadsheet. {advice}',
  },
  fileNotSpreadsheet: {
    vi: 'Tệp không phải bảng tính Excel (.xlsx) hoặc CSV. {advice}',
    en: 'The file is not an Excel (.xlsx) or CSV spreadsheet. {advice}',
  },
  fileUnsupported: { vi: 'Chưa hỗ trợ {what}. {advice}', en: '{what} is not supported yet. {advice}' },
  fileOldXls: {
    vi: 'Tệp Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu chưa được hỗ trợ. Nếu có mật khẩu, hãy bỏ mật khẩu trước. {advice}',
    en: 'Excel 97–2003 (.xls) files and password-protected Excel files are not supported yet. If there is a password, remove it first. {advice}',
  },
  fileMarkupXls: {
    vi: 'Tệp có dạng trang web/XML (thường do phần mềm xuất ra với đuôi .xls), không phải bảng tính thật. {advice}',
    en: 'The file is a web page or XML (often exported by software with an .xls name), not a real spreadsheet. {advice}',
  },
  fileCorrupt: {
    vi: 'Tệp Excel bị hỏng hoặc tải lên chưa hết nên không đọc được. Hãy mở lại bằng Excel, lưu lại rồi tải lên lần nữa.',
    en: 'The Excel file is damaged or was not uploaded completely. Open it in Excel, save it again and upload it once more.',
  },
  fileUnclosedQuote: {
    vi: 'Tệp CSV có dấu ngoặc kép (") mở ở dòng {row} mà không đóng, nên phần còn lại của tệp bị gộp vào một ô. Hãy sửa dòng đó (hoặc mở tệp bằng Excel và lưu lại) rồi tải lên lần nữa.',
    en: 'The CSV file has a quote (") opened on line {row} that is never closed, so the rest of the file would fall into one cell. Fix that line (or open the file in Excel and save it again) and upload it once more.',
  },
  // Limits (IMPORT_MAX_* in the configuration): said before the file can exhaust the server.
  tooManyRows: {
    vi: 'Tệp có hơn {max} dòng dữ liệu, quá giới hạn một lần nhập. Hãy chia tệp thành nhiều tệp nhỏ hơn rồi nhập từng tệp.',
    en: 'The file has more than {max} data rows, over the limit of one import. Split it into smaller files and import them one by one.',
  },
  tooMuchInflated: {
    vi: 'Tệp Excel khi giải nén lớn hơn {max} MB, quá giới hạn một lần nhập (tệp có thể chứa nhiều dữ liệu thừa hoặc bị cố ý làm phình to). Hãy chỉ giữ trang tính cần nhập, hoặc chia thành nhiều tệp nhỏ hơn.',
    en: 'Uncompressed, the Excel file is larger than {max} MB, over the limit of one import (it may hold a lot of unused data, or be inflated on purpose). Keep only the sheet to import, or split it into smaller files.',
  },
  zipBomb: {
    vi: 'Tệp Excel có một phần khi giải nén lớn gấp hơn {ratio} lần khi nén — không phải một danh sách thật mà là tệp bị cố ý làm phình to. Tệp không được nhập.',
    en: 'A part of the Excel file inflates more than {ratio} times its compressed size — not a real list but a file inflated on purpose. It is not imported.',
  },
  cellTooLarge: {
    vi: 'Tệp có một ô dài hơn {max} ký tự{where}, quá giới hạn một ô. Hãy rút gọn nội dung ô đó rồi tải lên lần nữa.',
    en: 'The file has a cell longer than {max} characters{where}, over the limit of one cell. Shorten it and upload the file once more.',
  },
  cellAt: { vi: ' (dòng {row}, cột {column})', en: ' (row {row}, column {column})' },
  csvRecordTooLarge: {
    vi: 'Tệp CSV có dòng {row} dài hơn {max} ký tự, quá giới hạn một dòng — thường là do một dấu ngoặc kép (") mở mà không đóng. Hãy sửa dòng đó (hoặc mở tệp bằng Excel và lưu lại) rồi tải lên lần nữa.',
    en: 'Line {row} of the CSV file is longer than {max} characters, over the limit of one line — usually a quote (") that is never closed. Fix that line (or open the file in Excel and save it again) and upload it once more.',
  },
  sheetNotFound: {
    vi: 'Không tìm thấy trang tính {sheet}. Tệp có: {names}.',
    en: 'Worksheet {sheet} not found. The file has: {names}.',
  },
  sheetNumber: { vi: 'thứ {n}', en: 'number {n}' },
  noSheets: { vi: '(không có trang tính nào)', en: '(no worksheets)' },
  isPdf: { vi: 'tài liệu PDF', en: 'a PDF document' },
  isPng: { vi: 'ảnh PNG', en: 'a PNG image' },
  isJpeg: { vi: 'ảnh JPEG', en: 'a JPEG image' },
  isGif: { vi: 'ảnh GIF', en: 'a GIF image' },
  isWebp: { vi: 'ảnh WebP', en: 'a WebP image' },
  isTiff: { vi: 'ảnh TIFF', en: 'a TIFF image' },
  isGzip: { vi: 'tệp nén (.gz)', en: 'a compressed file (.gz)' },
  isRar: { vi: 'tệp nén RAR', en: 'a RAR archive' },
  is7z: { vi: 'tệp nén 7z', en: 'a 7z archive' },
  isEmptyZip: { vi: 'tệp nén (.zip) rỗng', en: 'an empty .zip archive' },
  isRtf: { vi: 'văn bản RTF', en: 'an RTF document' },

  // The upload form.
  unitRequired: { vi: 'Chọn đơn vị quản lý', en: 'Choose the managing unit' },

  // The rejected-rows file and the command line (Vietnamese, like every file the app writes).
  rejectedSheet: { vi: 'Dòng bị từ chối', en: 'Rejected rows' },
  rejectedRow: { vi: 'Dòng', en: 'Row' },
  rejectedError: { vi: 'Lỗi', en: 'Error' },
  required: { vi: 'Bắt buộc', en: 'Required' },
  cliUnknownKind: {
    vi: 'Chưa hỗ trợ nhập "{kind}" (hiện có: {kinds})',
    en: 'Cannot import "{kind}" (available: {kinds})',
  },
  cliOnDuplicate: {
    vi: '--on-duplicate phải là update, skip hoặc create',
    en: '--on-duplicate must be update, skip or create',
  },
  cliNoUnit: { vi: 'Không có đơn vị mã "{code}"', en: 'No unit with code "{code}"' },
  cliRows: { vi: 'Tệp {file}: {rows} dòng dữ liệu', en: 'File {file}: {rows} data rows' },
  cliCounts: {
    vi: '  Thêm: {inserted}   Cập nhật: {updated}   Bỏ qua: {skipped}   Lỗi: {rejected}   Cảnh báo: {warnings}',
    en: '  Inserted: {inserted}   Updated: {updated}   Skipped: {skipped}   Errors: {rejected}   Warnings: {warnings}',
  },
  cliDryCounts: {
    vi: '  Sẽ thêm: {inserted}   Sẽ cập nhật: {updated}   Bỏ qua: {skipped}   Lỗi: {rejected}   Cảnh báo: {warnings}',
    en: '  Would insert: {inserted}   Would update: {updated}   Skipped: {skipped}   Errors: {rejected}   Warnings: {warnings}',
  },
  cliDryRun: { vi: '  (chạy thử — chưa ghi gì)', en: '  (dry run — nothing written)' },
  cliCommitted: { vi: '  Đã ghi vào cơ sở dữ liệu.', en: '  Written to the database.' },
  cliNotCommitted: {
    vi: '  KHÔNG ghi gì: còn dòng lỗi (dùng --valid-only để chỉ ghi dòng hợp lệ).',
    en: '  NOTHING written: some rows have errors (use --valid-only to write the valid rows only).',
  },
  cliError: { vi: '  ✗ dòng {row}, {column}: {message}', en: '  ✗ row {row}, {column}: {message}' },
  cliWarning: { vi: '  ! dòng {row}, {column}: {message}', en: '  ! row {row}, {column}: {message}' },
  cliMoreErrors: { vi: '  … và {n} lỗi khác', en: '  … and {n} more errors' },
});

/** A parameter that differs by language (a list of field labels, a nested message). */
/** Messages joined into one, in each language. */
export function joinMessages(parts: readonly Message[], separator = ', '): Message {
  return { vi: parts.map((p) => p.vi).join(separator), en: parts.map((p) => p.en).join(separator) };
}

/** The same text in both languages: what a file says (its headers, its cells) is not translated. */
export const verbatim = (text: string): Message => ({ vi: text, en: text });
