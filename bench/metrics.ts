import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db, DbKind } from '../src/server/db/database.js';
import { isPostgres } from '../src/server/db/dialect.js';
import * as memberCounts from '../src/server/modules/members/members.counts.repository.js';
import { FOUNDED_BANDS, REACH_LEVELS } from '../src/server/modules/metrics/metrics.facts.js';
import { type Figure, figures, scratch } from '../src/server/modules/metrics/metrics.figures.js';
import type { FigureRequest } from '../src/server/modules/metrics/metrics.types.js';
import { planProgress } from '../src/server/modules/plans/plans.progress.js';
import type { PlanRow } from '../src/server/modules/plans/plans.repository.js';
import type { AppContext } from '../src/server/platform/context.js';
import { type Scope, scopeForUnits } from '../src/server/platform/scope.js';
import type { MetricCode, MetricFilters } from '../src/shared/metrics/catalogue.js';
import { benchReviewReport } from './review.js';

/**
 * The dashboard's figures at national scale: the summary rows (metric_day) beside the same figures
 * from scratch. The records come from bench/members.ts (every membership active, admitted 2000–2024);
 * here, set-based, some become informal, some leave in 2024, some are introduced to the Party, and then
 * metric_day is built from them in a few INSERT … SELECT statements (the hooks' derivation, set-based:
 * metrics.property.test.ts proves the hooks equal scratch; the check below proves this build does).
 */

