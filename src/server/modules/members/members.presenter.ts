import type { TMember, TMemberDetail } from '../../../shared/members/contract.js';
import type { Db } from '../../db/database.js';
import { type Actor, hasPermission, isUnitInScope, requireScope, type Scope } from '../../platform/scope.js';
import type { MemberDetailRow, MemberRow, PartyRow } from './members.repository.js';

/**
 * Row → response, and the one place that decides whether sensitive data (identity number in clear,
 * ethnicity, religion, Party introductions) may leave the server. Lists never carry it at all.
 */
export async function sensitiveAccess(db: Db, actor: Actor, unitId: number): Promise<boolean> {
  // sensitive.read is scoped like every permission: an admin of district A sees A's, not B's.
  if (!hasPermission(actor, 'sensitive.read')) return false;
  return isUnitInScope(db, unitId, await requireScope(db, actor, 'sensitive.read'));
}

/**
 * Whether sensitive columns (ethnicity, religion) may go into an export of a whole scope: only when
 * sensitive.read covers every part of it — one district outside it and the columns stay out for all.
 */
export async function sensitiveOverScope(db: Db, actor: Actor, scope: Scope): Promise<boolean> {
  if (!hasPermission(actor, 'sensitive.read')) return false;
  const allowed = await requireScope(db, actor, 'sensitive.read');
  // Scope ranges are subtree prefixes: a range is covered when one of the allowed prefixes starts it.
  return scope.ranges.every((r) => allowed.ranges.some((a) => r.from.startsWith(a.from)));
}

export function presentMember(r: MemberRow): TMember {
  return {
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender as TMember['gender'],
    cccdMasked: r.cccd_masked,
    cccdKind: r.cccd_kind as TMember['cccdKind'],
    phone: r.phone,
    nationality: r.nationality,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status as TMember['status'],
    informal: Number(r.informal) === 1,
    foreign: Number(r.foreign) === 1,
    admittedOn: r.admitted_on,
    decisionNo: r.decision_no,
    startedOn: r.started_on,
    cardNo: r.card_no,
    cardIssuedOn: r.card_issued_on,
    endedOn: r.ended_on,
    transferredFromId: r.transferred_from_id,
    employerEnterpriseId: r.employer_enterprise_id,
    employerName: r.employer_name,
    informalTradeCode: r.informal_trade_code,
  };
}

export function presentParty(r: PartyRow) {
  return {
    id: r.id,
    membershipId: r.membership_id,
    personId: r.person_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    introducedOn: r.introduced_on,
    partyOrganisation: r.party_organisation,
    status: r.status as 'introduced' | 'in_training' | 'admitted' | 'not_admitted',
    statusDate: r.status_date,
    note: r.note,
  };
}

export function presentDetail(
  r: MemberDetailRow,
  events: TMemberDetail['events'],
  sensitive: { allowed: boolean; party: PartyRow[] },
): TMemberDetail {
  return {
    ...presentMember(r),
    applicationDate: r.application_date,
    ceremonyDate: r.ceremony_date,
    endReason: r.end_reason,
    address: r.address,
    adminAreaCode: r.admin_area_code,
    adminAreaName: r.admin_area_name,
    educationCode: r.education_code,
    occupation: r.occupation,
    socialInsuranceNo: r.social_insurance_no,
    events,
    sensitive: sensitive.allowed
      ? {
          ethnicityCode: r.ethnicity_code,
          religionCode: r.religion_code,
          partyIntroductions: sensitive.party.map(presentParty),
        }
      : null,
  };
}
