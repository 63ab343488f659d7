import { z } from 'zod';
import { ZId, ZIsoDate, zOptionalText, zText } from '../http/common.js';

export const GENDERS = ['male', 'female'] as const;
export const MEMBERSHIP_STATUSES = ['active', 'transferred', 'left', 'expelled', 'honorary'] as const;
export const MEMBERSHIP_EVENT_KINDS = [
  'admitted',
  'card_issued',
  'transferred_out',
  'transferred_in',
  'left',
  'expelled',
  'honorary',
] as const;
export const PARTY_STATUSES = ['introduced', 'in_training', 'admitted', 'not_admitted'] as const;
export const CODE_LISTS = ['ethnicity', 'religion', 'informal_trade', 'education'] as const;

const zCode = z.string().trim().min(1).max(40);
const zBool = z.enum(['true', 'false']).transform((v) => v === 'true');

/**
 * One person of an admission decision. The identity number, phone and codes are checked on the server,
 * where the message can name the row (`people.3.cccd`). For a foreign national `cccd` carries the
 * passport number.
 */
export const ZAdmissionPerson = z
  .object({
    fullName: zText(120),
    birthDate: ZIsoDate,
    gender: z.enum(GENDERS, { message: 'Giới tính phải là nam (male) hoặc nữ (female)' }),
    cccd: z.string().max(30, { message: 'Số CCCD quá dài' }),
    phone: zOptionalText(30),
    ethnicityCode: zCode.nullish(),
    religionCode: zCode.nullish(),
    /** ISO 3166-1 alpha-2; Vietnamese unless said otherwise. */
    nationality: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, { message: 'Quốc tịch phải là mã 2 chữ cái (VN, KR, …)' })
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
    people: z
      .array(ZAdmissionPerson)
      .min(1, { message: 'Cần ít nhất một người được kết nạp' })
      .max(200, { message: 'Mỗi quyết định kết nạp tối đa 200 người; hãy chia thành nhiều quyết định' }),
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
    informal: zBool.optional(),
    foreign: zBool.optional(),
    gender: z.enum(GENDERS).optional(),
    employerEnterpriseId: ZId.optional(),
    informalTradeCode: z.string().max(40).optional(),
    admittedFrom: ZIsoDate.optional(),
    admittedTo: ZIsoDate.optional(),
    cardIssued: zBool.optional(),
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
  cccdKind: z.enum(['cccd', 'cmnd', 'passport']),
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

export const ZPartyIntroduction = z.object({
  id: z.number().int(),
  membershipId: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  introducedOn: z.string(),
  partyOrganisation: z.string(),
  status: z.enum(PARTY_STATUSES),
  statusDate: z.string(),
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

export const ZPartyIntroductionCreate = z
  .object({ introducedOn: ZIsoDate, partyOrganisation: zText(255), note: zOptionalText(2000) })
  .strict();
export const ZPartyIntroductionPatch = z
  .object({ status: z.enum(PARTY_STATUSES), statusDate: ZIsoDate, note: zOptionalText(2000) })
  .strict();
export const ZPartyQuery = z
  .object({
    unitId: ZId.optional(),
    from: ZIsoDate.optional(),
    to: ZIsoDate.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export const ZPartyList = z.object({ total: z.number().int(), items: z.array(ZPartyIntroduction) });

/**
 * A possible transfer: an attempt to admit a person who is active in another unit. Both sides see it;
 * the other side's unit is named only when it lies in the caller's scope.
 */
export const POSSIBLE_TRANSFER_SOURCES = ['admission', 'import', 'application'] as const;
export const ZPossibleTransferQuery = z
  .object({
    unitId: ZId.optional(),
    open: zBool.default(true),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
const ZSideUnit = z.object({ id: z.number().int(), name: z.string() }).nullable();
export const ZPossibleTransfer = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  fullName: z.string(),
  cccdMasked: z.string(),
  /** Which side the caller is on (both for a common superior). */
  side: z.enum(['holding', 'requesting', 'both']),
  holdingMembershipId: z.number().int().nullable(),
  holdingUnit: ZSideUnit,
  requestingUnit: ZSideUnit,
  source: z.enum(POSSIBLE_TRANSFER_SOURCES),
  requestedAt: z.string(),
  closedAt: z.string().nullable(),
  resolution: z.enum(['transferred', 'dismissed']).nullable(),
  note: z.string().nullable(),
});
export type TPossibleTransfer = z.infer<typeof ZPossibleTransfer>;
export const ZPossibleTransferList = z.object({ total: z.number().int(), items: z.array(ZPossibleTransfer) });
export const ZPossibleTransferDismiss = z.object({ note: zText(1000) }).strict();

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

export const ADMISSION_DOCUMENT_KINDS = ['application', 'decision'] as const;
export const ADMISSION_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
/** The text fields of the multipart upload; they must come before the `file` part. */
export const ZAdmissionDocumentFields = z.object({
  unitId: ZId,
  decisionNo: zText(60),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS, {
    message: 'Loại hồ sơ phải là đơn (application) hoặc quyết định (decision)',
  }),
});
export const ZAdmissionDocument = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  decisionNo: z.string(),
  kind: z.enum(ADMISSION_DOCUMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: z.string(),
});
export type TAdmissionDocument = z.infer<typeof ZAdmissionDocument>;
export const ZAdmissionDocumentList = z.array(ZAdmissionDocument);
