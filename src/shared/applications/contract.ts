import { z } from 'zod';
import { ZId, ZIdParams, ZIsoDate, ZOk, zText } from '../http/common.js';
import type { RouteTable } from '../http/route.js';
import { GENDERS, ZAdmissionResult } from '../members/contract.js';
import { applyFormMessages as F, applicationsMessages as M } from './messages.js';

/**
 * Self-application by QR link (admission path 2). A worker fills a short form on a phone without an
 * account; an officer of the unit approves it (→ the same admission as POST /api/members/admissions)
 * or rejects it with a reason.
 */
export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

// ---------------------------------------------------------------- public form

/**
 * Each field is only typed here, with a message naming it; what makes a value wrong (an empty name,
 * a CCCD that is not 12 digits, a phone prefix no carrier uses) is checked by the server in one place,
 * so every answer names the field the way the form labels it.
 */
const field = (name: keyof typeof F) =>
  z.string({ error: F[name].notText.key }).max(F[name].max, { error: F[name].tooLong.key }).optional();

export const ZApplySubmit = z
  .object({
    fullName: field('fullName'),
    /** ISO YYYY-MM-DD (the form shows dd/mm/yyyy). */
    birthDate: field('birthDate'),
    gender: field('gender'),
    cccd: field('cccd'),
    phone: field('phone'),
    workplace: field('workplace'),
    informalTradeCode: field('informalTradeCode'),
    /** Must be true: ticking the box is the consent (Law 91/2025/QH15, silence is not consent). */
    consent: z.boolean({ error: M.consentNotBoolean.key }).optional(),
    /** The consent text version the form showed, so a text changed meanwhile is read again. */
    consentVersion: field('consentVersion'),
    /** Honeypot: hidden from people, filled by bots. */
    website: z.string().max(2000).optional(),
  })
  .strict();
export type TApplySubmit = z.infer<typeof ZApplySubmit>;

export const ZApplyTokenParams = z
  .object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: M.tokenWrong.key }) })
  .strict();

export const ZConsentText = z.object({
  version: z.string(),
  validFrom: z.string(),
  purpose: z.string(),
  data: z.string(),
  controller: z.string(),
  rights: z.string(),
});
export type TConsentText = z.infer<typeof ZConsentText>;

export const ZApplyInfo = z.object({
  /** False when the link was replaced by a newer one or its unit no longer exists. */
  valid: z.boolean(),
  unitName: z.string(),
  /** The unit directly above (the federation), for the worker to recognise the union. */
  parentName: z.string().nullable(),
  consent: ZConsentText.nullable(),
  informalTrades: z.array(z.object({ code: z.string(), name: z.string() })),
  /** Today in the app's time zone: the form's date checks use the server's day, not the phone's. */
  today: z.string(),
});
export type TApplyInfo = z.infer<typeof ZApplyInfo>;

/** The same answer whether the application was stored or caught by the honeypot. */
export const ZApplySubmitted = z.object({ ok: z.literal(true), unitName: z.string(), phone: z.string() });

// ---------------------------------------------------------------- links (officers)

export const ZUnitParams = z.object({ unitId: ZId }).strict();

export const ZApplyLink = z.object({
  unitId: z.number().int(),
  unitName: z.string(),
  parentName: z.string().nullable(),
  url: z.string(),
  createdAt: z.string(),
  /** The QR code of `url` as an SVG document (scales to any print size). */
  qrSvg: z.string(),
});
export type TApplyLink = z.infer<typeof ZApplyLink>;
export const ZApplyLinkAnswer = z.object({ link: ZApplyLink.nullable() });

// ---------------------------------------------------------------- review queue (officers)

export const ZApplicationQuery = z
  .object({
    unitId: ZId.optional(),
    status: z.enum(APPLICATION_STATUSES).default('pending'),
    /** A name fragment (accents optional) or the start of a phone number. */
    q: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TApplicationQuery = z.output<typeof ZApplicationQuery>;

export const ZApplication = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** A grassroots union admits into itself; a federation unit's application needs a CĐCS chosen. */
  unitIsGrassroots: z.boolean(),
  status: z.enum(APPLICATION_STATUSES),
  fullName: z.string(),
  birthDate: z.string(),
  gender: z.enum(GENDERS),
  cccdMasked: z.string(),
  /** Where the CCCD disagrees with birth date or gender: to check against the card before approving. */
  cccdWarnings: z.array(z.string()),
  phone: z.string(),
  workplace: z.string().nullable(),
  informalTradeCode: z.string().nullable(),
  informalTradeName: z.string().nullable(),
  consentVersion: z.string(),
  consentAt: z.string(),
  submittedAt: z.string(),
  submittedOn: z.string(),
  decidedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  membershipId: z.number().int().nullable(),
  /**
   * Already an active member somewhere: a transfer, not an admission. The unit is named only when it
   * lies in the caller's scope (null otherwise).
   */
  activeElsewhere: z.object({ unitId: z.number().int().nullable(), unitName: z.string().nullable() }).nullable(),
});
export type TApplication = z.infer<typeof ZApplication>;
export const ZApplicationList = z.object({ total: z.number().int(), items: z.array(ZApplication) });

