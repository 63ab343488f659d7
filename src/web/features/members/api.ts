import type { z } from 'zod';
import type {
  TMember,
  TMemberCounts,
  TMemberDetail,
  TPartyIntroduction,
  TPossibleTransfer,
  ZAdmission,
  ZAdmissionResult,
  ZCardInput,
  ZHonoraryInput,
  ZLeaveInput,
  ZMembersConfig,
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZTransferInput,
} from '../../../shared/members/contract.js';
import { call, fileUrl, uploadTo } from '../../app/api/client.js';

export type { TMember, TMemberCounts, TMemberDetail, TPartyIntroduction, TPossibleTransfer };
export type TMembersConfig = z.infer<typeof ZMembersConfig>;
export type TAdmissionResult = z.infer<typeof ZAdmissionResult>;
type AdmissionInput = z.input<typeof ZAdmission>;
type CardInput = z.input<typeof ZCardInput>;
type TransferInput = z.input<typeof ZTransferInput>;
type LeaveInput = z.input<typeof ZLeaveInput>;
type HonoraryInput = z.input<typeof ZHonoraryInput>;
type PartyCreateInput = z.input<typeof ZPartyIntroductionCreate>;
type PartyPatchInput = z.input<typeof ZPartyIntroductionPatch>;

// From the zod-free enums file, so zod stays out of the bundle.
export { GENDERS, MEMBERSHIP_STATUSES as STATUSES, PARTY_STATUSES } from '../../../shared/members/enums.js';

/** The list's filters as the server names them (booleans travel as 'true'/'false'); undefined means "any". */
export type MemberFilter = {
  q?: string;
  unitId?: number;
  status?: TMember['status'];
  informal?: boolean;
  foreign?: boolean;
  gender?: TMember['gender'];
  employerEnterpriseId?: number;
  informalTradeCode?: string;
  admittedFrom?: string;
  admittedTo?: string;
  cardIssued?: boolean;
  /** Drill-down filters (a plan's figure → its records): no control of their own, cleared with the rest. */
  transferred?: boolean;
  partyFrom?: string;
  partyTo?: string;
  partyAdmittedFrom?: string;
  partyAdmittedTo?: string;
  endedFrom?: string;
  endedTo?: string;
};
export type MemberListQuery = MemberFilter & { limit?: number; offset?: number };

const yesNo = (b: boolean | undefined) => (b === undefined ? undefined : b ? ('true' as const) : ('false' as const));
/** The filters as the query string carries them. */
const asQuery = <F extends MemberFilter>(f: F) => ({
  ...f,
  informal: yesNo(f.informal),
  foreign: yesNo(f.foreign),
  cardIssued: yesNo(f.cardIssued),
  transferred: yesNo(f.transferred),
});

/** Every members query key starts with 'members': one invalidation refreshes lists, counts and details. */
export const memberKeys = {
  all: ['members'] as const,
  config: ['members', 'config'] as const,
  list: (q: MemberListQuery) => ['members', 'list', q] as const,
  counts: (unitId: number | undefined, from: string, to: string) =>
    ['members', 'counts', unitId ?? 0, from, to] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
  documents: (id: number) => ['members', 'documents', id] as const,
  possibleTransfers: (unitId: number | undefined) => ['members', 'possible-transfers', unitId ?? 0] as const,
};

export const membersApi = {
  config: () => call('GET /api/members/config'),
  list: (q: MemberListQuery) => call('GET /api/members', { query: asQuery(q) }),
  counts: (query: { unitId?: number; from: string; to: string }) => call('GET /api/members/counts', { query }),
  detail: (id: number) => call('GET /api/members/:membershipId', { params: { membershipId: id } }),
  admit: (body: AdmissionInput) => call('POST /api/members/admissions', { body }),
  revealCccd: (id: number) => call('POST /api/members/:membershipId/reveal-cccd', { params: { membershipId: id } }),
  issueCard: (id: number, body: CardInput) =>
    call('POST /api/members/:membershipId/card', { params: { membershipId: id }, body }),
  transfer: (id: number, body: TransferInput) =>
    call('POST /api/members/:membershipId/transfer', { params: { membershipId: id }, body }),
  leave: (id: number, body: LeaveInput) =>
    call('POST /api/members/:membershipId/leave', { params: { membershipId: id }, body }),
  honorary: (id: number, body: HonoraryInput) =>
    call('POST /api/members/:membershipId/honorary', { params: { membershipId: id }, body }),
  introduce: (id: number, body: PartyCreateInput) =>
    call('POST /api/members/:membershipId/party-introductions', { params: { membershipId: id }, body }),
  updateParty: (id: number, body: PartyPatchInput) =>
    call('PATCH /api/party-introductions/:id', { params: { id }, body }),
  anonymise: (id: number, reason: string) =>
    call('POST /api/members/:membershipId/anonymise', { params: { membershipId: id }, body: { reason } }),
  documents: (id: number) => call('GET /api/members/:membershipId/documents', { params: { membershipId: id } }),
  possibleTransfers: (unitId: number | undefined) =>
    call('GET /api/members/possible-transfers', { query: { unitId, limit: 200 } }),
  dismissPossibleTransfer: (id: number, note: string) =>
    call('POST /api/members/possible-transfers/:id/dismiss', { params: { id }, body: { note } }),
  /** The scan of an application or decision, keyed on the server by unit and decision number. */
  uploadDocument: (unitId: number, decisionNo: string, kind: 'application' | 'decision', file: File) => {
    const form = new FormData();
    // Fields before the file: the server reads them as the file part arrives.
    form.append('unitId', String(unitId));
    form.append('decisionNo', decisionNo);
    form.append('kind', kind);
    form.append('file', file, file.name);
    return uploadTo('POST /api/members/admission-documents', form);
  },
  documentUrl: (docId: number) => fileUrl('GET /api/admission-documents/:id/file', { params: { id: docId } }),
  /** The .xlsx of exactly the filtered list (no paging); audited on the server. */
  exportUrl: (f: MemberFilter) => fileUrl('GET /api/members/export', { query: asQuery(f) }),
  /** The person's own record, for a data-subject request; audited on the server. */
  personalDataUrl: (id: number) =>
    fileUrl('GET /api/members/:membershipId/personal-data', { params: { membershipId: id } }),
};
