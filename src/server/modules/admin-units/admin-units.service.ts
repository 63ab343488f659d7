/**
 * The commune lists as a service: import the official files (CLI), keep one in-memory index per list
 * revision, and resolve enterprises' communes — on create, edit and import (called inside their
 * transaction) and for every enterprise after a new list arrives (the backfill).
 */
import type { Db } from '../../db/database.js';
import { type AdminUnitFile, type ListUnit, readAdminUnitFile } from './admin-units.files.js';
import { communeKey } from './admin-units.keys.js';
import * as repo from './admin-units.repository.js';
import { type AdminUnitIndex, buildIndex, contextOf, type Resolution, resolveCommune } from './admin-units.resolver.js';

/** The reform date: the 3-level list ends and the 2-level list begins (Nghị quyết 202/2025/QH15). */
export const REFORM_2025 = '2025-07-01';
export const LIST_DATES = { beforeFrom: '2000-01-01', beforeTo: REFORM_2025, afterFrom: REFORM_2025 };

// A few revisions at most (tests open several databases in one process).
const cache = new Map<string, AdminUnitIndex>();

export async function loadIndex(db: Db): Promise<AdminUnitIndex> {
  const rev = await repo.listRevision(db);
  const hit = cache.get(rev);
  if (hit) return hit;
  const ix = buildIndex(await repo.allUnits(db), await repo.allSuccessors(db));
  if (cache.size > 4) cache.clear();
  cache.set(rev, ix);
  return ix;
}

export function columnsOf(r: Resolution): repo.CommuneColumns {
  return {
    commune_id: r.unit?.id ?? null,
    commune_now_id: r.now?.id ?? null,
    commune_how: r.how,
    commune_note: r.note,
    commune_detail: r.detail,
  };
}

/**
 * Resolves and stores the commune of these enterprises (ids of one transaction's writes). The date of
 * a record is its latest survey, else the day it was entered: the list valid then is tried first.
 */
export async function resolveEnterprises(db: Db, ids: number[]): Promise<void> {
  if (!ids.length) return;
  const ix = await loadIndex(db);
  for (let i = 0; i < ids.length; i += 1000) {
    const places = await repo.enterprisePlaces(db, ids.slice(i, i + 1000));
    const areas = await repo.areaCodesOfUnits(db, [...new Set(places.map((p) => p.unit_id))]);
    const contexts = new Map([...areas].map(([unitId, codes]) => [unitId, contextOf(ix, codes)]));
    const outcomes = places.map((p) => ({
      id: p.id,
      c: columnsOf(
        resolveCommune(ix, {
          code: p.admin_area_code,
          name: p.admin_area_name,
          address: p.address,
          context: contexts.get(p.unit_id) ?? { provinces: new Set(), districts: new Set() },
          date: p.last_survey_date ?? p.created_at.slice(0, 10),
        }),
      ),
    }));
    await repo.setCommunes(db, outcomes);
  }
}

/** Every enterprise again, a page at a time: after a list is imported. Returns how many were resolved. */
export async function backfill(db: Db): Promise<{ enterprises: number }> {
  let after = 0;
  let n = 0;
  for (;;) {
    const ids = await repo.enterpriseIdsAfter(db, after, 2000);
    if (!ids.length) return { enterprises: n };
    await resolveEnterprises(db, ids);
    n += ids.length;
    after = ids[ids.length - 1] as number;
  }
}

export type ImportSummary = {
  files: { file: string; layout: AdminUnitFile['layout']; rows: number }[];
  inserted: number;
  updated: number;
  successors: number;
  /** Conversion rows naming a code that neither list holds. */
  unmatched: number;
};

