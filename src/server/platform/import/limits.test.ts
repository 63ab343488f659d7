import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigSheet, hugeCell, hugeCsvField, sharedStringsBomb } from '../../../../bench/hostile-files.js';
import { ImportFileError, openTable } from './index.js';
import { defaultLimits, type ReadLimits } from './limits.js';

/** Issue 9 §4: a hostile file is refused with the limit it broke, early, and the read's memory stays small. */
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-limits-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function readAll(file: string, limits?: ReadLimits) {
  const rssBefore = process.memoryUsage().rss;
  let rows = 0;
  let peak = rssBefore;
  try {
    const t = await openTable(file, { limits });
    for await (const _ of t.rows()) {
      rows++;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    return { rows, error: null, growth: peak - rssBefore };
  } catch (e) {
    return { rows, error: e as ImportFileError, growth: Math.max(peak, process.memoryUsage().rss) - rssBefore };
  }
}

const MB = 1024 * 1024;

describe('import limits', () => {
  it('has the documented defaults', () => {
    expect(defaultLimits()).toMatchObject({ maxRows: 1_000_000, maxInflatedBytes: 500 * MB, maxCellChars: 32 * 1024 });
  });

  it('stops a 5 MB cell while inflating, before the XML parser holds it', async () => {
    const file = path.join(dir, 'cell.xlsx');
    await hugeCell(file, 5);
    const r = await readAll(file);
    expect(r.error).toBeInstanceOf(ImportFileError);
    expect(r.error?.code).toBe('TOO_LARGE');
    expect(r.error?.text.vi).toContain('dài hơn 32.768 ký tự');
    expect(r.growth).toBeLessThan(100 * MB);
  });

  it('names the row and column of a cell over the limit that the guard lets through', async () => {
    const file = path.join(dir, 'cell40k.xlsx');
    await hugeCell(file, 1);
    const r = await readAll(file, { ...defaultLimits(), maxCellChars: 2 * MB });
    expect(r.error).toBeNull();
    const small = await readAll(file, { ...defaultLimits(), maxCellChars: 400 * 1024 });
    expect(small.error?.code).toBe('TOO_LARGE');
    expect(small.error?.text.vi).toContain('(dòng 2, cột C)');
    expect(small.error?.text.en).toContain('(row 2, column C)');
  });

  it('refuses a shared-strings part that inflates a thousand times as a zip bomb', async () => {
    const file = path.join(dir, 'bomb.xlsx');
    await sharedStringsBomb(file, 40);
    expect(fs.statSync(file).size).toBeLessThan(MB);
    const r = await readAll(file);
    expect(r.error?.code).toBe('TOO_LARGE');
    expect(r.error?.text.vi).toContain('cố ý làm phình to');
    expect(r.growth).toBeLessThan(100 * MB);
  });

  it('refuses a sheet whose inflated size is over IMPORT_MAX_INFLATED_MB, and reads it under a larger limit', {
    timeout: 120_000,
  }, async () => {
    const file = path.join(dir, 'big.xlsx');
    await bigSheet(file, 5000);
    const r = await readAll(file, { ...defaultLimits(), maxInflatedBytes: MB });
    expect(r.rows).toBe(0);
    expect(r.error?.text.vi).toContain('lớn hơn 1 MB');
    const ok = await readAll(file);
    expect(ok.error).toBeNull();
    expect(ok.rows).toBe(5001);
  });

  it('refuses a 10 MB quoted CSV field at the record limit, naming its line, and a long field by row and column', async () => {
    const file = path.join(dir, 'field.csv');
    await hugeCsvField(file, 10);
    const r = await readAll(file);
    expect(r.error?.code).toBe('TOO_LARGE');
    expect(r.error?.text.vi).toContain('dòng 2');
    expect(r.growth).toBeLessThan(100 * MB);
    const cell = path.join(dir, 'cell.csv');
    fs.writeFileSync(cell, `Mã số thuế;Tên doanh nghiệp\r\n0312345673;"${'y'.repeat(40_000)}"\r\n`);
    const c = await readAll(cell);
    expect(c.error?.text.vi).toContain('(dòng 2, cột B)');
  });
});
