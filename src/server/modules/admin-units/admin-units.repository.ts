/** Statements of the commune lists: load for the index, upsert from an import, and the enterprises' resolved commune. */
import type { CommuneHow, CommuneNote } from '../../../shared/admin-units/labels.js';
import type { Db } from '../../db/database.js';
import type { AdminUnitEntry, Successor } from './admin-units.resolver.js';

/**
 * Changes whenever the lists do (every import stamps what it writes): the cached index is rebuilt only
 * then. Three index lookups, so it can run before every resolve, even one per imported row.
 */
export async function listRevision(db: Db): Promise<string> {
  const id = await db.selectFrom('admin_unit').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const at = await db
    .selectFrom('admin_unit')
    .select('imported_at')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const s = await db
    .selectFrom('admin_unit_successor')
    .select('imported_at')
    .orderBy('imported_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return `${id?.id}|${at?.imported_at}|${s?.imported_at}`;
}

export async function allUnits(db: Db): Promise<AdminUnitEntry[]> {
  const rows = await db.selectFrom('admin_unit').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    districtCode: r.district_code,
    districtName: r.district_name,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  }));
}

export async function allSuccessors(db: Db): Promise<Successor[]> {
  const rows = await db.selectFrom('admin_unit_successor').selectAll().execute();
  return rows.map((r) => ({ oldId: r.old_id, newId: r.new_id, part: r.part === 1 }));
}

/** Ids of a list's units by code (the list is named by its valid_from). */
export async function idsByCode(db: Db, validFrom: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('admin_unit').select(['id', 'code']).where('valid_from', '=', validFrom).execute();
  return new Map(rows.map((r) => [r.code, r.id]));
}

/** Province codes known by province name, from the lists already stored. */
export async function provinceCodesByName(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('admin_unit')
    .select(['province_name', 'province_code'])
    .where('province_code', 'is not', null)
    .groupBy(['province_name', 'province_code'])
    .execute();
  return new Map(rows.map((r) => [r.province_name, r.province_code as string]));
}

/** The managing units' area codes, over every version of the unit and of its ancestors. */
export async function areaCodesOfUnits(db: Db, unitIds: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (!unitIds.length) return out;
  const versions = await db
    .selectFrom('org_unit_version')
    .select(['unit_id', 'path'])
    .where('unit_id', 'in', unitIds)
    .execute();
  const ancestors = new Map<number, Set<number>>();
  for (const v of versions) {
    const set = ancestors.get(v.unit_id) ?? new Set<number>();
    for (const id of v.path.split('/').filter(Boolean)) set.add(Number(id));
    ancestors.set(v.unit_id, set);
  }
  const all = [...new Set([...ancestors.values()].flatMap((s) => [...s]))];
  const areas = all.length
    ? await db
        .selectFrom('org_unit_version')
        .select(['unit_id', 'admin_area_code'])
        .where('unit_id', 'in', all)
        .where('admin_area_code', 'is not', null)
        .execute()
    : [];
  const byUnit = new Map<number, string[]>();
  for (const a of areas) byUnit.set(a.unit_id, [...(byUnit.get(a.unit_id) ?? []), a.admin_area_code as string]);
  for (const [unitId, set] of ancestors)
    out.set(
      unitId,
      [...set].flatMap((id) => byUnit.get(id) ?? []),
    );
  return out;
}

export type EnterprisePlace = {
  id: number;
  unit_id: number;
  address: string | null;
  admin_area_code: string | null;
  admin_area_name: string | null;
  last_survey_date: string | null;
  created_at: string;
};

export function enterprisePlaces(db: Db, ids: number[]): Promise<EnterprisePlace[]> {
  return db
    .selectFrom('enterprise')
    .select(['id', 'unit_id', 'address', 'admin_area_code', 'admin_area_name', 'last_survey_date', 'created_at'])
    .where('id', 'in', ids)
    .execute();
}

/** Enterprise ids in order, a page at a time (the backfill walks the whole table). */
export async function enterpriseIdsAfter(db: Db, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('enterprise')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export type CommuneColumns = {
  commune_id: number | null;
  commune_now_id: number | null;
  commune_how: CommuneHow;
  commune_note: CommuneNote | null;
  commune_detail: string | null;
};

/** One statement per distinct outcome: an import of 100 000 rows in a few communes is a few updates. */
export async function setCommunes(db: Db, outcomes: { id: number; c: CommuneColumns }[]): Promise<void> {
  const groups = new Map<string, { c: CommuneColumns; ids: number[] }>();
  for (const o of outcomes) {
    const k = JSON.stringify(o.c);
    const g = groups.get(k);
    if (g) g.ids.push(o.id);
    else groups.set(k, { c: o.c, ids: [o.id] });
  }
  for (const { c, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += 500) {
      await db
        .updateTable('enterprise')
        .set(c)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute();
    }
  }
}