const DASHBOARD: { metric: MetricCode; filters: MetricFilters }[] = [
  { metric: 'outreach.coverage', filters: {} },
  { metric: 'unions.founded', filters: { nonState: true, minWorkers: 25 } },
  { metric: 'members.admitted', filters: {} },
  { metric: 'members.admitted', filters: { informal: true } },
  { metric: 'members.admitted', filters: { female: true } },
  { metric: 'party.introduced', filters: {} },
  { metric: 'members.stock', filters: {} },
  { metric: 'members.net', filters: {} },
  { metric: 'members.left', filters: {} },
  { metric: 'outreach.workers', filters: {} },
  { metric: 'members.rate', filters: {} },
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
  // Enterprises: the frame (non-state, standing from the far past on its managing unit's versions), the workers
  // of unionised enterprises (on the linked CĐCS's versions), outreach workers reached on the event's day, and
  // each grassroots union founded (non-state and headcount band of its linked enterprises, placed on its day).
  for (const [key, unit, cond, value] of [
    ['frm', sql`e.unit_id`, sql`o.non_state = 1`, sql`count(*)`],
    ['wrk', sql`e.grassroots_unit_id`, sql`coalesce(e.worker_count, 0) <> 0`, sql`sum(e.worker_count)`],
  ] as const) {
    const from = sql`from enterprise e inner join ownership_type o on o.code = e.ownership_code
      inner join bench_anc a on a.unit_id = ${unit} where ${cond}`;
    await stage(sql`select a.anc, ${sql.lit(key)}, a.valid_from, ${value} ${from} group by a.anc, a.valid_from`);
    await stage(
      sql`select a.anc, ${sql.lit(key)}, a.valid_to, -${value} ${from} and a.valid_to is not null group by a.anc, a.valid_to`,
    );
  }
  await stage(sql`select a.anc, 'ow', ev.event_date, sum(ev.workers_reached) from outreach_event ev inner join bench_anc a
    on a.unit_id = ev.unit_id and a.valid_from <= ev.event_date and (a.valid_to is null or a.valid_to > ev.event_date)
    group by a.anc, ev.event_date`);
  // Distinct enterprises reached: per ancestor and non-state enterprise its reach days, each with the one before.
  await sql`drop table if exists bench_reach`.execute(db);
  await sql`create table bench_reach as select anc, e, d, lag(d) over (partition by anc, e order by d) as prev from (
      select distinct a.anc as anc, oe.enterprise_id as e, ev.event_date as d from outreach_enterprise oe
      inner join outreach_event ev on ev.id = oe.event_id inner join enterprise en on en.id = oe.enterprise_id
      inner join ownership_type o on o.code = en.ownership_code
      inner join bench_anc a on a.unit_id = ev.unit_id and a.valid_from <= ev.event_date
        and (a.valid_to is null or a.valid_to > ev.event_date)
      where o.non_state = 1) r`.execute(db);
  await stage(sql`select anc, 'rpt', d, count(*) from bench_reach group by anc, d`);
  await stage(sql`select anc, 'rqm:' || substr(prev, 1, 7), d, count(*) from bench_reach where prev is not null
    group by anc, 'rqm:' || substr(prev, 1, 7), d`);
  await stage(
    sql`select anc, 'rqd:' || prev, d, count(*) from bench_reach where prev is not null group by anc, 'rqd:' || prev, d`,
  );
  // The aligned blocks of 2^k days of the previous reach's month (metrics.facts.ts `reachBlocks`).
  for (let k = 1; k <= REACH_LEVELS; k++) {
    const key = sql`${sql.lit(`rqb${k}:`)} || substr(prev, 1, 7) || ':' || cast((cast(substr(prev, 9, 2) as integer) - 1) / ${sql.lit(2 ** k)} as text)`;
    await stage(sql`select anc, ${key}, d, count(*) from bench_reach where prev is not null group by anc, ${key}, d`);
  }
  await sql`drop table bench_reach`.execute(db);
  const band = sql.raw(
    `case when x.size is null then 'x' ${FOUNDED_BANDS.map((t, i) => [t, i] as const)
      .reverse()
      .map(([t, i]) => `when x.size >= ${t} then '${i}'`)
      .join(' ')} end`,
  );
  await sql`drop table if exists bench_founded`.execute(db);
  await sql`create table bench_founded as select a.anc as anc, x.ns as ns, x.size as size, x.day as day from (
      select u.id, coalesce(u.founding_decision_date, u.valid_from) as day,
        case when coalesce(u.founding_decision_date, u.valid_from) < u.valid_from then u.valid_from
          else coalesce(u.founding_decision_date, u.valid_from) end as at,
        case when exists (select 1 from enterprise e inner join ownership_type o on o.code = e.ownership_code
          where e.grassroots_unit_id = u.id and o.non_state = 1) then '1' else '0' end as ns,
        (select max(coalesce(e.worker_count, 0)) from enterprise e where e.grassroots_unit_id = u.id) as size
      from org_unit u where exists (select 1 from unit_type t where t.code = u.type_code and t.grassroots = 1)) x
    inner join bench_anc a on a.unit_id = x.id and a.valid_from <= x.at and (a.valid_to is null or a.valid_to > x.at)`.execute(
    db,
  );
  await stage(sql`select x.anc, 'fnd:' || x.ns || ':' || ${band}, x.day, count(*) from bench_founded x
    group by x.anc, 'fnd:' || x.ns || ':' || ${band}, x.day`);
  // Headcount at least each band: one key per filter (metrics.facts.ts `fge`).
  for (const [i, t] of FOUNDED_BANDS.entries())
    await stage(sql`select anc, 'fge:' || ns || ':' || ${sql.lit(String(i))}, day, count(*) from bench_founded
      where size >= ${sql.lit(t)} group by anc, ns, day`);
  await sql`drop table bench_founded`.execute(db);
  // The same facts under <ifx> = *** (any): a figure without person filters reads one key.
  await sql`insert into bench_stage (unit_id, key, day, value) select unit_id, case when key like 'adm:%' then 'adm:***'
      when key like 'stk:%' then 'stk:***' else 'left:***' end, day, value from bench_stage
    where key like 'adm:%' or key like 'stk:%' or key like 'left:%'`.execute(db);
  await sql`delete from metric_day`.execute(db);
  await sql`insert into metric_day (unit_id, key, day, value) select unit_id, key, day, sum(value) from bench_stage
    group by unit_id, key, day having sum(value) <> 0`.execute(db);
  // The month and year rollups the hooks keep beside each day (metrics.summary.ts applyDeltas).
  for (const [prefix, day] of [
    ['M/', sql`substr(day, 1, 7) || '-01'`],
    ['Y/', sql`substr(day, 1, 4) || '-01-01'`],
  ] as const)
    await sql`insert into metric_day (unit_id, key, day, value) select unit_id, ${sql.lit(prefix)} || key, ${day}, sum(value)
      from metric_day where key not like 'M/%' and key not like 'Y/%' group by unit_id, key, ${day} having sum(value) <> 0`.execute(
      db,
    );
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

const dash = (unitId: number, asOf = PERIOD.asOf): FigureRequest[] =>
  DASHBOARD.map((d) => ({ unitId, ...d, ...PERIOD, asOf }));

/** The seed plan's four targets (T3 with its informal sub-target), as a plan at any unit. */
async function makePlan(db: Db, unitId: number, n: number): Promise<PlanRow> {
  const plan = await db
    .insertInto('plan')
    .values({
      unit_id: unitId,
      number: String(n),
      symbol: 'KH-BENCH',
      issued_on: '2024-04-10',
      place: null,
      title: 'Phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024',
      period_from: PERIOD.from,
      period_to: PERIOD.to,
      status: 'issued',
      signer_name: null,
      signer_position: null,
      signer_authority: null,
      recipients: '[]',
      sections: '{}',
      created_by: null,
      created_at: '2024-04-10T00:00:00.000Z',
      updated_at: '2024-04-10T00:00:00.000Z',
      issued_at: '2024-04-10T00:00:00.000Z',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const target = (sort: number, code: string, metric: MetricCode, goal: number, filters = {}, parent?: number) =>
    db
      .insertInto('plan_target')
      .values({
        plan_id: plan.id,
        parent_target_id: parent ?? null,
        sort_order: sort,
        code,
        label: null,
        metric,
        filters: JSON.stringify(filters),
        comparator: 'at_least',
        goal,
        adopted_share_id: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  await target(1, 'T1', 'outreach.coverage', 100);
  await target(2, 'T2', 'unions.founded', 100, { nonState: true, minWorkers: 25 });
  const t3 = await target(3, 'T3', 'members.admitted', 1000);
  await target(4, 'T3.1', 'members.admitted', 100, { informal: true }, t3.id);
  await target(5, 'T4', 'party.introduced', 100);
  return plan;
}

const dayBefore = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

export async function benchMetrics(label: string, db: Db, dbKind: DbKind) {
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
  const runs = Number(process.env.BENCH_METRIC_RUNS ?? 40);
  const scratchRuns = Number(process.env.BENCH_SCRATCH_RUNS ?? 1);
  const levels = [
    { label: 'national (root)', units: [root] },
    { label: 'province', units: provinces },
    { label: 'CĐCS (largest)', units: big },
  ];
  // A plan with the seed plan's targets at the root, at every province and at the 60 largest CĐCS.
  const plans = new Map<number, PlanRow>();
  let n = 1;
  for (const u of [root, ...provinces, ...big]) plans.set(u, await makePlan(db, u, n++));
  const ctx = { db, dbKind } as AppContext;
  console.log(
    `  figures = the ${DASHBOARD.length} figures of the unit for ${PERIOD.from}..${PERIOD.to} (T1 coverage, T2 founded non-state ≥ 25, T3 admitted + informal + female, T4 Party, stock, net, left, workers reached, rate);`,
  );
  console.log(
    '  dashboard = planProgress of a plan with the seed targets T1–T4 (+ T3 informal sub-target): own figures, start levels, last year, one row per child unit;',
  );
  console.log(
    `  cold = a unit and as-of day not asked before, warm = the same again; from scratch = the same figures by metrics.scratch.ts (${scratchRuns} run${scratchRuns === 1 ? '' : 's'} per level, it is slow), checked equal to the summaries`,
  );
  const results: Record<string, { warm: number[]; cold: number[]; figures: number[] }> = {};
  // BENCH_SCRATCH_LEVELS=1: from scratch at the root only (on SQLite at 1 M it takes minutes per level).
  const scratchLevels = Number(process.env.BENCH_SCRATCH_LEVELS ?? levels.length);
  for (const [li, lv] of levels.entries()) {
    const pick = (i: number) => lv.units[i % lv.units.length] as number;
    const fig = { cold: [] as number[], warm: [] as number[] };
    const board = { cold: [] as number[], warm: [] as number[] };
    for (let i = 0; i < runs; i++) {
      const unit = pick(i + 1);
      // A different as-of day each run: nothing of it was read before.
      const asOf = dayBefore(PERIOD.asOf, i + 1);
      fig.cold.push(await time(() => figures(db, dash(unit, asOf))));
      fig.warm.push(await time(() => figures(db, dash(unit, asOf))));
      const plan = plans.get(unit) as PlanRow;
      const asOf2 = dayBefore(PERIOD.asOf, runs + i + 1);
      board.cold.push(await time(() => planProgress(ctx, plan, asOf2)));
      board.warm.push(await time(() => planProgress(ctx, plan, asOf2)));
    }
    console.log(`  ${lv.label}`);
    console.log(`    figures    summaries cold ${fmt(fig.cold)} | warm ${fmt(fig.warm)}`);
    console.log(`    dashboard  summaries cold ${fmt(board.cold)} | warm ${fmt(board.warm)}`);
    results[lv.label] = { ...board, figures: fig.warm };
    const base: number[] = [];
    for (let i = 0; i < (li < scratchLevels ? scratchRuns : 0); i++) {
      const unit = pick(i);
      const want: Figure[] = [];
      const each: string[] = [];
      // One figure at a time, each timed: the slow ones show in the output.
      base.push(
        await time(async () => {
          for (const r of dash(unit)) {
            const t = performance.now();
            want.push(await scratch(db, r));
            each.push(
              `${r.metric}${Object.keys(r.filters).length ? JSON.stringify(r.filters) : ''} ${((performance.now() - t) / 1000).toFixed(1)} s`,
            );
          }
        }),
      );
      console.log(`    from scratch, figure by figure: ${each.join(' · ')}`);
      const got = await figures(db, dash(unit));
      for (const [k, r] of dash(unit).entries())
        if (got[k]?.value !== want[k]?.value)
          throw new Error(
            `summary ≠ scratch for ${r.metric} ${JSON.stringify(r.filters)} at ${unit}: ${got[k]?.value} vs ${want[k]?.value}`,
          );
    }
    if (base.length === 0) console.log('    from scratch: not run at this level (BENCH_SCRATCH_LEVELS)');
    else {
      const ratio = (xs: number[]) => (q(base, 0.5) / Math.max(q(xs, 0.95), 0.001)).toFixed(0);
      console.log(
        `    from scratch ${fmt(base)} (${base.length} run${base.length === 1 ? '' : 's'}, equal to the summaries) | ×${ratio(fig.warm)} figures warm p95 | ×${ratio(board.warm)} dashboard warm p95`,
      );
    }
  }
  await benchReviewReport(
    ctx,
    provinces.map((u) => plans.get(u) as PlanRow),
    Number(process.env.BENCH_REVIEW_RUNS ?? 5),
  );
  // GET /api/members/counts: the records (what it ran before) beside the summaries (what it runs now).
  const countRuns = Number(process.env.BENCH_COUNT_RUNS ?? 3);
  const period = { from: '2024-01-01', to: '2024-12-31' };
  console.log(
    `  GET /api/members/counts for ${period.from}..${period.to} (repository call, scope built once; records ${countRuns} runs, summaries ${runs}):`,
  );
  for (const lv of levels) {
    const pick = (i: number) => lv.units[i % lv.units.length] as number;
    const scopes = new Map<number, Scope>();
    const scopeOf = async (u: number) => {
      const s = scopes.get(u) ?? (await scopeForUnits(db, 'record.read', [u]));
      scopes.set(u, s);
      return s;
    };
    const records: number[] = [];
    const summaries: number[] = [];
    for (let i = 0; i < countRuns; i++) {
      const scope = await scopeOf(pick(i));
      let want: unknown;
      let got: unknown;
      records.push(await time(async () => (want = await memberCounts.countsFromRecords(db, scope, period))));
      summaries.push(await time(async () => (got = await memberCounts.counts(db, scope, period))));
      if (JSON.stringify(want) !== JSON.stringify(got))
        throw new Error(`counts differ at ${pick(i)}: ${JSON.stringify(want)} vs ${JSON.stringify(got)}`);
    }
    for (let i = countRuns; i < runs; i++) {
      const scope = await scopeOf(pick(i));
      summaries.push(await time(() => memberCounts.counts(db, scope, period)));
    }
    console.log(
      `    ${lv.label.padEnd(16)} records ${fmt(records)} | summaries ${fmt(summaries)} | ×${(q(records, 0.5) / Math.max(q(summaries, 0.95), 0.001)).toFixed(0)} (records p50 ÷ summaries p95), equal`,
    );
  }
  return { root, results };
}
