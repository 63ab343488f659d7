import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import { isPostgres } from '../src/server/db/dialect.js';
import { figures, scratch } from '../src/server/modules/metrics/metrics.figures.js';
import type { FigureRequest } from '../src/server/modules/metrics/metrics.types.js';
import type { MetricCode, MetricFilters } from '../src/shared/metrics/catalogue.js';

/**
 * The dashboard's figures at national scale: the summary rows (metric_day) beside the same figures
 * from scratch. The records come from bench/members.ts (every membership active, admitted 2000–2024);
 * here, set-based, some become informal, some leave in 2024, some are introduced to the Party, and then
 * metric_day is built from them in a few INSERT … SELECT statements (the hooks' derivation, set-based:
 * metrics.property.test.ts proves the hooks equal scratch; the check below proves this build does).
 */

const DASHBOARD: { metric: MetricCode; filters: MetricFilters }[] = [
  { metric: 'members.admitted', filters: {} },
  { metric: 'members.admitted', filters: { informal: true } },
  { metric: 'members.admitted', filters: { female: true } },
  { metric: 'members.stock', filters: {} },
  { metric: 'members.net', filters: {} },
  { metric: 'members.left', filters: {} },
  { metric: 'party.introduced', filters: {} },
];
const PERIOD = { from: '2024-04-15', to: '2024-10-30', asOf: '2024-10-30' };

const txt = (e: ReturnType<typeof sql>) => sql`cast(${e} as text)`;

/** Variety on the generated members (informal, leaving in 2024, Party introductions), set-based. */
async function enrich(db: Db) {
  await sql`update membership set informal = 1 where id % 9 = 0`.execute(db);
  await sql`update membership set status = 'left', ended_on = '2024-' || substr(admitted_on, 6), end_reason = 'Nghỉ việc'
    where id % 13 = 0 and admitted_on < '2024-01-01'`.execute(db);
  await sql`insert into party_introduction (person_id, membership_id, unit_id, introduced_on, party_organisation, status,
      status_date, created_at, updated_at)
    select person_id, id, unit_id, '2024-' || substr(admitted_on, 6), 'Chi bộ', case when id % 3 = 0 then 'admitted' else 'introduced' end,
      '2024-' || substr(admitted_on, 6), created_at, created_at from membership where id % 47 = 0`.execute(db);
}

/** metric_day from the records in set-based SQL: each record under every ancestor of its unit's version of that day. */
async function buildSummaries(db: Db) {
  await sql`drop table if exists bench_anc`.execute(db);
  await sql`create table bench_anc (unit_id integer not null, valid_from text not null, valid_to text, anc integer not null)`.execute(
    db,
  );
  const versions = await db
    .selectFrom('org_unit_version')
    .select(['unit_id', 'path', 'valid_from', 'valid_to'])
    .execute();
  const rows = versions.flatMap((v) =>
    v.path
      .split('/')
      .filter(Boolean)
      .map((a) => ({ unit_id: v.unit_id, valid_from: v.valid_from, valid_to: v.valid_to, anc: Number(a) })),
  );
  for (let i = 0; i < rows.length; i += 5000)
    await sql`insert into bench_anc (unit_id, valid_from, valid_to, anc) values ${sql.join(
      rows.slice(i, i + 5000).map((r) => sql`(${r.unit_id}, ${r.valid_from}, ${r.valid_to}, ${r.anc})`),
    )}`.execute(db);
  await sql`create index bench_anc_unit on bench_anc (unit_id, valid_from)`.execute(db);
  const bits = sql`${txt(sql`m.informal`)} || case when p.gender = 'female' then '1' else '0' end || ${txt(sql`m.${sql.ref('foreign')}`)}`;
  const at = (day: ReturnType<typeof sql>) =>
    sql`a.unit_id = m.unit_id and a.valid_from <= ${day} and (a.valid_to is null or a.valid_to > ${day})`;
  const later = (x: ReturnType<typeof sql>, y: ReturnType<typeof sql>) =>
    sql`case when ${x} > ${y} then ${x} else ${y} end`;
  const earlier = (x: ReturnType<typeof sql>, y: ReturnType<typeof sql>) =>
    sql`case when ${x} < ${y} then ${x} else ${y} end`;
  await sql`drop table if exists bench_stage`.execute(db);
  await sql`create table bench_stage (unit_id integer not null, key text not null, day text not null, value integer not null)`.execute(
    db,
  );
  const stage = (q: ReturnType<typeof sql>) => sql`insert into bench_stage (unit_id, key, day, value) ${q}`.execute(db);
  await stage(sql`select a.anc, 'adm:' || ${bits}, m.admitted_on, count(*) from membership m inner join person p on p.id = m.person_id
    inner join bench_anc a on ${at(sql`m.admitted_on`)} where m.transferred_from_id is null group by a.anc, 'adm:' || ${bits}, m.admitted_on`);
  await stage(sql`select a.anc, 'left:' || ${bits}, m.ended_on, count(*) from membership m inner join person p on p.id = m.person_id
    inner join bench_anc a on ${at(sql`m.ended_on`)} where m.status in ('left', 'expelled') group by a.anc, 'left:' || ${bits}, m.ended_on`);
  // A stock: +1 where the membership enters a version's span, −1 where it leaves it (its end, or the version's).
  const overlap = sql`a.unit_id = m.unit_id and (a.valid_to is null or a.valid_to > m.started_on) and (m.ended_on is null or m.ended_on > a.valid_from)`;
  await stage(sql`select a.anc, 'stk:' || ${bits}, ${later(sql`m.started_on`, sql`a.valid_from`)}, count(*) from membership m
    inner join person p on p.id = m.person_id inner join bench_anc a on ${overlap}
    group by a.anc, 'stk:' || ${bits}, ${later(sql`m.started_on`, sql`a.valid_from`)}`);
  const endOf = earlier(sql`coalesce(m.ended_on, '9999-12-31')`, sql`coalesce(a.valid_to, '9999-12-31')`);
  await stage(sql`select a.anc, 'stk:' || ${bits}, ${endOf}, -count(*) from membership m
    inner join person p on p.id = m.person_id inner join bench_anc a on ${overlap}
    where m.ended_on is not null or a.valid_to is not null group by a.anc, 'stk:' || ${bits}, ${endOf}`);
  await stage(sql`select a.anc, 'pin', pi.introduced_on, count(*) from party_introduction pi inner join bench_anc a
    on a.unit_id = pi.unit_id and a.valid_from <= pi.introduced_on and (a.valid_to is null or a.valid_to > pi.introduced_on)
    group by a.anc, pi.introduced_on`);
  await sql`delete from metric_day`.execute(db);
  await sql`insert into metric_day (unit_id, key, day, value) select unit_id, key, day, sum(value) from bench_stage
    group by unit_id, key, day`.execute(db);
  await sql`drop table bench_stage`.execute(db);
  await sql`drop table bench_anc`.execute(db);
}

