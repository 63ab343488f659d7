import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedZip } from '../../test/files.js';
import { ImportFileError, openTable, type TableRow } from './index.js';
import { openZip } from './zip.js';

/**
 * The reader on real file shapes: xlsx (title rows, merged headers, shared strings, odd zips) and CSV in
 * every encoding offices produce. Over 400 lines on purpose: each case builds its own small file, and
 * the cases read best side by side.
 */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-reader-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readAll(path: string, opts?: { sheet?: number | string }): Promise<TableRow[]> {
  const t = await openTable(path, opts);
  const out: TableRow[] = [];
  for await (const r of t.rows()) out.push(r);
  return out;
}

async function expectImportError(path: string, code: string, message?: RegExp) {
  const err = await openTable(path).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportFileError);
  expect((err as ImportFileError).code).toBe(code);
  if (message) expect((err as ImportFileError).message).toMatch(message);
}

const TONES = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

/** Encodes NFC text as Windows-1258 the way old Vietnamese Windows did: base letter plus a combining tone byte. */
function encodeWindows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !table.has(ch)) table.set(ch, b);
  }
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = table.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    // The five tone marks are separate bytes; the other marks (circumflex, breve, horn) only exist precomposed.
    const [base = '', ...marks] = [...ch.normalize('NFD')];
    const tones = marks.filter((m) => TONES.includes(m));
    const letter = table.get((base + marks.filter((m) => !TONES.includes(m)).join('')).normalize('NFC'));
    const toneBytes = tones.map((m) => table.get(m));
    const done = letter !== undefined && toneBytes.every((b) => b !== undefined);
    if (done) out.push(letter, ...(toneBytes as number[]));
    if (!done) throw new Error(`cannot encode ${ch} in windows-1258`);
  }
  return Buffer.from(out);
}

