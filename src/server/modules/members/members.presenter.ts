import type {
  TAdmissionDocument,
  TMember,
  TMemberDetail,
  TPartyIntroduction,
  TPossibleTransfer,
} from '../../../shared/members/contract.js';
import type { DocumentRow } from './members.documents.repository.js';
import type { PossibleTransferRow } from './members.notices.repository.js';
import type { PartyRow } from './members.party.repository.js';
import type { EventRow, MemberDetailRow, MemberRow } from './members.repository.js';

/**
 * Rows → answers. Lists never carry sensitive data at all; the detail's sensitive block, the number in
 * clear and Party introductions are opened by the gate (members.sensitive.ts) and only shaped here.
 */
export function presentMember(r: MemberRow): TMember {
  return {
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    cccdMasked: r.cccd_masked,
    cccdKind: r.cccd_kind,
    phone: r.phone,
    nationality: r.nationality,
    unitId: r.unit_id,
    unitName: r.unit_name,
    status: r.status,
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

export function presentParty(r: PartyRow): TPartyIntroduction {
  return {
    id: r.id,
    membershipId: r.membership_id,
    personId: r.person_id,
    fullName: r.full_name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    introducedOn: r.introduced_on,
    partyOrganisation: r.party_organisation,
    status: r.status as TPartyIntroduction['status'],
    statusDate: r.status_date,
    note: r.note,
  };
}

/** An event; `relatedVisible` says whether the other end of a transfer lies in the caller's scope. */
export function presentEvent(e: EventRow, relatedVisible: boolean): TMemberDetail['events'][number] {
  return {
    id: e.id,
    kind: e.kind as TMemberDetail['events'][number]['kind'],
    eventDate: e.event_date,
    decisionNo: e.decision_no,
    decisionDate: e.decision_date,
    relatedUnitId: relatedVisible ? e.related_unit_id : null,
    relatedUnitName: relatedVisible ? e.related_unit_name : null,
    note: e.note,
  };
}

export function presentDetail(
  r: MemberDetailRow,
  events: TMemberDetail['events'],
  sensitive: TMemberDetail['sensitive'],
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
    sensitive,
  };
}

export function presentDocument(r: Omit<DocumentRow, 'storage_path'>): TAdmissionDocument {
  return {
    id: r.id,
    unitId: r.unit_id,
    decisionNo: r.decision_no,
    kind: r.kind as TAdmissionDocument['kind'],
    fileName: r.file_name,
    mime: r.mime,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by_name,
    uploadedAt: r.uploaded_at,
  };
}

/** Each side learns of the other only as far as its scope reaches; a common superior sees both. */
export function presentPossibleTransfer(
  r: PossibleTransferRow,
  sees: { holding: boolean; requesting: boolean },
): TPossibleTransfer {
  const { holding, requesting } = sees;
  return {
    id: r.id,
    personId: r.person_id,
    fullName: r.full_name,
    cccdMasked: r.cccd_masked,
    side: holding && requesting ? 'both' : holding ? 'holding' : 'requesting',
    holdingMembershipId: holding ? r.holding_membership_id : null,
    holdingUnit: holding ? { id: r.holding_unit_id, name: r.holding_unit_name } : null,
    requestingUnit: requesting ? { id: r.requesting_unit_id, name: r.requesting_unit_name } : null,
    source: r.source as TPossibleTransfer['source'],
    requestedAt: r.requested_at,
    closedAt: r.closed_at,
    resolution: r.resolution as TPossibleTransfer['resolution'],
    note: r.note,
  };
}
