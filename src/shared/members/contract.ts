import { z } from 'zod';
import { ZId, ZIdParams, ZIsoDate, zOptionalText, zQueryBool, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { ZAdmissionDocument, ZAdmissionDocumentList } from './documents.js';
import { membersMessages as M } from './messages.js';
import {
  ZPartyIntroduction,
  ZPartyIntroductionCreate,
  ZPartyIntroductionPatch,
  ZPartyList,
  ZPartyQuery,
} from './party.js';
import {
  ZPossibleTransfer,
  ZPossibleTransferDismiss,
  ZPossibleTransferList,
  ZPossibleTransferQuery,
} from './possible-transfers.js';

export * from './documents.js';
export * from './party.js';
export * from './possible-transfers.js';

import { GENDERS, ID_KINDS, MEMBERSHIP_EVENT_KINDS, MEMBERSHIP_STATUSES } from './enums.js';

export * from './enums.js';

const zCode = z.string().trim().min(1).max(40);

/**
 * One person of an admission decision. The identity number, phone and codes are checked on the server,
 * where the message can name the row (`people.3.cccd`). For a foreign national `cccd` carries the
 * passport number.
 */
export const ZAdmissionPerson = z
  .object({
    fullName: zText(120),
    birthDate: ZIsoDate,
    gender: z.enum(GENDERS, { message: M.genderEnum.key }),
    cccd: z.string().max(30, { message: M.cccdTooLong.key }),
    phone: zOptionalText(30),
    ethnicityCode: zCode.nullish(),
    religionCode: zCode.nullish(),
    /** ISO 3166-1 alpha-2; Vietnamese unless said otherwise. */
    nationality: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { message: M.nationalityCode.key })
      .default('VN'),
    employerEnterpriseId: ZId.nullish(),
    informalTradeCode: zCode.nullish(),
    educationCode: zCode.nullish(),
    occupation: zOptionalText(255),
    address: zOptionalText(500),
    adminAreaCode: zOptionalText(10),
    adminAreaName: zOptionalText(255),
    socialInsuranceNo: zOptionalText(20),
    /** The officer checked the documents and confirms data the identity number disagrees with. */
    confirmWarnings: z.boolean().default(false),
  })
  .strict();
export type TAdmissionPerson = z.output<typeof ZAdmissionPerson>;

/** An admission decision of a grassroots union: one person (Mẫu 5a) or a group application (Mẫu 5b). */
export const ZAdmission = z
  .object({
    unitId: ZId,
    applicationDate: ZIsoDate,
    decisionNo: zText(60),
    decisionDate: ZIsoDate,
    ceremonyDate: ZIsoDate.nullish(),
    people: z.array(ZAdmissionPerson).min(1, { message: M.peopleMin.key }).max(200, { message: M.peopleMax.key }),
  })
  .strict();
export type TAdmission = z.output<typeof ZAdmission>;

export const ZMembershipParams = z.object({ membershipId: ZId }).strict();

export const ZCardInput = z.object({ cardNo: zText(40), issuedOn: ZIsoDate }).strict();
export const ZTransferInput = z
  .object({ toUnitId: ZId, date: ZIsoDate, decisionNo: zOptionalText(60), note: zOptionalText(1000) })
  .strict();
export const ZLeaveInput = z
  .object({
    date: ZIsoDate,
    reason: zText(1000),
    kind: z.enum(['left', 'expelled']),
    decisionNo: zOptionalText(60),
  })
  .strict();
export const ZHonoraryInput = z.object({ date: ZIsoDate, note: zText(1000) }).strict();

export const ZMemberQuery = z
  .object({
    unitId: ZId.optional(),
    status: z.enum(MEMBERSHIP_STATUSES).optional(),
    informal: zQueryBool.optional(),
    foreign: zQueryBool.optional(),
    gender: z.enum(GENDERS).optional(),
    employerEnterpriseId: ZId.optional(),
    informalTradeCode: z.string().max(40).optional(),
    admittedFrom: ZIsoDate.optional(),
    admittedTo: ZIsoDate.optional(),
    cardIssued: zQueryBool.optional(),
    /** false: only admissions, not memberships that came by transfer (the T3 drill). */
    transferred: zQueryBool.optional(),
    /** Introduced to the Party in the period (by the introducing unit on that day, as the figure counts). */
    partyFrom: ZIsoDate.optional(),
    partyTo: ZIsoDate.optional(),
    /** Admitted to the Party in the period. */
    partyAdmittedFrom: ZIsoDate.optional(),
    partyAdmittedTo: ZIsoDate.optional(),
    /** Left the organisation (left or expelled, not by a transfer) in the period. */
    endedFrom: ZIsoDate.optional(),
    endedTo: ZIsoDate.optional(),
    /** A name fragment (accents optional), an exact CCCD/CMND, or the start of a phone number. */
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TMemberQuery = z.output<typeof ZMemberQuery>;

/** A list row: the identity number only masked, and never ethnicity, religion or Party data. */
export const ZMember = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  cccdMasked: z.string(),
  cccdKind: z.enum(ID_KINDS),
  phone: z.string().nullable(),
  nationality: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  status: z.enum(MEMBERSHIP_STATUSES),
  informal: z.boolean(),
  foreign: z.boolean(),
  admittedOn: z.string(),
  decisionNo: z.string().nullable(),
  startedOn: z.string(),
  cardNo: z.string().nullable(),
  cardIssuedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  transferredFromId: z.number().int().nullable(),
  employerEnterpriseId: z.number().int().nullable(),
  employerName: z.string().nullable(),
  informalTradeCode: z.string().nullable(),
});
export type TMember = z.infer<typeof ZMember>;

