import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bigSheet, hugeCell, hugeCsvField, sharedStringsBomb } from './hostile-files.js';

/**
 * Issue 9 §4 worst files, each read in a fresh process (import-limits-child.ts) with the default limits:
 * what the reader answers and the process's peak RSS. Printed, never asserted (large.test.ts and
 * limits.test.ts assert the behaviour on smaller files).
 */
const BIG_ROWS = Number(process.env.BENCH_HOSTILE_ROWS ?? 3_186_000);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

export async function benchImportLimits(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-hostile-'));
  try {
    const files: [string, string, () => Promise<void>][] = [
      ['3.2 M-row sheet (~600 MB inflated)', 'big.xlsx', () => bigSheet(path.join(dir, 'big.xlsx'), BIG_ROWS)],
      ['shared strings bomb (100 MB inflated)', 'bomb.xlsx', () => sharedStringsBomb(path.join(dir, 'bomb.xlsx'), 100)],
      ['one 5 MB cell', 'cell.xlsx', () => hugeCell(path.join(dir, 'cell.xlsx'), 5)],
      ['10 MB quoted CSV field', 'field.csv', () => hugeCsvField(path.join(dir, 'field.csv'), 10)],
    ];
    console.log('\n[import limits] hostile files, read with the default limits, each in a fresh process');
    for (const [label, name, make] of files) {
      if (name === 'big.xlsx' && BIG_ROWS <= 0) continue;
      await make();
      const file = path.join(dir, name);
      const r = JSON.parse(
        execFileSync(
          process.execPath,
          [...process.execArgv, path.join(import.meta.dirname, 'import-limits-child.ts'), file],
          {
            encoding: 'utf8',
          },
        ),
      );
      console.log(
        `  ${label}: file ${mb(fs.statSync(file).size)}, ${r.rows} rows read in ${r.ms} ms, peak RSS ${mb(r.peakRss)} (start ${mb(r.startRss)}) — ${r.outcome}`,
      );
      fs.rmSync(file, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await benchImportLimits();
