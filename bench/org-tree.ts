import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../src/server/db/database.js';
import { activeAt } from '../src/server/modules/org/org.repository.js';
import { isUnitInScope, pathInScope, scopeForUnits } from '../src/server/platform/scope.js';
import { fold } from '../src/shared/text/index.js';

/**
 * A national-scale tree: TLĐ → 34 provinces → 97 commune-level unions each (3 298, the 2025 count of
 * communes and wards is ~3 321) → 42 grassroots unions each (138 516 CĐCS, the federation reports ~140 k)
 * → a department union under every third grassroots union ≈ 188 k units. Every unit also carries a
 * second dated version (the 2025 move), as real history would.
 */
export async function generateTree(db: Db, opts = { provinces: 34, communes: 97, grassroots: 42 }) {
  const now = new Date().toISOString();
  let nextId = 1;
  const units: { id: number; parent: number | null; path: string; depth: number; type: string; name: string }[] = [];
  const add = (parent: (typeof units)[number] | null, type: string, name: string) => {
    const id = nextId++;
    const u = {
      id,
      parent: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      type,
      name,
    };
    units.push(u);
    return u;
  };
  const root = add(null, 'TLD', 'Tổng Liên đoàn Lao động Việt Nam');
  for (let p = 1; p <= opts.provinces; p++) {
    const prov = add(root, 'LDLD_TINH', `Liên đoàn Lao động tỉnh Số ${p}`);
    for (let c = 1; c <= opts.communes; c++) {
      const commune = add(prov, 'CD_XA', `Công đoàn xã Hòa Bình ${p}-${c}`);
      for (let g = 1; g <= opts.grassroots; g++) {
        const cs = add(commune, 'CDCS', `CĐCS Công ty TNHH Sản xuất Đồng Tâm ${p}-${c}-${g}`);
        if (g % 3 === 0) add(cs, 'CD_BO_PHAN', `Công đoàn bộ phận Phân xưởng ${p}-${c}-${g}`);
      }
    }
  }
  const t0 = performance.now();
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < units.length; i += 1000) {
      const chunk = units.slice(i, i + 1000);
      await trx
        .insertInto('org_unit')
        .values(
          chunk.map((u) => ({
            id: u.id,
            code: `U${u.id}`,
            name: u.name,
            name_folded: fold(u.name),
            type_code: u.type,
            address: null,
            founding_decision_no: null,
            founding_decision_date: null,
            valid_from: '2000-01-01',
            valid_to: null,
            merged_into_id: null,
            created_at: now,
            updated_at: now,
          })) as never,
        )
        .execute();
      // Two versions each: before and after 01/07/2025 (a rename), so date filters have work to do.
      await trx
        .insertInto('org_unit_version')
        .values(
          chunk.flatMap((u) =>
            ['2000-01-01', '2025-07-01'].map((from, k) => ({
              unit_id: u.id,
              parent_id: u.parent,
              path: u.path,
              depth: u.depth,
              name: k === 0 ? u.name : `${u.name} (mới)`,
              name_folded: fold(k === 0 ? u.name : `${u.name} (mới)`),
              short_name: null,
              type_code: u.type,
              admin_area_code: null,
              admin_area_name: null,
              valid_from: from,
              valid_to: k === 0 ? '2025-07-01' : null,
            })),
          ),
        )
        .execute();
    }
  });
  return { units: units.length, loadMs: performance.now() - t0, sample: { root: root.id, province: 2, commune: 3 } };
}

async function timed(n: number, fn: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { p50: q(0.5), p95: q(0.95) };
}

export async function benchOrgQueries(db: Db, ids: { province: number; commune: number }) {
  const provinceScope = await scopeForUnits(db, 'org.read', [ids.province]);
  const date = '2024-06-30';
  const subtreeCount = () =>
    db
      .selectFrom('org_unit_version as v')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) => pathInScope(eb, 'v.path', provinceScope))
      .where(() => activeAt(null, date))
      .executeTakeFirstOrThrow();
  const children = () =>
    db
      .selectFrom('org_unit_version as v')
      .selectAll()
      .where('v.parent_id', '=', ids.commune)
      .where(() => activeAt(null, date))
      .execute();
  const lastUnit = (
    await db
      .selectFrom('org_unit')
      .select((eb) => eb.fn.max('id').as('m'))
      .executeTakeFirstOrThrow()
  ).m as number;
  const search = () =>
    db
      .selectFrom('org_unit_version as v')
      .select('v.unit_id')
      .where((eb) => pathInScope(eb, 'v.path', provinceScope))
      .where(() => activeAt(null, date))
      .where('v.name_folded', 'like', '%dong tam 2-5%')
      .limit(50)
      .execute();
  const n = (await subtreeCount()).n;
  return {
    provinceUnits: Number(n),
    subtreeCountAsOf: await timed(30, subtreeCount),
    childrenAsOf: await timed(200, children),
    scopeCheck: await timed(200, () => isUnitInScope(db, lastUnit, provinceScope)),
    buildScope: await timed(50, () => scopeForUnits(db, 'org.read', [ids.province])),
    searchInProvince: await timed(30, search),
  };
}

export async function explainSubtree(db: Db, kind: 'sqlite' | 'postgres', province: number): Promise<string> {
  const scope = await scopeForUnits(db, 'org.read', [province]);
  const r = scope.ranges[0];
  if (!r) return '';
  const q =
    kind === 'sqlite'
      ? sql<{
          detail: string;
        }>`explain query plan select count(*) from org_unit_version v where v.path >= ${r.from} and v.path < ${r.to} and v.valid_from <= '2024-06-30' and (v.valid_to is null or v.valid_to > '2024-06-30')`
      : sql<{
          'QUERY PLAN': string;
        }>`explain select count(*) from org_unit_version v where v.path >= ${r.from} and v.path < ${r.to} and v.valid_from <= '2024-06-30' and (v.valid_to is null or v.valid_to > '2024-06-30')`;
  const rows = (await q.execute(db)).rows as Record<string, string>[];
  return rows.map((x) => x.detail ?? x['QUERY PLAN']).join('\n    ');
}
