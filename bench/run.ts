import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { migrateToLatest, openDatabase } from '../src/server/db/database.js';
import { scopeForUnits } from '../src/server/platform/scope.js';
import { writeEnterpriseFile } from './import.js';
import { benchImportLimits } from './import-limits.js';
import { benchImportLoad } from './import-load.js';
import { benchMemberSearch, explainMemberSearch, generateMembers } from './members.js';
import { benchMetrics } from './metrics.js';
import { generateNational } from './national.js';
import { benchOrgQueries, explainSubtree, generateTree } from './org-tree.js';
import { dropPgSchema } from './pg-schema.js';

/**
 * `npm run bench`: figures on a generated national-scale dataset, printed, never asserted.
 * SQLite always; PostgreSQL too when BENCH_DATABASE_URL (or TEST_DATABASE_URL) is set.
 */
const fmt = (o: { p50: number; p95: number }) => `p50 ${o.p50.toFixed(2)} ms  p95 ${o.p95.toFixed(2)} ms`;

async function runOn(label: string, dbConfig: Parameters<typeof openDatabase>[0], cleanup: () => Promise<void>) {
  const h = await openDatabase(dbConfig);
  try {
    await migrateToLatest(h.db);
    const gen = await generateTree(h.db);
    console.log(
      `\n[${label}] org tree: ${gen.units.toLocaleString('vi-VN')} units, ${(gen.units * 2).toLocaleString('vi-VN')} dated versions, loaded in ${(gen.loadMs / 1000).toFixed(1)} s`,
    );
    if (h.kind === 'postgres') await (await import('kysely')).sql`analyze`.execute(h.db);
    const r = await benchOrgQueries(h.db, gen.sample);
    console.log(
      `  subtree of one province as of a date (${r.provinceUnits.toLocaleString('vi-VN')} units): ${fmt(r.subtreeCountAsOf)}`,
    );
    console.log(`  children of a commune union as of a date:   ${fmt(r.childrenAsOf)}`);
    console.log(`  is-unit-in-scope check:                      ${fmt(r.scopeCheck)}`);
    console.log(`  build a caller's scope (paths + merges):    ${fmt(r.buildScope)}`);
    console.log(`  unaccented name search within a province:   ${fmt(r.searchInProvince)}`);
    console.log(`  plan of the subtree query:\n    ${await explainSubtree(h.db, h.kind, gen.sample.province)}`);
    return await benchMembers(label, h, dbConfig);
  } finally {
    await h.close();
    await cleanup();
  }
}

/** BENCH_MEMBERS people (default 1 M; 0 skips) on the tree just generated, then the member search cases. */
async function benchMembers(
  label: string,
  h: Awaited<ReturnType<typeof openDatabase>>,
  dbConfig: Parameters<typeof openDatabase>[0],
) {
  const n = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
  if (n <= 0) return null;
  const target =
    dbConfig.kind === 'sqlite'
      ? { kind: 'sqlite' as const, file: dbConfig.file }
      : { kind: 'postgres' as const, url: dbConfig.url, schema: dbConfig.schema ?? 'public' };
  const gen = await generateMembers(h.db, target, n);
  console.log(
    `\n[${label}] members: ${gen.members.toLocaleString('vi-VN')} people with memberships in ${gen.grassroots.toLocaleString('vi-VN')} grassroots unions, loaded in ${(gen.loadMs / 1000).toFixed(1)} s`,
  );
  const nat = await generateNational(h.db);
  console.log(
    `[${label}] national records: ${nat.enterprises.toLocaleString('vi-VN')} enterprises over ${nat.communes.toLocaleString('vi-VN')} communes (${nat.grassroots.toLocaleString('vi-VN')} linked to a CĐCS), ${nat.outreachEvents.toLocaleString('vi-VN')} outreach events reaching ${nat.outreachLinks.toLocaleString('vi-VN')} enterprise-times, ${nat.founded.toLocaleString('vi-VN')} CĐCS with a founding decision 2015–2024`,
  );
  for (const t of nat.timings) console.log(`  ${t.label}: ${(t.ms / 1000).toFixed(1)} s`);
  if (h.kind === 'postgres') await (await import('kysely')).sql`analyze`.execute(h.db);
  const metrics = await benchMetrics(label, h.db, h.kind);
  // BENCH_ONLY=metrics: the metric engine's figures without the member search cases.
  if (process.env.BENCH_ONLY === 'metrics') return metrics;
  console.log(
    '  member list search (total counted up to 10 001 + first page of 50 by given name, as GET /api/members runs it; then the exact count and the sort-order walk it replaced):',
  );
  await benchMemberSearch(h.db, Number(process.env.BENCH_MEMBER_RUNS ?? 30));
  const root = await h.db.selectFrom('org_unit').select('id').where('type_code', '=', 'TLD').executeTakeFirstOrThrow();
  const scope = await scopeForUnits(h.db, 'record.read', [root.id]);
  console.log(`  plan of a national search:\n    ${await explainMemberSearch(h.db, h.kind, scope, 'thi lan')}`);
  return metrics;
}

