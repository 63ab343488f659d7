/**
 * Resolving communes at national scale: the official lists imported, then 100 000 enterprises with
 * only an address ("ấp …, xã …, huyện …, tỉnh …" from the old list) resolved by the backfill — the
 * same code path as an import's. Run: npx tsx bench/communes.ts [n]. Needs ../shared/data/admin-units.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ensureRoot } from '../src/server/bootstrap/first-admin.js';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { backfill, importFiles, loadIndex } from '../src/server/modules/admin-units/admin-units.service.js';

const DIR = path.resolve(process.cwd(), '../shared/data/admin-units');
const FILES = ['communes-before-2025-07.csv', 'communes-from-2025-07.json', 'communes-2025-07-conversion.csv'];
const n = Number(process.argv[2] ?? 100_000);

async function main() {
  const h = await openDatabase({ kind: 'sqlite', file: ':memory:' });
  await migrateToLatest(h.db);
  let t = performance.now();
  await importFiles(
    h.db,
    FILES.map((f) => ({ fileName: f, text: fs.readFileSync(path.join(DIR, f), 'utf8') })),
  );
  console.log(`lists imported in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const ix = await loadIndex(h.db);
  const old = [...ix.byId.values()].filter((u) => u.validTo !== null && u.kind !== 'huyen');
  const now = new Date().toISOString();
  // Under the root unit: no area context, so the address alone must say where.
  const unitId = await ensureRoot(h.db);
  for (let i = 0; i < n; i += 1000) {
    await h.db
      .insertInto('enterprise')
      .values(
        Array.from({ length: Math.min(1000, n - i) }, (_, k) => {
          const u = old[(i + k) % old.length];
          return {
            unit_id: unitId,
            name: `DN ${i + k}`,
            name_folded: `dn ${i + k}`,
            address: u ? `Ấp ${k % 9}, ${u.name}, ${u.districtName}, ${u.provinceName}` : null,
            ownership_code: 'PRIVATE',
            last_survey_date: '2024-05-01',
            created_at: now,
            updated_at: now,
          };
        }),
      )
      .execute();
  }
  const rss0 = process.memoryUsage().rss;
  t = performance.now();
  const r = await backfill(h.db);
  const s = (performance.now() - t) / 1000;
  const resolved = await h.db
    .selectFrom('enterprise')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('commune_how', '=', 'address')
    .executeTakeFirstOrThrow();
  console.log(
    `${r.enterprises} enterprises resolved in ${s.toFixed(1)} s (${Math.round(r.enterprises / s)}/s), ${resolved.n} by address; rss ${Math.round(rss0 / 1e6)} → ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
  );
  await h.close();
}
main();
