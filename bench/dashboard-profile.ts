import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import { planProgress } from '../src/server/modules/plans/plans.progress.js';
import type { AppContext } from '../src/server/platform/context.js';

/**
 * Where the time of one dashboard goes: `npx tsx bench/dashboard-profile.ts <bench.db> [plan id]` on a
 * dataset kept by `BENCH_KEEP_SQLITE=<dir> npm run bench`, every statement of planProgress with its time.
 */
const file = process.argv[2] as string;
const log: { sql: string; ms: number }[] = [];
const db = new Kysely({
  dialect: new SqliteDialect({ database: new Database(file, { readonly: true }) }),
  log: (e) => {
    if (e.level === 'query')
      log.push({ sql: e.query.sql.replace(/\s+/g, ' ').slice(0, 110), ms: e.queryDurationMillis });
  },
}) as unknown as Db;
const ctx = { db, dbKind: 'sqlite' } as AppContext;
const planId = Number(process.argv[3] ?? 1);
const plan = await db.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
const times: number[] = [];
for (let i = 0; i < 30; i++) {
  const asOf = new Date(Date.parse('2024-10-30') - i * 86_400_000).toISOString().slice(0, 10);
  log.length = 0;
  const t = performance.now();
  await planProgress(ctx, plan, asOf);
  times.push(performance.now() - t);
  await planProgress(ctx, plan, asOf);
}
times.sort((a, b) => a - b);
console.log(
  `plan ${planId} at unit ${plan.unit_id}: cold p50 ${times[15]?.toFixed(2)} p95 ${times[28]?.toFixed(2)} ms`,
);
const total = log.reduce((s, q) => s + q.ms, 0);
console.log(`last warm call: ${log.length} statements, ${total.toFixed(2)} ms in SQL`);
for (const q of log) console.log(`  ${q.ms.toFixed(2).padStart(7)} ms  ${q.sql}`);
