// Large files are read as streams: row counts come out right and memory stays flat. A sanity check, not a
// benchmark; the timings and peak RSS are printed for the record.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTable } from './index.js';

const MB = 1024 * 1024;
const RSS_GROWTH_LIMIT = 400 * MB;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'import-large-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readCounting(path: string) {
  const before = process.memoryUsage().rss;
  let peak = before;
  let rows = 0;
  let lastRow = 0;
  const started = performance.now();
  const t = await openTable(path);
  for await (const r of t.rows()) {
    rows++;
    lastRow = r.row;
    if (rows % 5000 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  }
  peak = Math.max(peak, process.memoryUsage().rss);
  return { table: t, rows, lastRow, ms: Math.round(performance.now() - started), before, peak };
}

describe('large files', () => {
  it('a ~50 MB CSV', { timeout: 60_000 }, async () => {
    const path = join(dir, 'big.csv');
    const out = createWriteStream(path);
    out.write('\ufeffDANH SÁCH DOANH NGHIỆP\r\n\r\nMã số thuế;Tên doanh nghiệp;Địa chỉ;Số lao động;Ngày thành lập\r\n');
    let written = 0;
    let n = 0;
    while (written < 50 * MB) {
      n++;
      const line = `0${String(300000000 + n)};"Công ty TNHH Thương mại Dịch vụ Hải Đăng số ${n}";"Số ${n}, đường Lê Lợi, phường Bến Nghé\nTP. Hồ Chí Minh";${n % 500} người;15/03/2020\r\n`;
      written += Buffer.byteLength(line);
      if (!out.write(line)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
    const size = (await stat(path)).size;

    const r = await readCounting(path);
    console.log(
      `CSV ${(size / MB).toFixed(1)} MB, ${n} records: read in ${r.ms} ms, RSS ${Math.round(r.before / MB)} → peak ${Math.round(r.peak / MB)} MB`,
    );
    expect(r.table).toMatchObject({ kind: 'csv', encoding: 'utf-8', delimiter: ';' });
    expect(r.rows).toBe(n + 2);
    expect(r.lastRow).toBe(n + 3);
    expect(r.peak - r.before).toBeLessThan(RSS_GROWTH_LIMIT);
  });

  it('a 100 000-row xlsx (shared strings after the sheet, as Excel writes them)', { timeout: 60_000 }, async () => {
    const path = join(dir, 'big.xlsx');
    const started = performance.now();
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('Danh sách');
    ws.addRow(['DANH SÁCH DOANH NGHIỆP']).commit();
    ws.addRow([]).commit();
    ws.addRow(['STT', 'Mã số thuế', 'Tên doanh nghiệp', 'Địa chỉ', 'Số lao động', 'Ngày thành lập']).commit();
    const founded = new Date(Date.UTC(2020, 2, 15));
    const ROWS = 100_000;
    for (let i = 1; i <= ROWS; i++) {
      const row = ws.addRow([
        i,
        300000000 + i,
        `Công ty TNHH Hải Đăng ${i}`,
        `Số ${i}, đường Lê Lợi, phường Bến Nghé`,
        i % 500,
        founded,
      ]);
      row.getCell(6).numFmt = 'dd/mm/yyyy';
      row.commit();
    }
    ws.commit();
    await wb.commit();
    const writeMs = Math.round(performance.now() - started);
    const size = (await stat(path)).size;

    const r = await readCounting(path);
    console.log(
      `XLSX ${(size / MB).toFixed(1)} MB, ${ROWS} data rows: written in ${writeMs} ms, read in ${r.ms} ms, RSS ${Math.round(r.before / MB)} → peak ${Math.round(r.peak / MB)} MB`,
    );
    expect(r.table.kind).toBe('xlsx');
    expect(r.rows).toBe(ROWS + 2);
    expect(r.lastRow).toBe(ROWS + 3);
    expect(r.peak - r.before).toBeLessThan(RSS_GROWTH_LIMIT);

    // Spot-check that values survived the trip: the last row, with its shared strings and its date.
    const t = await openTable(path);
    let last: unknown[] = [];
    for await (const row of t.rows()) last = row.cells;
    expect(last).toEqual([
      ROWS,
      300000000 + ROWS,
      `Công ty TNHH Hải Đăng ${ROWS}`,
      `Số ${ROWS}, đường Lê Lợi, phường Bến Nghé`,
      ROWS % 500,
      founded,
    ]);
  });
});
