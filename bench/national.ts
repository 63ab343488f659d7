import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import { isPostgres } from '../src/server/db/dialect.js';

/**
 * The rest of the national dataset beside the tree (bench/org-tree.ts) and the members (bench/members.ts),
 * all set-based: one admin-unit commune per commune-level union, ~1 M enterprises (each CĐCS linked to one,
 * the rest spread over the communes; ownership, headcount and commune on every one), outreach events over
 * 10 years reaching one or two enterprises each, and founding decision dates 2015–2024 on 30 % of the CĐCS
 * (the others founded with the tree). Each part is timed.
 */

const NOW = '2025-11-01T00:00:00.000Z';
const FIRST_DAY = '2015-01-01';
const YEARS = 10;

/** The days of the 10 years before 2025, numbered from 0: the set-based generators pick a day by k = f(i) % days. */
function days(): string[] {
  const out: string[] = [];
  const t0 = Date.parse(`${FIRST_DAY}T00:00:00Z`);
  for (let d = 0; ; d++) {
    const day = new Date(t0 + d * 86_400_000).toISOString().slice(0, 10);
    if (day >= `${2015 + YEARS}-01-01`) break;
    out.push(day);
  }
  return out;
}

async function fill(db: Db, table: string, cols: string[], rows: (string | number)[][]) {
  for (let i = 0; i < rows.length; i += 2000)
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) values ${sql.join(
      rows.slice(i, i + 2000).map((r) => sql`(${sql.join(r)})`),
    )}`.execute(db);
}

/** `with recursive n(i)`: the numbers 1..count, the same on both databases. */
const numbers = (count: number) =>
  sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < ${sql.lit(count)})`;

export type NationalCounts = {
  communes: number;
  grassroots: number;
  enterprises: number;
  outreachEvents: number;
  outreachLinks: number;
  founded: number;
  timings: { label: string; ms: number }[];
};