export const ZMemberList = z.object({
  total: z.number().int(),
  /** More matched than the list counts (total is then the cap): the screen says "more than". */
  totalCapped: z.boolean(),
  items: z.array(ZMember),
});

export const ZMembershipEvent = z.object({
  id: z.number().int(),
  kind: z.enum(MEMBERSHIP_EVENT_KINDS),
  eventDate: z.string(),
  decisionNo: z.string().nullable(),
  decisionDate: z.string().nullable(),
  /** Null when the other unit lies outside the caller's scope. */
  relatedUnitId: z.number().int().nullable(),
  relatedUnitName: z.string().nullable(),
  note: z.string().nullable(),
});

export const ZMemberDetail = ZMember.extend({
  applicationDate: z.string().nullable(),
  ceremonyDate: z.string().nullable(),
  endReason: z.string().nullable(),
  address: z.string().nullable(),
  adminAreaCode: z.string().nullable(),
  adminAreaName: z.string().nullable(),
  educationCode: z.string().nullable(),
  occupation: z.string().nullable(),
  socialInsuranceNo: z.string().nullable(),
  events: z.array(ZMembershipEvent),
  /** Present only for callers holding sensitive.read over the member's unit; otherwise null. */
  sensitive: z
    .object({
      ethnicityCode: z.string().nullable(),
      religionCode: z.string().nullable(),
      partyIntroductions: z.array(ZPartyIntroduction),
    })
    .nullable(),
});
export type TMemberDetail = z.infer<typeof ZMemberDetail>;

export const ZAdmissionResult = z.object({
  decisionNo: z.string(),
  unitId: z.number().int(),
  admitted: z.array(
    z.object({
      membershipId: z.number().int(),
      personId: z.number().int(),
      fullName: z.string(),
      cccdMasked: z.string(),
      /** The person was known from an earlier membership that had ended. */
      readmitted: z.boolean(),
    }),
  ),
});

export const ZRevealed = z.object({ cccd: z.string() });

export const ZCountsQuery = z
  .object({ unitId: ZId.optional(), from: ZIsoDate.optional(), to: ZIsoDate.optional() })
  .strict();

/**
 * Member movement of a subtree in a period, computed from the records (plan targets T3/T4).
 * admitted: admission decisions dated in the period (a transfer is not an admission);
 * left: memberships ended by leaving or expulsion in the period; net = admitted − left;
 * transfersIn/Out: moves across the subtree's boundary (moves inside it are neither);
 * activeAtEnd: memberships running on the last day.
 */
export const ZMemberCounts = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  admitted: z.number().int(),
  admittedInformal: z.number().int(),
  admittedFemale: z.number().int(),
  admittedForeign: z.number().int(),
  left: z.number().int(),
  net: z.number().int(),
  transfersIn: z.number().int(),
  transfersOut: z.number().int(),
  partyIntroduced: z.number().int(),
  activeAtEnd: z.number().int(),
});
export type TMemberCounts = z.infer<typeof ZMemberCounts>;