async function main() {
  const t0 = performance.now();
  console.log(`Đoàn Viên benchmarks — ${os.cpus().length} cores, Node ${process.version}`);
  // BENCH_MEMBERS_GROWTH=100000,1000000: the whole metrics bench once per size, then the root figures side by side.
  const sizes = (process.env.BENCH_MEMBERS_GROWTH ?? '').split(',').filter(Boolean).map(Number);
  const growth: { db: string; members: number; dashboard: Awaited<ReturnType<typeof benchMetrics>> | null }[] = [];
  for (const size of sizes.length ? sizes : [null]) {
    if (size !== null) process.env.BENCH_MEMBERS = String(size);
    const members = Number(process.env.BENCH_MEMBERS ?? 1_000_000);
    // BENCH_KEEP_SQLITE=<dir>: the SQLite dataset is written there and kept, to profile against it afterwards.
    const keep = process.env.BENCH_KEEP_SQLITE;
    if (keep) fs.mkdirSync(keep, { recursive: true, mode: 0o700 });
    const dir = keep ?? fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-bench-'));
    // BENCH_SKIP_SQLITE=1: PostgreSQL only (one database per run when both take long).
    if (process.env.BENCH_SKIP_SQLITE === '1') fs.rmSync(dir, { recursive: true, force: true });
    else
      growth.push({
        db: 'SQLite',
        members,
        dashboard: await runOn('SQLite', { kind: 'sqlite', file: path.join(dir, 'bench.db') }, async () => {
          if (!keep) fs.rmSync(dir, { recursive: true, force: true });
        }),
      });
    const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
    if (url) {
      const schema = `bench_${randomBytes(4).toString('hex')}`;
      growth.push({
        db: 'PostgreSQL',
        members,
        dashboard: await runOn('PostgreSQL', { kind: 'postgres', url, schema }, async () => {
          await dropPgSchema(url, schema);
        }),
      });
    } else {
      console.log('\n[PostgreSQL] skipped: set BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test');
    }
  }
  if (sizes.length > 1) {
    console.log('\n[growth] the same root figures at each size (summaries, ms):');
    for (const g of growth) {
      const r = g.dashboard?.results['national (root)'];
      if (!r) continue;
      const p = (xs: number[], f: number) =>
        [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(f * xs.length))] ?? 0;
      console.log(
        `  ${g.db.padEnd(10)} ${g.members.toLocaleString('vi-VN').padStart(10)} members: root dashboard cold p50 ${p(r.cold, 0.5).toFixed(2)} p95 ${p(r.cold, 0.95).toFixed(2)} | warm p50 ${p(r.warm, 0.5).toFixed(2)} p95 ${p(r.warm, 0.95).toFixed(2)} | figures warm p50 ${p(r.figures, 0.5).toFixed(2)} p95 ${p(r.figures, 0.95).toFixed(2)}`,
      );
    }
  }
  if (process.env.BENCH_ONLY === 'metrics') return;
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const importDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-bench-import-'));
  const file = path.join(importDir, 'ds.xlsx');
  await writeEnterpriseFile(file, rows);
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
  const child = (what: string) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [...process.execArgv, path.join(import.meta.dirname, 'import-child.ts'), file, what],
        { encoding: 'utf8' },
      ),
    );
  const raw = child('raw');
  const imp = child('import');
  console.log(
    `\n[import, SQLite] ${rows.toLocaleString('vi-VN')}-row enterprise .xlsx (${mb(fs.statSync(file).size)}); each measured in a fresh process`,
  );
  console.log(
    `  raw ExcelJS streaming read:  ${(raw.ms / 1000).toFixed(1)} s, peak RSS ${mb(raw.peakRss)} (start ${mb(raw.startRss)})`,
  );
  console.log(
    `  full import (parse, validate, dedupe, write in one transaction): ${(imp.ms / 1000).toFixed(1)} s, peak RSS ${mb(imp.peakRss)} (start ${mb(imp.startRss)})`,
  );
  console.log(
    `  inserted ${imp.inserted}, rejected ${imp.rejected}, warnings ${imp.warnings}, committed ${imp.committed}`,
  );
  fs.rmSync(importDir, { recursive: true, force: true });
  // Hostile files (peak memory per file, each refused by a limit) and other requests' latency during an import.
  await benchImportLimits();
  if (process.env.BENCH_IMPORT_LOAD !== '0') await benchImportLoad();
  console.log(`\ndone in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