async function upsertList(db: Db, units: ListUnit[], validFrom: string, validTo: string | null, now: string) {
  const existing = await db.selectFrom('admin_unit').selectAll().where('valid_from', '=', validFrom).execute();
  const byCode = new Map(existing.map((r) => [r.code, r]));
  let inserted = 0;
  let updated = 0;
  const fresh = [];
  for (const u of units) {
    const row = {
      code: u.code,
      name: u.name,
      name_key: communeKey(u.name).key,
      kind: u.kind,
      province_code: u.provinceCode,
      province_name: u.provinceName,
      district_code: u.districtCode,
      district_name: u.districtName,
      valid_from: validFrom,
      valid_to: validTo,
      imported_at: now,
    };
    const old = byCode.get(u.code);
    if (!old) fresh.push(row);
    else if (
      old.name !== row.name ||
      old.province_code !== row.province_code ||
      old.province_name !== row.province_name ||
      old.district_code !== row.district_code ||
      old.district_name !== row.district_name ||
      old.valid_to !== row.valid_to ||
      old.kind !== row.kind
    ) {
      await db.updateTable('admin_unit').set(row).where('id', '=', old.id).execute();
      updated++;
    }
  }
  for (let i = 0; i < fresh.length; i += 500) {
    await db
      .insertInto('admin_unit')
      .values(fresh.slice(i, i + 500))
      .execute();
    inserted += fresh.slice(i, i + 500).length;
  }
  return { inserted, updated };
}

/**
 * Imports the files in one transaction (all or nothing): the lists first, then the conversion, whose
 * province codes also fill in the new list's (its JSON names provinces without codes). Then every
 * enterprise is resolved again against the new lists.
 */
export async function importFiles(
  db: Db,
  files: { fileName: string; text: string }[],
  dates = LIST_DATES,
): Promise<ImportSummary & { enterprises: number }> {
  return importLists(
    db,
    files.map((f) => readAdminUnitFile(f.fileName, f.text)),
    dates,
  );
}

/** The same from lists already read (the demo's handful of units comes this way). */
export async function importLists(
  db: Db,
  read: AdminUnitFile[],
  dates = LIST_DATES,
): Promise<ImportSummary & { enterprises: number }> {
  const now = new Date().toISOString();
  const summary: ImportSummary = { files: [], inserted: 0, updated: 0, successors: 0, unmatched: 0 };
  await db.transaction().execute(async (trx) => {
    const provinceCodes = await repo.provinceCodesByName(trx);
    for (const f of read) {
      if (f.layout === 'conversion')
        for (const r of f.rows) if (r.newProvinceCode) provinceCodes.set(r.newProvinceName, r.newProvinceCode);
      if (f.layout === 'before')
        for (const u of f.units) if (u.provinceCode) provinceCodes.set(u.provinceName, u.provinceCode);
    }
    for (const f of read) {
      summary.files.push({
        file: f.fileName,
        layout: f.layout,
        rows: f.layout === 'conversion' ? f.rows.length : f.units.length,
      });
      if (f.layout === 'conversion') continue;
      const units =
        f.layout === 'after'
          ? f.units.map((u) => ({ ...u, provinceCode: u.provinceCode ?? provinceCodes.get(u.provinceName) ?? null }))
          : f.units;
      const r =
        f.layout === 'before'
          ? await upsertList(trx, units, dates.beforeFrom, dates.beforeTo, now)
          : await upsertList(trx, units, dates.afterFrom, null, now);
      summary.inserted += r.inserted;
      summary.updated += r.updated;
    }
    const conversions = read.flatMap((f) => (f.layout === 'conversion' ? f.rows : []));
    if (conversions.length) {
      const oldIds = await repo.idsByCode(trx, dates.beforeFrom);
      const newIds = await repo.idsByCode(trx, dates.afterFrom);
      const pairs = new Map<string, { old_id: number; new_id: number; part: number; imported_at: string }>();
      for (const c of conversions) {
        const o = oldIds.get(c.oldCode);
        const n = newIds.get(c.newCode);
        if (o === undefined || n === undefined) {
          summary.unmatched++;
          continue;
        }
        pairs.set(`${o}-${n}`, { old_id: o, new_id: n, part: c.part ? 1 : 0, imported_at: now });
      }
      const olds = [...new Set([...pairs.values()].map((p) => p.old_id))];
      for (let i = 0; i < olds.length; i += 500) {
        await trx
          .deleteFrom('admin_unit_successor')
          .where('old_id', 'in', olds.slice(i, i + 500))
          .execute();
      }
      const values = [...pairs.values()];
      for (let i = 0; i < values.length; i += 500) {
        await trx
          .insertInto('admin_unit_successor')
          .values(values.slice(i, i + 500))
          .execute();
      }
      summary.successors = values.length;
    }
  });
  const { enterprises } = await backfill(db);
  return { ...summary, enterprises };
}