describe('xlsx', () => {
  let enterprises: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    // A hidden helper sheet first: the default must skip it and take the first visible one.
    wb.addWorksheet('Tham số', { state: 'hidden' }).getCell('A1').value = 'không phải dữ liệu';
    const ws = wb.addWorksheet('Danh sách');
    ws.getCell('A1').value = 'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN PHƯỜNG BẾN NGHÉ';
    ws.mergeCells('A1:G1');
    ws.getCell('A2').value = 'Tính đến ngày 15/01/2025';
    ws.getRow(4).values = [
      'STT',
      'Mã số thuế',
      'Tên doanh nghiệp',
      'Địa chỉ',
      'Số lao động',
      'Ngày thành lập',
      'Ghi chú',
    ];
    ws.getRow(5).values = [
      1,
      312345673,
      'Công ty TNHH Hải Đăng',
      'Số 1, Lê Lợi',
      '15 người',
      new Date(Date.UTC(2020, 2, 15)),
    ];
    ws.getRow(6).values = [
      2,
      '0301234562',
      { richText: [{ text: 'Công ty ', font: { bold: true } }, { text: 'Cổ phần Sao Mai' }] },
      { text: 'Xem bản đồ', hyperlink: 'https://example.invalid/map' },
      1250,
      43905,
    ];
    ws.getCell('G6').value = { formula: 'E6*2', result: 2500 };
    ws.getCell('F7').value = { formula: 'F5+1', result: 43906 };
    ws.getCell('F7').numFmt = 'dd/mm/yyyy';
    ws.getRow(7).getCell(1).value = 3;
    ws.getRow(7).getCell(2).value = '7901234567-001';
    ws.getRow(7).getCell(5).value = '1.250';
    ws.getCell('H7').value = { error: '#N/A' };
    ws.getCell('C8').value = 'Dòng 1_x000D_\nDòng 2';
    ws.getCell('B9').value = true;
    wb.addWorksheet('Ghi chú').getCell('B2').value = 'trang thứ ba';
    enterprises = join(dir, 'enterprises.xlsx');
    await wb.xlsx.writeFile(enterprises);
  });

  it('streams the first visible sheet with Excel row numbers, title rows included, blank rows skipped', async () => {
    const t = await openTable(enterprises);
    expect(t.kind).toBe('xlsx');
    expect(t.sheetName).toBe('Danh sách');
    expect(t.sheetNames).toEqual(['Tham số', 'Danh sách', 'Ghi chú']);
    const rows: TableRow[] = [];
    for await (const r of t.rows()) rows.push(r);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
    expect(rows[0]?.cells).toEqual(['DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN PHƯỜNG BẾN NGHÉ']);
    expect(rows[2]?.cells).toEqual([
      'STT',
      'Mã số thuế',
      'Tên doanh nghiệp',
      'Địa chỉ',
      'Số lao động',
      'Ngày thành lập',
      'Ghi chú',
    ]);
  });

  it('flattens values: numbers stay numbers, dates become Dates, rich text and links become text, formulas their result', async () => {
    const rows = await readAll(enterprises);
    const byRow = new Map(rows.map((r) => [r.row, r.cells]));
    expect(byRow.get(5)).toEqual([
      1,
      312345673,
      'Công ty TNHH Hải Đăng',
      'Số 1, Lê Lợi',
      '15 người',
      new Date(Date.UTC(2020, 2, 15)),
    ]);
    // A serial number without a date format is just a number; the date parser turns it into a date.
    expect(byRow.get(6)).toEqual([2, '0301234562', 'Công ty Cổ phần Sao Mai', 'Xem bản đồ', 1250, 43905, 2500]);
    // Gaps inside a row are null; a date-formatted formula result is a Date; an error value is its text.
    expect(byRow.get(7)).toEqual([
      3,
      '7901234567-001',
      null,
      null,
      '1.250',
      new Date(Date.UTC(2020, 2, 16)),
      null,
      '#N/A',
    ]);
    expect(byRow.get(8)).toEqual([null, null, 'Dòng 1\r\nDòng 2']);
    expect(byRow.get(9)).toEqual([null, true]);
  });

  it('picks a sheet by index or by name, and says which sheets exist when asked for a missing one', async () => {
    expect(await readAll(enterprises, { sheet: 2 })).toEqual([{ row: 2, cells: [null, 'trang thứ ba'] }]);
    expect(await readAll(enterprises, { sheet: 'ghi chú' })).toEqual([{ row: 2, cells: [null, 'trang thứ ba'] }]);
    expect(await readAll(enterprises, { sheet: 0 })).toEqual([{ row: 1, cells: ['không phải dữ liệu'] }]);
    const err = await openTable(enterprises, { sheet: 'Sheet9' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('SHEET_NOT_FOUND');
    expect((err as ImportFileError).message).toContain('«Danh sách»');
  });

  it('can be read twice and stopped early', async () => {
    const t = await openTable(enterprises);
    for await (const r of t.rows()) {
      expect(r.row).toBe(1);
      break;
    }
    let n = 0;
    for await (const _ of t.rows()) n++;
    expect(n).toBe(8);
  });

  it('reads Excel-ordered parts reliably and leaves no temp files, even when stopped early', async () => {
    // Regression: ExcelJS's own WorkbookReader parks sheets that precede the shared strings in temp files and,
    // with the temp dir here, lost the zip entries after them (workbook.xml), every time. See xlsx-read.ts.
    const own = join(dir, 'tmp-exceljs');
    await mkdir(own);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      for (let i = 0; i < 3; i++) {
        const t = await openTable(enterprises);
        for await (const _ of t.rows()) break;
      }
      await readAll(enterprises);
      // ExcelJS's temp library unlinks asynchronously.
      for (let i = 0; i < 50 && (await readdir(own)).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(await readdir(own)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('yields nothing for a workbook without rows', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trống');
    const path = join(dir, 'empty.xlsx');
    await wb.xlsx.writeFile(path);
    const t = await openTable(path);
    expect(t.kind).toBe('xlsx');
    expect(await readAll(path)).toEqual([]);
  });

  it('rejects a truncated upload before reading any row', async () => {
    const whole = await readFile(enterprises);
    const path = join(dir, 'truncated.xlsx');
    await writeFile(path, whole.subarray(0, Math.floor(whole.length / 2)));
    await expectImportError(path, 'CORRUPT_XLSX', /bị hỏng/);
  });

  it('reports damaged sheet data while streaming as CORRUPT_XLSX', async () => {
    const whole = Buffer.from(await readFile(enterprises));
    const zip = await openZip(enterprises);
    const { entries } = zip;
    zip.close();
    const sheet = entries.get('xl/worksheets/sheet2.xml');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    const dataStart = sheet.localHeaderOffset + 30 + whole.readUInt16LE(sheet.localHeaderOffset + 26);
    whole.fill(0xff, dataStart + 4, dataStart + Math.min(sheet.compressedSize, 200));
    const path = join(dir, 'damaged.xlsx');
    await writeFile(path, whole);
    const t = await openTable(path);
    const err = await (async () => {
      for await (const _ of t.rows()) {
        // keep reading until it fails
      }
    })().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('CORRUPT_XLSX');
  });

  it('names other zip-based documents', async () => {
    const docx = join(dir, 'letter.docx');
    await writeFile(docx, storedZip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }));
    await expectImportError(docx, 'NOT_A_SPREADSHEET', /Word/);
    const ods = join(dir, 'sheet.ods');
    await writeFile(
      ods,
      storedZip({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<x/>' }),
    );
    await expectImportError(ods, 'NOT_A_SPREADSHEET', /OpenDocument/);
  });
});

describe('files that are not spreadsheets', () => {
  it('an empty file', async () => {
    const path = join(dir, 'zero.csv');
    await writeFile(path, '');
    await expectImportError(path, 'EMPTY_FILE', /rỗng/);
  });

  it('a file with only a BOM and blank lines', async () => {
    const path = join(dir, 'blank.csv');
    await writeFile(path, '\ufeff\r\n \r\n');
    await expectImportError(path, 'EMPTY_FILE');
  });

  it('a PDF', async () => {
    const path = join(dir, 'scan.pdf');
    await writeFile(
      path,
      Buffer.concat([
        Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'),
        Buffer.alloc(64, 7),
      ]),
    );
    await expectImportError(path, 'NOT_A_SPREADSHEET', /PDF/);
  });

  it('a PNG image', async () => {
    const path = join(dir, 'photo.xlsx');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]),
    );
    await expectImportError(path, 'NOT_A_SPREADSHEET', /ảnh PNG/);
  });

  it('random bytes', async () => {
    // A fixed linear congruential sequence, so a failure can be replayed.
    const bytes = Buffer.alloc(8192);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    bytes[0] = 0x41;
    const path = join(dir, 'random.csv');
    await writeFile(path, bytes);
    await expectImportError(path, 'NOT_A_SPREADSHEET', /không phải bảng tính/);
  });

  it('an Excel 97–2003 .xls', async () => {
    const path = join(dir, 'old.xls');
    await writeFile(
      path,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
    );
    await expectImportError(path, 'UNSUPPORTED_XLS', /97–2003/);
  });

  it('an HTML table saved as .xls', async () => {
    const path = join(dir, 'export.xls');
    await writeFile(
      path,
      '<html><head><meta charset="utf-8"></head><body><table><tr><td>MST</td></tr></table></body></html>',
    );
    await expectImportError(path, 'UNSUPPORTED_XLS', /trang web/);
  });
});

