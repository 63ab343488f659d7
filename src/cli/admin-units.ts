import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { DbHandle } from '../server/db/database.js';
import { backfill, importFiles, LIST_DATES } from '../server/modules/admin-units/admin-units.service.js';

type WithDb = <T>(fn: (h: DbHandle) => Promise<T>) => Promise<T>;

const LAYOUTS = { before: 'danh mục trước 01/07/2025', after: 'danh mục từ 01/07/2025', conversion: 'bảng chuyển đổi' };

/**
 * `admin-units import <file>...`: the official commune lists in the statistics office's layouts (the
 * 3-level CSV before 07/2025, the 2-level JSON after, the conversion CSV), all or nothing, then every
 * enterprise's commune resolved again. `admin-units resolve`: only the latter.
 */
export function registerAdminUnits(program: Command, withDb: WithDb) {
  const cmd = program
    .command('admin-units')
    .description('Danh mục đơn vị hành chính (xã/phường) — official commune lists');
  cmd
    .command('import')
    .argument('<files...>', 'communes-before-2025-07.csv, communes-from-2025-07.json, communes-2025-07-conversion.csv')
    .option('--before-from <date>', 'ngày bắt đầu hiệu lực của danh mục cũ', LIST_DATES.beforeFrom)
    .option('--reform-date <date>', 'ngày danh mục cũ hết hiệu lực và danh mục mới bắt đầu', LIST_DATES.afterFrom)
    .description('Nhập danh mục xã/phường chính thức (trước và từ 01/07/2025) và bảng chuyển đổi')
    .action(async (files: string[], o: { beforeFrom: string; reformDate: string }) => {
      for (const d of [o.beforeFrom, o.reformDate])
        if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`Ngày "${d}" phải có dạng YYYY-MM-DD`);
      const read = files.map((f) => {
        if (!fs.existsSync(f)) throw new Error(`Không tìm thấy tệp ${f}`);
        return { fileName: path.basename(f), text: fs.readFileSync(f, 'utf8') };
      });
      await withDb(async (h) => {
        const s = await importFiles(h.db, read, {
          beforeFrom: o.beforeFrom,
          beforeTo: o.reformDate,
          afterFrom: o.reformDate,
        });
        for (const f of s.files) console.log(`${f.file}: ${LAYOUTS[f.layout]}, ${f.rows} dòng`);
        console.log(`Đơn vị hành chính: ${s.inserted} thêm mới, ${s.updated} cập nhật; ${s.successors} cặp cũ → mới`);
        if (s.unmatched) console.log(`${s.unmatched} dòng chuyển đổi có mã không có trong danh mục (bỏ qua)`);
        console.log(`Đã xác định lại xã/phường của ${s.enterprises} doanh nghiệp.`);
      });
    });
  cmd
    .command('resolve')
    .description('Xác định lại xã/phường của mọi doanh nghiệp theo danh mục hiện có (backfill)')
    .action(async () => {
      await withDb(async (h) => {
        const { enterprises } = await backfill(h.db);
        console.log(`Đã xác định lại xã/phường của ${enterprises} doanh nghiệp.`);
      });
    });
}
