import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/server/db/database.js';
import * as repo from '../src/server/modules/enterprises/enterprises.repository.js';
import { thresholds } from '../src/server/modules/enterprises/enterprises.service.js';
import { scopeForUnits } from '../src/server/platform/scope.js';

/**
 * Issue 11 §3, the enterprise list at national scale: `npx tsx bench/enterprise-list.ts <bench.db>` on a
 * dataset kept by `BENCH_KEEP_SQLITE` (1 M enterprises): the count and the first page of 50 by name, as
 * GET /api/enterprises runs them, at the root, a province and a commune-level unit. Printed, never asserted.
 */
const h = await openDatabase({ kind: 'sqlite', file: process.argv[2] as string });
const db = h.db;
const unitOf = async (type: string) =>
  (
    await db
      .selectFrom('org_unit')
      .select('id')
      .where('type_code', '=', type)
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).id;
const period = { from: '2024-01-01', to: '2024-12-31' };
const t = await thresholds(db, period.to);
const q = { sort: 'name', order: 'asc', limit: 50, offset: 0, folded: '' } as const;
for (const [label, type] of [
  ['national (root)', 'TLD'],
  ['province', 'LDLD_TINH'],
  ['commune-level', 'CD_XA'],
] as const) {
  let unit: number;
  try {
    unit = await unitOf(type);
  } catch {
    continue;
  }
  const scope = await scopeForUnits(db, 'record.read', [unit]);
  const times: number[] = [];
  let total = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    // As the service runs it: counted from the scope's units, past the cap paged in name order.
    const query = repo.filtered(db, scope, t, period, q as never);
    const counted = await repo.countOf(db, query);
    total = counted.total;
    await repo.pageOf(counted.capped ? repo.filtered(db, scope, t, period, q as never, 'order') : query, q);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(16)} ${total.toLocaleString('vi-VN').padStart(10)} enterprises: count + page 1 min ${times[0]?.toFixed(1)} ms, median ${times[3]?.toFixed(1)} ms, max ${times[6]?.toFixed(1)} ms`,
  );
}
await h.close();