export async function generateNational(
  db: Db,
  opts = {
    enterprises: Number(process.env.BENCH_ENTERPRISES ?? 1_000_000),
    outreach: Number(process.env.BENCH_OUTREACH ?? 400_000),
  },
): Promise<NationalCounts> {
  const timings: { label: string; ms: number }[] = [];
  const step = async (label: string, fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    timings.push({ label, ms: performance.now() - t });
  };
  const dayList = days();
  const communes = await db
    .selectFrom('org_unit')
    .select('id')
    .where('type_code', '=', 'CD_XA')
    .orderBy('id')
    .execute();
  const cdcs = await db
    .selectFrom('org_unit_version')
    .select(['unit_id', 'parent_id'])
    .where('type_code', '=', 'CDCS')
    .where('valid_to', 'is', null)
    .orderBy('unit_id')
    .execute();
  const N = Math.max(opts.enterprises, cdcs.length);
  await step('helper tables (days, communes, CĐCS)', async () => {
    for (const t of ['bench_day', 'bench_commune', 'bench_cdcs'])
      await sql`drop table if exists ${sql.table(t)}`.execute(db);
    await sql`create table bench_day (k integer primary key, day text not null)`.execute(db);
    await sql`create table bench_commune (k integer primary key, unit_id integer not null, admin_id integer not null)`.execute(
      db,
    );
    await sql`create table bench_cdcs (k integer primary key, unit_id integer not null, parent_id integer not null, admin_id integer not null)`.execute(
      db,
    );
    await fill(
      db,
      'bench_day',
      ['k', 'day'],
      dayList.map((d, k) => [k, d]),
    );
    // The official list: one commune (2-level list, from 01/07/2025) per commune-level union, ids = unit ids.
    await fill(
      db,
      'admin_unit',
      ['id', 'code', 'name', 'name_key', 'kind', 'province_code', 'province_name', 'valid_from', 'imported_at'],
      communes.map((c) => [
        c.id,
        String(c.id).padStart(5, '0'),
        `Xã Hòa Bình ${c.id}`,
        `hoa binh ${c.id}`,
        'xa',
        '99',
        'Tỉnh Bench',
        '2025-07-01',
        NOW,
      ]),
    );
    await fill(
      db,
      'bench_commune',
      ['k', 'unit_id', 'admin_id'],
      communes.map((c, k) => [k, c.id, c.id]),
    );
    await fill(
      db,
      'bench_cdcs',
      ['k', 'unit_id', 'parent_id', 'admin_id'],
      cdcs.map((c, k) => [k, c.unit_id, c.parent_id as number, c.parent_id as number]),
    );
  });
  const nC = communes.length;
  // Each CĐCS k is linked to enterprise k + 1 (managed by the CĐCS's commune union); the others are spread.
  await step(`${N.toLocaleString('vi-VN')} enterprises`, () =>
    sql`${numbers(N)}
      insert into enterprise (id, unit_id, mst, name, name_folded, ownership_code, grassroots_unit_id, worker_count,
        commune_id, commune_now_id, commune_how, created_at, updated_at)
      select n.i, coalesce(g.parent_id, c.unit_id), cast(${sql.lit(1_000_000_000)} + n.i as text),
        'Công ty TNHH Đồng Tâm ' || cast(n.i as text), 'cong ty tnhh dong tam ' || cast(n.i as text),
        case when n.i % 20 = 0 then 'STATE' when n.i % 5 = 1 then 'FDI' when n.i % 5 = 2 then 'HOUSEHOLD'
          when n.i % 7 = 3 then 'COOP' else 'PRIVATE' end,
        g.unit_id,
        case when n.i % 50 = 0 then 300 + (n.i * 13) % 3000 else 3 + ((n.i % 9973) * 7919) % 120 end,
        coalesce(g.admin_id, c.admin_id), coalesce(g.admin_id, c.admin_id), 'code', ${NOW}, ${NOW}
      from n left join bench_cdcs g on g.k = n.i - 1 left join bench_commune c on c.k = (n.i * 7) % ${sql.lit(nC)}`.execute(
      db,
    ),
  );
  const M = opts.outreach;
  const D = dayList.length;
  await step(`${M.toLocaleString('vi-VN')} outreach events + their enterprises`, async () => {
    await sql`${numbers(M)}
      insert into outreach_event (id, unit_id, event_date, form_code, topics, title, workers_reached, employer_reps_reached,
        created_at, updated_at)
      select n.i, e.unit_id, d.day, 'WORKPLACE_MEETING', '["UNION_MEMBERSHIP"]', null, 5 + n.i % 60, n.i % 3, ${NOW}, ${NOW}
      from n inner join enterprise e on e.id = (n.i * 7) % ${sql.lit(N)} + 1
      inner join bench_day d on d.k = (n.i * 31) % ${sql.lit(D)}`.execute(db);
    await sql`insert into outreach_enterprise (event_id, enterprise_id)
      select ev.id, (ev.id * 7) % ${sql.lit(N)} + 1 from outreach_event ev`.execute(db);
    await sql`insert into outreach_enterprise (event_id, enterprise_id)
      select ev.id, (ev.id * 7 + 1) % ${sql.lit(N)} + 1 from outreach_event ev where ev.id % 3 = 0`.execute(db);
  });
  await step('founding decisions on 30 % of the CĐCS', () =>
    sql`update org_unit set founding_decision_no = 'QĐ ' || cast(id as text),
      founding_decision_date = (select d.day from bench_day d where d.k = (org_unit.id * 7) % ${sql.lit(D)})
      where type_code = 'CDCS' and id % 10 < 3`.execute(db),
  );
  if (isPostgres(db))
    for (const t of ['enterprise', 'outreach_event', 'admin_unit'])
      await sql`select setval(pg_get_serial_sequence(${t}, 'id'), (select max(id) from ${sql.table(t)}))`.execute(db);
  for (const t of ['bench_day', 'bench_commune', 'bench_cdcs']) await sql`drop table ${sql.table(t)}`.execute(db);
  const count = async (q: ReturnType<typeof sql<{ n: number | string }>>) => Number((await q.execute(db)).rows[0]?.n);
  return {
    communes: nC,
    grassroots: cdcs.length,
    enterprises: N,
    outreachEvents: M,
    outreachLinks: await count(sql`select count(*) as n from outreach_enterprise`),
    founded: await count(sql`select count(*) as n from org_unit where founding_decision_date is not null`),
    timings,
  };
}