export const ZApprove = z
  .object({
    decisionNo: zText(60),
    decisionDate: ZIsoDate,
    ceremonyDate: ZIsoDate.nullish(),
    /** Required when the application came through a federation unit's link: the CĐCS to admit into. */
    unitId: ZId.nullish(),
    /** The officer checked the CCCD card and confirms data the number disagrees with. */
    confirmWarnings: z.boolean().default(false),
    /** An enterprise of the caller's scope matched to the free-text workplace. */
    employerEnterpriseId: ZId.nullish(),
  })
  .strict();
export type TApprove = z.output<typeof ZApprove>;

export const ZReject = z.object({ reason: zText(1000) }).strict();

/** Several applications admitted by one decision (a group admission): all or none. */
export const ZApproveMany = ZApprove.extend({
  ids: z
    .array(ZId)
    .min(1, { error: M.idsMin.key })
    .max(200, { error: M.idsMax.key })
    .refine((ids) => new Set(ids).size === ids.length, { error: M.idsTwice.key }),
}).strict();
export type TApproveMany = z.output<typeof ZApproveMany>;
export const ZApproveManyResult = z.object({ applications: z.array(ZApplication), admission: ZAdmissionResult });

export const ZApproveResult = z.object({ application: ZApplication, admission: ZAdmissionResult });

export const applicationsApi = {
  // ---- public: the worker's phone, no account. The session hook still refuses a cross-site Origin.
  'GET /api/public/apply/:token': {
    summary: 'Mẫu đơn xin gia nhập qua đường link/QR: đơn vị, nội dung đồng ý đang hiệu lực, danh mục nghề',
    params: ZApplyTokenParams,
    response: ZApplyInfo,
    public: true,
  },
  'POST /api/public/apply/:token': {
    summary: 'Gửi đơn xin gia nhập (không cần tài khoản; giới hạn số lần gửi)',
    params: ZApplyTokenParams,
    body: ZApplySubmit,
    response: ZApplySubmitted,
    status: 201,
    public: true,
  },

  // ---- officers
  'GET /api/applications/links/:unitId': {
    summary: 'Đường link xin gia nhập đang dùng của đơn vị (kèm mã QR), hoặc null',
    params: ZUnitParams,
    response: ZApplyLinkAnswer,
  },
  'POST /api/applications/links/:unitId': {
    summary: 'Tạo đường link xin gia nhập cho đơn vị (nếu đã có thì trả lại link đó)',
    params: ZUnitParams,
    response: ZApplyLinkAnswer,
    status: 201,
    alsoStatus: 200,
  },
  'POST /api/applications/links/:unitId/rotate': {
    summary: 'Đổi đường link mới; link và mã QR cũ hết hiệu lực ngay',
    params: ZUnitParams,
    response: ZApplyLinkAnswer,
  },
  'GET /api/applications': {
    summary: 'Đơn xin gia nhập của các đơn vị trong phạm vi (lọc theo đơn vị, trạng thái; tìm theo tên, số điện thoại)',
    query: ZApplicationQuery,
    response: ZApplicationList,
  },
  'GET /api/applications/:id': {
    summary: 'Chi tiết một đơn (CCCD che bớt)',
    params: ZIdParams,
    response: ZApplication,
  },
  'POST /api/applications/:id/approve': {
    summary: 'Duyệt đơn: quyết định kết nạp (cùng quy trình với kết nạp trực tiếp)',
    params: ZIdParams,
    body: ZApprove,
    response: ZApproveResult,
  },
  'POST /api/applications/approve': {
    summary: 'Duyệt nhiều đơn bằng một quyết định kết nạp (tất cả hoặc không)',
    body: ZApproveMany,
    response: ZApproveManyResult,
  },
  'POST /api/applications/:id/reject': {
    summary: 'Từ chối đơn (bắt buộc ghi lý do)',
    params: ZIdParams,
    body: ZReject,
    response: ZApplication,
  },
  'POST /api/applications/:id/erase': {
    summary: 'Xoá đơn chưa kết nạp theo yêu cầu của người nộp (rút lại sự đồng ý); ghi nhật ký lý do',
    params: ZIdParams,
    body: ZReject,
    response: ZOk,
  },
} as const satisfies RouteTable;
