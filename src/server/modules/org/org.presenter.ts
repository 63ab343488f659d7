import type { TOrgEvent, TOrgUnit, TOrgUnitDetail, TUnitType } from '../../../shared/org/contract.js';
import type { Database } from '../../db/schema.js';
import type { HistoryRow, UnitRow } from './org.repository.js';

export function presentUnit(r: UnitRow): TOrgUnit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    typeCode: r.type_code,
    parentId: r.parent_id,
    depth: r.depth,
    adminAreaCode: r.admin_area_code,
    adminAreaName: r.admin_area_name,
    address: r.address,
    foundingDecisionNo: r.founding_decision_no,
    foundingDecisionDate: r.founding_decision_date,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    mergedIntoId: r.merged_into_id,
    childCount: Number(r.child_count ?? 0),
  };
}

/**
 * A unit with its ancestors and dated states. `visibleParents` are the past parents inside the
 * caller's scope: any other parent (e.g. the commune union a district's CĐCS moved to) is named but
 * not linked (names of the tree are not secret; its records are).
 */
export function presentDetail(
  row: UnitRow,
  ancestors: { unit_id: number; name: string; type_code: string }[],
  parentName: string | null,
  history: HistoryRow[],
  visibleParents: Set<number>,
): TOrgUnitDetail {
  const shown = (parentId: number | null) => parentId !== null && visibleParents.has(parentId);
  return {
    ...presentUnit(row),
    ancestors: ancestors.map((a) => ({ id: a.unit_id, name: a.name, typeCode: a.type_code })),
    parentName,
    history: history.map((h) => ({
      validFrom: h.valid_from,
      validTo: h.valid_to,
      parentId: shown(h.parent_id) ? h.parent_id : null,
      parentName: h.parent_name,
      name: h.name,
      typeCode: h.type_code,
      adminAreaName: h.admin_area_name,
    })),
  };
}

export function presentUnitType(t: Database['unit_type']): TUnitType {
  return {
    code: t.code,
    nameVi: t.name_vi,
    nameEn: t.name_en,
    shortVi: t.short_vi,
    shortEn: t.short_en,
    level: t.level,
    grassroots: t.grassroots === 1,
    allowedParents: JSON.parse(t.allowed_parents) as string[],
    validFrom: t.valid_from,
    validTo: t.valid_to,
  };
}

export function presentEvent(e: {
  id: number;
  kind: string;
  unit_id: number;
  effective_date: string;
  related_unit_id: number | null;
  related_unit_name: string | null;
  decision_no: string | null;
  decision_date: string | null;
  note: string | null;
  created_at: string;
  created_by: string | null;
}): TOrgEvent {
  return {
    id: e.id,
    kind: e.kind as TOrgEvent['kind'],
    unitId: e.unit_id,
    effectiveDate: e.effective_date,
    relatedUnitId: e.related_unit_id,
    relatedUnitName: e.related_unit_name,
    decisionNo: e.decision_no,
    decisionDate: e.decision_date,
    note: e.note,
    createdAt: e.created_at,
    createdBy: e.created_by,
  };
}
