import type { z } from 'zod';
import type {
  TAdmissionDocument,
  TMember,
  TMemberCounts,
  TMemberDetail,
  TPossibleTransfer,
  ZAdmission,
  ZAdmissionResult,
  ZAnonymiseResult,
  ZCardInput,
  ZHonoraryInput,
  ZLeaveInput,
  ZMemberList,
  ZMembersConfig,
  ZPartyIntroduction,
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPossibleTransferList,
  ZTransferInput,
} from '../../../shared/members/contract.js';
import { api, downloadUrl } from '../../app/api/client.js';

export type { TAdmissionDocument, TMember, TMemberCounts, TMemberDetail, TPossibleTransfer };
export type TPossibleTransferList = z.infer<typeof ZPossibleTransferList>;
export type TMemberList = z.infer<typeof ZMemberList>;
export type TMembersConfig = z.infer<typeof ZMembersConfig>;
export type TAdmissionResult = z.infer<typeof ZAdmissionResult>;
export type TPartyIntroduction = z.infer<typeof ZPartyIntroduction>;
export type AdmissionInput = z.input<typeof ZAdmission>;
export type AdmissionPersonInput = AdmissionInput['people'][number];
export type CardInput = z.input<typeof ZCardInput>;
export type TransferInput = z.input<typeof ZTransferInput>;
export type LeaveInput = z.input<typeof ZLeaveInput>;
export type HonoraryInput = z.input<typeof ZHonoraryInput>;
export type PartyCreateInput = z.input<typeof ZPartyIntroductionCreate>;
export type PartyPatchInput = z.input<typeof ZPartyIntroductionPatch>;
export type TAnonymiseResult = z.infer<typeof ZAnonymiseResult>;

// Kept here rather than imported from the contract, so zod stays out of the bundle.
export const STATUSES = [
  'active',
  'transferred',
  'left',
  'expelled',
  'honorary',
] as const satisfies readonly TMember['status'][];
export const GENDERS = ['male', 'female'] as const satisfies readonly TMember['gender'][];
export const PARTY_STATUSES = [
  'introduced',
  'in_training',
  'admitted',
  'not_admitted',
] as const satisfies readonly TPartyIntroduction['status'][];

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
};
export type MemberListQuery = MemberFilter & { limit?: number; offset?: number };

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
  config: () => api.get<TMembersConfig>('/api/members/config'),
  list: (q: MemberListQuery) => api.get<TMemberList>('/api/members', q),
  counts: (q: { unitId?: number; from: string; to: string }) => api.get<TMemberCounts>('/api/members/counts', q),
  detail: (id: number) => api.get<TMemberDetail>(`/api/members/${id}`),
  admit: (input: AdmissionInput) => api.post<TAdmissionResult>('/api/members/admissions', input),
  revealCccd: (id: number) => api.post<{ cccd: string }>(`/api/members/${id}/reveal-cccd`),
  issueCard: (id: number, input: CardInput) => api.post<TMemberDetail>(`/api/members/${id}/card`, input),
  transfer: (id: number, input: TransferInput) => api.post<TMemberDetail>(`/api/members/${id}/transfer`, input),
  leave: (id: number, input: LeaveInput) => api.post<TMemberDetail>(`/api/members/${id}/leave`, input),
  honorary: (id: number, input: HonoraryInput) => api.post<TMemberDetail>(`/api/members/${id}/honorary`, input),
  introduce: (id: number, input: PartyCreateInput) =>
    api.post<TPartyIntroduction>(`/api/members/${id}/party-introductions`, input),
  updateParty: (id: number, input: PartyPatchInput) =>
    api.patch<TPartyIntroduction>(`/api/party-introductions/${id}`, input),
  anonymise: (id: number, reason: string) => api.post<TAnonymiseResult>(`/api/members/${id}/anonymise`, { reason }),
  documents: (id: number) => api.get<TAdmissionDocument[]>(`/api/members/${id}/documents`),
  possibleTransfers: (unitId: number | undefined) =>
    api.get<TPossibleTransferList>('/api/members/possible-transfers', { unitId, limit: 200 }),
  dismissPossibleTransfer: (id: number, note: string) =>
    api.post<TPossibleTransfer>(`/api/members/possible-transfers/${id}/dismiss`, { note }),
  /** The scan of an application or decision, keyed on the server by unit and decision number. */
  uploadDocument: (unitId: number, decisionNo: string, kind: 'application' | 'decision', file: File) => {
    const form = new FormData();
    // Fields before the file: the server reads them as the file part arrives.
    form.append('unitId', String(unitId));
    form.append('decisionNo', decisionNo);
    form.append('kind', kind);
    form.append('file', file, file.name);
    return api.upload<TAdmissionDocument>('/api/members/admission-documents', form);
  },
  documentUrl: (docId: number) => downloadUrl(`/api/admission-documents/${docId}/file`),
  /** The .xlsx of exactly the filtered list (no paging); audited on the server. */
  exportUrl: (f: MemberFilter) => downloadUrl('/api/members/export', f),
  /** The person's own record, for a data-subject request; audited on the server. */
  personalDataUrl: (id: number) => downloadUrl(`/api/members/${id}/personal-data`),
};