describe('csv', () => {
  const VI_ROWS = [
    'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN',
    '',
    'Mã số thuế;Tên doanh nghiệp;Địa chỉ;Số lao động',
    '0312345673;Công ty TNHH Hải Đăng;"Số 1, Lê Lợi\nPhường Bến Nghé";15 người',
    '301234562;"Công ty ""Sao Mai""";Quận 3;1.250',
  ];
  const VI_EXPECTED: TableRow[] = [
    { row: 1, cells: ['DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN'] },
    { row: 3, cells: ['Mã số thuế', 'Tên doanh nghiệp', 'Địa chỉ', 'Số lao động'] },
    { row: 4, cells: ['0312345673', 'Công ty TNHH Hải Đăng', 'Số 1, Lê Lợi\nPhường Bến Nghé', '15 người'] },
    { row: 5, cells: ['301234562', 'Công ty "Sao Mai"', 'Quận 3', '1.250'] },
  ];

  it('UTF-8 with BOM, comma delimiter, CRLF', async () => {
    const path = join(dir, 'utf8-bom.csv');
    const text = `\ufeff${VI_ROWS.map((l) => l.replaceAll(';', ',').replace('"Số 1, Lê Lợi', '"Số 1, Lê Lợi')).join('\r\n')}\r\n`;
    await writeFile(path, text);
    const t = await openTable(path);
    expect(t).toMatchObject({ kind: 'csv', encoding: 'utf-8', delimiter: ',' });
    expect(await readAll(path)).toEqual(VI_EXPECTED);
  });

  it('UTF-8 without BOM, semicolon delimiter, no final line break', async () => {
    const path = join(dir, 'utf8.csv');
    await writeFile(path, VI_ROWS.join('\n'));
    expect(await openTable(path)).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    expect(await readAll(path)).toEqual(VI_EXPECTED);
  });

  it('UTF-16LE with BOM and tabs (Excel "Unicode text")', async () => {
    const path = join(dir, 'unicode.txt');
    const text = VI_ROWS.map((l) => l.replaceAll(';', '\t')).join('\r\n');
    await writeFile(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    expect(await openTable(path)).toMatchObject({ kind: 'csv', encoding: 'utf-16le', delimiter: '\t' });
    expect(await readAll(path)).toEqual(VI_EXPECTED);
  });

  it('UTF-16BE with BOM', async () => {
    const path = join(dir, 'utf16be.csv');
    const le = Buffer.from(VI_ROWS.join('\n'), 'utf16le');
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1] as number;
      be[i + 1] = le[i] as number;
    }
    await writeFile(path, Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    expect(await openTable(path)).toMatchObject({ encoding: 'utf-16be', delimiter: ';' });
    expect(await readAll(path)).toEqual(VI_EXPECTED);
  });

  it('Windows-1258 with combining tone marks comes out as NFC', async () => {
    const path = join(dir, 'cp1258.csv');
    const bytes = encodeWindows1258(`${VI_ROWS.join('\r\n')}\r\n`);
    // Really the old encoding: "ệ" is "ê" followed by a separate dot-below byte (0xF2).
    expect(bytes.includes(Buffer.from([0xea, 0xf2]))).toBe(true);
    await writeFile(path, bytes);
    expect(await openTable(path)).toMatchObject({ kind: 'csv', encoding: 'windows-1258', delimiter: ';' });
    const rows = await readAll(path);
    expect(rows).toEqual(VI_EXPECTED);
    for (const r of rows) for (const c of r.cells) if (typeof c === 'string') expect(c).toBe(c.normalize('NFC'));
  });

  it('looks past the first 64 KB to tell UTF-8 from Windows-1258', async () => {
    const ascii = `${'MST;Ten;Dia chi\n'}${'0312345673;Cong ty A;So 1 Le Loi\n'.repeat(3000)}`;
    const tail = 'Ghi chú;Công ty TNHH Hải Đăng;Bến Nghé\n';
    const utf8 = join(dir, 'late-utf8.csv');
    await writeFile(utf8, ascii + tail);
    const cp = join(dir, 'late-cp1258.csv');
    await writeFile(cp, Buffer.concat([Buffer.from(ascii), encodeWindows1258(tail)]));
    for (const path of [utf8, cp]) {
      const rows = await readAll(path);
      expect(rows.at(-1)?.cells).toEqual(['Ghi chú', 'Công ty TNHH Hải Đăng', 'Bến Nghé']);
    }
    expect((await openTable(utf8)).encoding).toBe('utf-8');
    expect((await openTable(cp)).encoding).toBe('windows-1258');
  });

  it("honours Excel's sep= line and keeps row numbers as Excel shows them", async () => {
    const path = join(dir, 'sep.csv');
    await writeFile(path, 'sep=;\r\nMST;Tên\r\n0312345673;A, B và C\r\n');
    expect(await readAll(path)).toEqual([
      { row: 1, cells: ['MST', 'Tên'] },
      { row: 2, cells: ['0312345673', 'A, B và C'] },
    ]);
  });

  it('is lenient with quotes the way Excel is, and drops trailing empty cells', async () => {
    const path = join(dir, 'quotes.csv');
    await writeFile(path, 'a,b,c\n5" màn hình,"x"y,\n"",,\n"mở\r\nđóng",2,\n');
    expect(await readAll(path)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['5" màn hình', 'xy'] },
      { row: 4, cells: ['mở\r\nđóng', '2'] },
    ]);
  });

  it('keeps the text after a closing quote and unescapes the quoted part, as Excel does', async () => {
    const path = join(dir, 'after-quote.csv');
    await writeFile(path, 'a;b;c\r\n"Công ty ""A"" số "1;"""trích"""\r\n');
    expect(await readAll(path)).toEqual([
      { row: 1, cells: ['a', 'b', 'c'] },
      { row: 2, cells: ['Công ty "A" số 1', '"trích"'] },
    ]);
  });

  it('refuses a quote that is never closed, naming its row, instead of one cell holding the rest', async () => {
    const path = join(dir, 'unclosed.csv');
    await writeFile(path, 'MST;Tên\n0312345673;"Công ty A\n0301234562;Công ty B\n');
    const t = await openTable(path);
    const rows: TableRow[] = [];
    const err = await (async () => {
      for await (const r of t.rows()) rows.push(r);
    })().catch((e: unknown) => e);
    expect(rows).toEqual([{ row: 1, cells: ['MST', 'Tên'] }]);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('CORRUPT_CSV');
    expect((err as ImportFileError).message).toContain('dòng 2');
  });

  it('splits records correctly across read chunks', async () => {
    // Quoted fields with line breaks and CRLFs straddling the 256 KB chunk boundary.
    const line = '0312345673;"Tên có ; và\r\nxuống dòng";"""trích"""\r\n';
    const count = Math.ceil((600 * 1024) / Buffer.byteLength(line));
    const path = join(dir, 'chunks.csv');
    await writeFile(path, `MST;Tên;Ghi chú\r\n${line.repeat(count)}`);
    const rows = await readAll(path);
    expect(rows).toHaveLength(count + 1);
    expect(rows.at(-1)).toEqual({ row: count + 1, cells: ['0312345673', 'Tên có ; và\r\nxuống dòng', '"trích"'] });
    expect(rows.every((r, i) => r.row === i + 1 && r.cells.length === 3)).toBe(true);
  });
});