const q = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? 0;
const fmt = (xs: number[]) => `p50 ${q(xs, 0.5).toFixed(2)} ms  p95 ${q(xs, 0.95).toFixed(2)} ms`;

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const dash = (unitId: number): FigureRequest[] => DASHBOARD.map((d) => ({ unitId, ...d, ...PERIOD }));

export async function benchMetrics(label: string, db: Db) {
  const t0 = performance.now();
  await enrich(db);
  const t1 = performance.now();
  await buildSummaries(db);
  const t2 = performance.now();
  if (isPostgres(db)) await sql`analyze`.execute(db);
  const count = async (t: 'membership' | 'metric_day' | 'party_introduction') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  console.log(
    `\n[${label}] metrics: ${(await count('membership')).toLocaleString('vi-VN')} memberships, ${(await count('party_introduction')).toLocaleString('vi-VN')} Party introductions; variety added in ${((t1 - t0) / 1000).toFixed(1)} s, metric_day built set-based in ${((t2 - t1) / 1000).toFixed(1)} s (${(await count('metric_day')).toLocaleString('vi-VN')} rows)`,
  );
  const ids = async (type: string) =>
    (await db.selectFrom('org_unit').select('id').where('type_code', '=', type).orderBy('id').execute()).map(
      (u) => u.id,
    );
  const root = (await ids('TLD'))[0] as number;
  const provinces = await ids('LDLD_TINH');
  const big = (
    await db
      .selectFrom('membership')
      .select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('unit_id')
      .orderBy('n', 'desc')
      .limit(60)
      .execute()
  ).map((r) => r.unit_id);
  // The summaries equal scratch on the dashboard's figures at each level (the property test does the rest).
  for (const unitId of [root, provinces[0] as number, big[0] as number]) {
    const got = await figures(db, dash(unitId));
    for (const [i, r] of dash(unitId).entries()) {
      const want = await scratch(db, r);
      if (got[i]?.value !== want.value)
        throw new Error(
          `summary ≠ scratch for ${r.metric} ${JSON.stringify(r.filters)} at ${unitId}: ${got[i]?.value} vs ${want.value}`,
        );
    }
  }
  const runs = Number(process.env.BENCH_METRIC_RUNS ?? 40);
  const scratchRuns = Number(process.env.BENCH_SCRATCH_RUNS ?? 3);
  const levels = [
    { label: 'national (root)', pick: (_: number) => root },
    { label: 'province', pick: (i: number) => provinces[i % provinces.length] as number },
    { label: 'CĐCS (largest)', pick: (i: number) => big[i % big.length] as number },
  ];
  console.log(
    `  dashboard = ${DASHBOARD.length} figures for ${PERIOD.from}..${PERIOD.to}; cold = a unit not asked before, warm = the same again`,
  );
  for (const lv of levels) {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) {
      const unit = lv.pick(i + 1);
      cold.push(await time(() => figures(db, dash(unit))));
      warm.push(await time(() => figures(db, dash(unit))));
    }
    const base: number[] = [];
    for (let i = 0; i < scratchRuns; i++) {
      const unit = lv.pick(i + 1);
      base.push(await time(async () => Promise.all(dash(unit).map((r) => scratch(db, r)))));
    }
    const ratio = q(base, 0.5) / Math.max(q(warm, 0.5), 0.001);
    console.log(
      `  ${lv.label.padEnd(16)} summaries cold ${fmt(cold)} | warm ${fmt(warm)} | from scratch ${fmt(base)} (${scratchRuns} runs) | ×${ratio.toFixed(0)}`,
    );
  }
}
