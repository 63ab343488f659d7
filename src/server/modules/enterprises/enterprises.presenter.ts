import type { TEnterprise } from '../../../shared/enterprises/contract.js';
import type { EnterpriseRow } from './enterprises.repository.js';

/** Row → response. Contact people and phones are only in the detail's surveys, never in lists. */
export function presentEnterprise(r: EnterpriseRow, withPeriod: boolean): TEnterprise {
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    mst: r.mst,
    name: r.name,
    shortName: r.short_name,
    address: r.address,
    adminAreaCode: r.admin_area_code,
    adminAreaName: r.admin_area_name,
    ownershipCode: r.ownership_code,
    industry: r.industry,
    officerUserId: r.officer_user_id,
    officerName: r.officer_name,
    grassrootsUnitId: r.grassroots_unit_id,
    grassrootsUnitName: r.grassroots_unit_name,
    workerCount: r.worker_count,
    femaleCount: r.female_count,
    memberCount: r.member_count,
    lastSurveyDate: r.last_survey_date,
    lastContactDate: r.last_contact_date,
    duplicateReason: r.duplicate_reason,
    nonState: Number(r.non_state) === 1,
    inSurveyScope: Number(r.in_scope) === 1,
    eligibleForFounding: Number(r.eligible) === 1,
    hasUnion: r.grassroots_unit_id !== null,
    reachedInPeriod: withPeriod ? Number(r.reached) === 1 : null,
  };
}
