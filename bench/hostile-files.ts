import { once } from 'node:events';
import fs from 'node:fs';
import { finished } from 'node:stream/promises';
import { Zip, ZipDeflate } from 'fflate';

/**
 * The hostile files of issue 9 §4, written as an xlsx really is (a zip of XML parts), streamed so that making
 * them costs no memory: a 3.2 M-row sheet (~600 MB inflated), a shared-strings part that inflates ~1000 times,
 * one 5 MB cell, and a CSV with a 10 MB quoted field.
 */
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="DS" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const rels = (shared: boolean) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${shared ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`;
const TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = '</sheetData></worksheet>';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const inline = (ref: string, s: string) => `<c r="${ref}" t="inlineStr"><is><t>${esc(s)}</t></is></c>`;

async function writeXlsx(file: string, sheet: Iterable<string>, sharedStrings?: Iterable<string>) {
  const out = fs.createWriteStream(file);
  const zip = new Zip((err, data) => {
    if (err) out.destroy(err);
    else out.write(data);
  });
  const part = async (name: string, content: Iterable<string>) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    for (const s of content) {
      entry.push(Buffer.from(s));
      if (out.writableLength > 16 * 1024 * 1024) await once(out, 'drain');
    }
    entry.push(new Uint8Array(0), true);
  };
  await part('[Content_Types].xml', [TYPES]);
  await part('xl/workbook.xml', [WORKBOOK]);
  await part('xl/_rels/workbook.xml.rels', [rels(sharedStrings !== undefined)]);
  if (sharedStrings) await part('xl/sharedStrings.xml', sharedStrings);
  await part('xl/worksheets/sheet1.xml', sheet);
  zip.end();
  out.end();
  await finished(out);
}

const HEADER = [
  'STT',
  'Mã số thuế',
  'Tên doanh nghiệp',
  'Địa chỉ',
  'Xã',
  'Loại hình',
  'Tổng số lao động',
  'Lao động nữ',
];
const LETTERS = 'ABCDEFGH';
const row = (n: number, cells: string[]) =>
  `<row r="${n}">${cells.map((c, i) => inline(`${LETTERS[i]}${n}`, c)).join('')}</row>`;

/** `rows` enterprise rows with inline strings (no shared strings): ~190 bytes of XML a row. */
export function bigSheet(file: string, rows: number) {
  return writeXlsx(
    file,
    (function* () {
      yield SHEET_HEAD + row(1, HEADER);
      for (let n = 2; n <= rows + 1; n += 1000) {
        let chunk = '';
        for (let k = n; k < Math.min(n + 1000, rows + 2); k++) {
          chunk += row(k, [
            String(k - 1),
            `38${String(k).padStart(8, '0')}`,
            `Công ty TNHH số ${k}`,
            `Số ${k}, Phú Riềng`,
            'Phú Riềng',
            'TNHH',
            String(k % 500),
            String(k % 200),
          ]);
        }
        yield chunk;
      }
      yield SHEET_TAIL;
    })(),
  );
}

/** A shared-strings part of `mb` MB of one repeated short string: compresses ~1000 times. */
export function sharedStringsBomb(file: string, mb: number) {
  const item = '<si><t>Nguyễn Văn An</t></si>';
  const count = Math.floor((mb * 1024 * 1024) / Buffer.byteLength(item));
  return writeXlsx(
    file,
    [`${SHEET_HEAD}<row r="1"><c r="A1" t="s"><v>0</v></c></row>${SHEET_TAIL}`],
    (function* () {
      yield `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${count}" uniqueCount="${count}">`;
      for (let i = 0; i < count; i += 10_000) yield item.repeat(Math.min(10_000, count - i));
      yield '</sst>';
    })(),
  );
}

/** One cell of `mb` MB (a shared string) under a normal header. */
export function hugeCell(file: string, mb: number) {
  const big = 'A'.repeat(mb * 1024 * 1024);
  return writeXlsx(
    file,
    [`${SHEET_HEAD}${row(1, HEADER)}<row r="2"><c r="A2"><v>1</v></c><c r="C2" t="s"><v>0</v></c></row>${SHEET_TAIL}`],
    [
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>`,
      big,
      '</t></si></sst>',
    ],
  );
}

/** A CSV whose second record has a quoted field of `mb` MB. */
export async function hugeCsvField(file: string, mb: number) {
  const out = fs.createWriteStream(file);
  out.write('Mã số thuế;Tên doanh nghiệp\r\n0312345673;"');
  const block = 'x'.repeat(1024 * 1024);
  for (let i = 0; i < mb; i++) out.write(block);
  out.end('"\r\n');
  await finished(out);
}
