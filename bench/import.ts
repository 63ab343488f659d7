import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { ensureFirstAdmin, ensureRoot } from '../src/server/bootstrap/first-admin.js';
import { loadConfig } from '../src/server/config.js';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { importFile } from '../src/server/modules/imports/imports.service.js';
import { loadActorForUser } from '../src/server/platform/session.js';

const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
function mst(n: number): string {
  for (let k = n; ; k += 7_919) {
    const base = `38${String(1_000_000 + (k % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
}

/** A realistic 100 k-row enterprise list: title rows, renamed headers, numeric MSTs, serial and text dates. */
export async function writeEnterpriseFile(file: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('DS doanh nghiệp');
  ws.addRow(['DANH SÁCH DOANH NGHIỆP TỪ 10 LAO ĐỘNG TRỞ LÊN']).commit();
  ws.addRow([]).commit();
  ws.addRow(['STT', 'MST', 'Tên DN', 'Địa chỉ', 'Xã', 'Loại hình DN', 'Tổng số LĐ', 'LĐ nữ', 'Ngày khảo sát']).commit();
  const used = new Set<string>();
  for (let i = 1; i <= rows; i++) {
    let m = mst(i * 97);
    while (used.has(m)) m = mst(Number(m.slice(2, 9)) + 13);
    used.add(m);
    ws.addRow([
      i,
      i % 3 === 0 ? Number(m) : m,
      `Công ty TNHH Sản xuất Thương mại Đồng Tâm số ${i}`,
      `Ấp ${i % 9}, đường ĐT741`,
      `Xã Phú Riềng ${i % 40}`,
      i % 5 === 0 ? 'FDI' : 'TNHH',
      i % 2 === 0 ? 10 + (i % 500) : `${10 + (i % 500)} người`,
      i % 7,
      i % 2 === 0 ? 45400 + (i % 200) : '20/04/2024',
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** One measurement (a raw ExcelJS streaming read, or the full import into a fresh SQLite database), with peak RSS. */
export async function benchImportFile(file: string, what: 'raw' | 'import') {
  let peak = process.memoryUsage().rss;
  const startRss = peak;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const t = performance.now();
  let rows = 0;
  let summary: Record<string, unknown> = {};
  if (what === 'raw') {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const ws of reader) for await (const _row of ws) rows++;
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-bench-db-'));
    const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), dataDir: dir };
    const h = await openDatabase({ kind: 'sqlite', file: path.join(dir, 'bench.db') });
    await migrateToLatest(h.db);
    await ensureFirstAdmin(h.db);
    const root = await ensureRoot(h.db);
    const admin = await h.db.selectFrom('app_user').select('id').executeTakeFirstOrThrow();
    const actor = await loadActorForUser(h.db, admin.id, null);
    if (!actor) throw new Error('no admin');
    const { report } = await importFile({ db: h.db, dbKind: h.kind, config, version: 'bench' }, actor, 'enterprises', {
      file,
      fileName: path.basename(file),
      unitId: root,
      onDuplicate: 'update',
      mode: 'all',
      dryRun: false,
    });
    rows = report.rows;
    summary = {
      inserted: report.inserted,
      rejected: report.rejected.length,
      warnings: report.warnings.length,
      committed: report.committed,
    };
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const ms = performance.now() - t;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { rows, ms, startRss, peakRss: peak, ...summary };
}
