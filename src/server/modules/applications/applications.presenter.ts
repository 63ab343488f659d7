import type { TApplication } from '../../../shared/applications/contract.js';
import type { ApplicationRow } from './applications.repository.js';

/**
 * The one exit for an application: the CCCD only masked (its cipher text and hash never leave), and
 * the unit of an existing membership only when the caller may see that unit.
 */
export function presentApplication(r: ApplicationRow, activeUnitVisible: boolean): TApplication {
  let warnings: string[] = [];
  try {
    const parsed: unknown = JSON.parse(r.cccd_warnings);
    if (Array.isArray(parsed)) warnings = parsed.filter((w): w is string => typeof w === 'string');
  } catch {
    warnings = [];
  }
  return {
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    unitIsGrassroots: r.grassroots === 1,
    status: r.status as TApplication['status'],
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender as TApplication['gender'],
    cccdMasked: r.cccd_masked,
    cccdWarnings: warnings,
    phone: r.phone,
    workplace: r.workplace,
    informalTradeCode: r.informal_trade_code,
    informalTradeName: r.informal_trade_name ?? null,
    consentVersion: r.consent_version,
    consentAt: r.consent_at,
    submittedAt: r.submitted_at,
    submittedOn: r.submitted_on,
    decidedAt: r.decided_at,
    rejectReason: r.reject_reason,
    membershipId: r.membership_id,
    // The membership this application created is not "elsewhere".
    activeElsewhere:
      r.active_membership_id !== null && r.active_membership_id !== r.membership_id
        ? {
            unitId: activeUnitVisible ? r.active_unit_id : null,
            unitName: activeUnitVisible ? r.active_unit_name : null,
          }
        : null,
  };
}