export const ZCodeItem = z.object({
  code: z.string(),
  nameVi: z.string(),
  nameEn: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export const ZMembersConfig = z.object({
  codeLists: z.object({
    ethnicity: z.array(ZCodeItem),
    religion: z.array(ZCodeItem),
    informal_trade: z.array(ZCodeItem),
    education: z.array(ZCodeItem),
  }),
  foreignAllowedFrom: z.string(),
});

// ---------------------------------------------------------------- export, personal data, anonymisation, documents

/** The member list's own filters, without paging: an export holds every row of the filtered list. */
export const ZMemberExportQuery = ZMemberQuery.omit({ limit: true, offset: true });
export type TMemberExportQuery = z.output<typeof ZMemberExportQuery>;

/** Shown instead of the identity number (and card number) of an anonymised person, everywhere. */
export const ANONYMISED_MASK = 'Đã ẩn danh';

export const ZAnonymiseInput = z.object({ reason: zText(1000) }).strict();
export const ZAnonymiseResult = z.object({
  personId: z.number().int(),
  anonymisedAt: z.string(),
  /** Memberships kept (without identifying data) so the reports' figures stay the same. */
  membershipsKept: z.number().int(),
});

// ---------------------------------------------------------------- the routes

export const membersApi = {
  'GET /api/members/config': {
    summary: 'Danh mục dân tộc, tôn giáo, nghề tự do, trình độ; ngày bắt đầu kết nạp người nước ngoài',
    response: ZMembersConfig,
  },
  'POST /api/members/admissions': {
    summary: 'Quyết định kết nạp một hoặc nhiều người (đơn tập thể, Mẫu 5b); tất cả hoặc không',
    body: ZAdmission,
    response: ZAdmissionResult,
    status: 201,
  },
  'GET /api/members': {
    summary: 'Danh sách đoàn viên (lọc; tìm theo tên không dấu, số CCCD đúng, đầu số điện thoại)',
    query: ZMemberQuery,
    response: ZMemberList,
  },
  'GET /api/members/counts': {
    summary: 'Kết nạp, ra khỏi, chuyển đi/đến, giới thiệu Đảng, đang sinh hoạt — tính từ bản ghi',
    query: ZCountsQuery,
    response: ZMemberCounts,
  },
  'GET /api/members/possible-transfers': {
    summary:
      'Có thể chuyển sinh hoạt: người đang sinh hoạt ở đơn vị này được đề nghị kết nạp ở đơn vị khác, và ngược lại',
    query: ZPossibleTransferQuery,
    response: ZPossibleTransferList,
  },
  'POST /api/members/possible-transfers/:id/dismiss': {
    summary: 'Đóng đề nghị không phải chuyển sinh hoạt (ghi lý do)',
    params: ZIdParams,
    body: ZPossibleTransferDismiss,
    response: ZPossibleTransfer,
  },
  'GET /api/members/export': {
    summary: 'Xuất Excel đúng danh sách đang lọc (mọi dòng; CCCD che bớt; được ghi nhật ký)',
    query: ZMemberExportQuery,
    file: true,
  },
  'GET /api/members/:membershipId': {
    summary: 'Chi tiết đoàn viên với các sự kiện (CCCD che bớt)',
    params: ZMembershipParams,
    response: ZMemberDetail,
  },
  'POST /api/members/:membershipId/reveal-cccd': {
    summary: 'Xem số CCCD đầy đủ (cần quyền dữ liệu nhạy cảm; được ghi nhật ký)',
    params: ZMembershipParams,
    response: ZRevealed,
  },
  'POST /api/members/:membershipId/card': {
    summary: 'Ghi nhận cấp thẻ đoàn viên',
    params: ZMembershipParams,
    body: ZCardInput,
    response: ZMemberDetail,
  },
  'POST /api/members/:membershipId/transfer': {
    summary: 'Chuyển sinh hoạt sang công đoàn cơ sở khác (không tính là kết nạp)',
    params: ZMembershipParams,
    body: ZTransferInput,
    response: ZMemberDetail,
  },
  'POST /api/members/:membershipId/leave': {
    summary: 'Ra khỏi tổ chức công đoàn hoặc khai trừ',
    params: ZMembershipParams,
    body: ZLeaveInput,
    response: ZMemberDetail,
  },
  'POST /api/members/:membershipId/honorary': {
    summary: 'Chuyển thành đoàn viên danh dự',
    params: ZMembershipParams,
    body: ZHonoraryInput,
    response: ZMemberDetail,
  },
  'POST /api/members/:membershipId/party-introductions': {
    summary: 'Giới thiệu đoàn viên ưu tú cho Đảng (cần quyền dữ liệu nhạy cảm)',
    params: ZMembershipParams,
    body: ZPartyIntroductionCreate,
    response: ZPartyIntroduction,
    status: 201,
  },
  'PATCH /api/party-introductions/:id': {
    summary: 'Cập nhật kết quả giới thiệu Đảng',
    params: ZIdParams,
    body: ZPartyIntroductionPatch,
    response: ZPartyIntroduction,
  },
  'GET /api/party-introductions': {
    summary: 'Danh sách giới thiệu Đảng (chỉ người có quyền dữ liệu nhạy cảm; số lượng xem ở /api/members/counts)',
    query: ZPartyQuery,
    response: ZPartyList,
  },
  'GET /api/members/:membershipId/personal-data': {
    summary: 'Xuất toàn bộ dữ liệu cá nhân của một người để cung cấp cho chính họ (cần quyền dữ liệu nhạy cảm)',
    params: ZMembershipParams,
    file: true,
  },
  'POST /api/members/:membershipId/anonymise': {
    summary: 'Ẩn danh một người theo yêu cầu (không hoàn tác; giữ số liệu báo cáo)',
    params: ZMembershipParams,
    body: ZAnonymiseInput,
    response: ZAnonymiseResult,
  },
  'GET /api/members/:membershipId/documents': {
    summary: 'Hồ sơ kết nạp (đơn, quyết định) của quyết định đã kết nạp đoàn viên này',
    params: ZMembershipParams,
    response: ZAdmissionDocumentList,
  },
  'GET /api/admission-documents/:id/file': {
    summary: 'Tải bản chụp hồ sơ kết nạp (cần quyền dữ liệu nhạy cảm; được ghi nhật ký)',
    params: ZIdParams,
    file: true,
  },
  'POST /api/members/admission-documents': {
    summary: 'Tải lên bản chụp đơn hoặc quyết định kết nạp — multipart: unitId, decisionNo, kind, rồi file',
    response: ZAdmissionDocument,
    status: 201,
    upload: true,
  },
} as const satisfies RouteTable;
