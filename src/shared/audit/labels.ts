// A catalogue, not logic: every action, record kind and detail field the audit log can hold, in both languages.
import type { Locale } from '../errors/codes.js';

/**
 * The words of the audit log, one home for the server (which renders entries in the reader's language)
 * and the web (which offers the actions as a filter). zod-free so the browser bundle may import it.
 */
type Words = { vi: string; en: string };

export const AUDIT_ACTIONS = {
  login: { vi: 'Đăng nhập', en: 'Sign-in' },
  'password.change': { vi: 'Đổi mật khẩu', en: 'Password change' },
  'bootstrap.admin': { vi: 'Tạo quản trị viên đầu tiên', en: 'First administrator created' },
  'user.create': { vi: 'Tạo người dùng', en: 'User created' },
  'user.edit': { vi: 'Sửa người dùng', en: 'User edited' },
  'user.locale': { vi: 'Đổi ngôn ngữ giao diện', en: 'Interface language changed' },
  'user.role.add': { vi: 'Cấp vai trò', en: 'Role granted' },
  'user.role.remove': { vi: 'Thu hồi vai trò', en: 'Role revoked' },
  'user.password.reset': { vi: 'Cấp lại mật khẩu', en: 'Password reset' },
  'user.login.unlock': { vi: 'Mở khóa đăng nhập', en: 'Sign-in unlocked' },
  'org.create': { vi: 'Thành lập đơn vị', en: 'Unit founded' },
  'org.edit': { vi: 'Sửa thông tin đơn vị', en: 'Unit details corrected' },
  'org.rename': { vi: 'Đổi tên đơn vị', en: 'Unit renamed' },
  'org.move': { vi: 'Chuyển đơn vị sang đơn vị cấp trên khác', en: 'Unit moved' },
  'org.dissolve': { vi: 'Giải thể / kết thúc hoạt động đơn vị', en: 'Unit dissolved' },
  'org.merge': { vi: 'Sáp nhập đơn vị', en: 'Units merged' },
  'enterprise.create': { vi: 'Thêm doanh nghiệp', en: 'Enterprise added' },
  'enterprise.edit': { vi: 'Sửa doanh nghiệp', en: 'Enterprise edited' },
  'enterprise.survey': { vi: 'Ghi khảo sát doanh nghiệp', en: 'Enterprise survey recorded' },
  'enterprise.export': { vi: 'Xuất danh sách doanh nghiệp', en: 'Enterprise list exported' },
  'outreach.create': { vi: 'Ghi hoạt động tuyên truyền', en: 'Outreach event recorded' },
  'outreach.attachment': { vi: 'Đính kèm tệp hoạt động tuyên truyền', en: 'File attached to outreach event' },
  'import.commit': { vi: 'Nhập dữ liệu từ tệp', en: 'Imported from file' },
  'import.reject': { vi: 'Nhập tệp không thành công', en: 'Import refused' },
  'import.undo': { vi: 'Hoàn tác lô nhập', en: 'Import undone' },
  'member.admit': { vi: 'Kết nạp đoàn viên', en: 'Member admitted' },
  'member.card': { vi: 'Cấp thẻ đoàn viên', en: 'Membership card issued' },
  'member.transfer': { vi: 'Chuyển sinh hoạt đoàn viên', en: 'Member transferred' },
  'member.leave': { vi: 'Đoàn viên ra khỏi tổ chức', en: 'Member left' },
  'member.expel': { vi: 'Khai trừ đoàn viên', en: 'Member expelled' },
  'member.honorary': { vi: 'Công nhận đoàn viên danh dự', en: 'Honorary member' },
  'member.party.introduce': { vi: 'Giới thiệu đoàn viên ưu tú cho Đảng', en: 'Introduced to the Party' },
  'member.party.update': { vi: 'Cập nhật kết quả giới thiệu cho Đảng', en: 'Party introduction updated' },
  'member.possible_transfer.dismiss': { vi: 'Bỏ qua cảnh báo trùng đoàn viên', en: 'Possible transfer dismissed' },
  'member.document.upload': { vi: 'Tải lên hồ sơ kết nạp', en: 'Admission document uploaded' },
  'member.document.download': { vi: 'Xem / tải hồ sơ kết nạp', en: 'Admission document opened' },
  'member.cccd.reveal': { vi: 'Xem số định danh đầy đủ', en: 'Identity number revealed' },
  'member.export': { vi: 'Xuất danh sách đoàn viên', en: 'Member list exported' },
  'member.personal_data_export': { vi: 'Xuất dữ liệu cá nhân của đoàn viên', en: 'Personal data exported' },
  'member.anonymise': { vi: 'Ẩn danh dữ liệu cá nhân', en: 'Personal data anonymised' },
  'apply_link.create': { vi: 'Tạo đường link xin gia nhập', en: 'Application link created' },
  'apply_link.revoke': { vi: 'Thu hồi đường link xin gia nhập', en: 'Application link revoked' },
  'application.submit': { vi: 'Người lao động gửi đơn xin gia nhập', en: 'Application submitted' },
  'application.approve': { vi: 'Duyệt đơn xin gia nhập', en: 'Application approved' },
  'application.reject': { vi: 'Từ chối đơn xin gia nhập', en: 'Application rejected' },
  'application.erase': { vi: 'Xoá dữ liệu đơn xin gia nhập', en: 'Application erased' },
} as const satisfies Record<string, Words>;
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

/** What kind of record an entry is about; `ref` is how one is named ("Đoàn viên Nguyễn Văn A"). */
export const AUDIT_ENTITIES = {
  user: { vi: 'Người dùng', en: 'User' },
  org_unit: { vi: 'Đơn vị', en: 'Unit' },
  enterprise: { vi: 'Doanh nghiệp', en: 'Enterprise' },
  outreach_event: { vi: 'Hoạt động tuyên truyền', en: 'Outreach event' },
  import_batch: { vi: 'Lô nhập', en: 'Import batch' },
  membership: { vi: 'Đoàn viên', en: 'Member' },
  person: { vi: 'Đoàn viên', en: 'Member' },
  party_introduction: { vi: 'Giới thiệu cho Đảng của đoàn viên', en: 'Party introduction of' },
  possible_transfer: { vi: 'Cảnh báo trùng đoàn viên', en: 'Possible transfer of' },
  admission_document: { vi: 'Hồ sơ của quyết định kết nạp số', en: 'Document of admission decision no.' },
  apply_link: { vi: 'Đường link xin gia nhập của', en: 'Application link of' },
  application: { vi: 'Đơn xin gia nhập của', en: 'Application of' },
} as const satisfies Record<string, Words>;
export type AuditEntity = keyof typeof AUDIT_ENTITIES;

/** The fields an entry's before/after may carry (snake_case keys are read as camelCase). */
export const AUDIT_FIELDS = {
  code: { vi: 'Mã', en: 'Code' },
  name: { vi: 'Tên', en: 'Name' },
  shortName: { vi: 'Tên viết tắt', en: 'Short name' },
  typeCode: { vi: 'Loại đơn vị', en: 'Unit type' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  newParentId: { vi: 'Đơn vị cấp trên mới', en: 'New parent unit' },
  targetId: { vi: 'Sáp nhập vào', en: 'Merged into' },
  mergedIntoId: { vi: 'Sáp nhập vào', en: 'Merged into' },
  toUnitId: { vi: 'Chuyển đến đơn vị', en: 'Transferred to' },
  admittedInto: { vi: 'Kết nạp vào đơn vị', en: 'Admitted into' },
  unitId: { vi: 'Đơn vị', en: 'Unit' },
  grassrootsUnitId: { vi: 'Công đoàn cơ sở', en: 'Grassroots union' },
  relatedUnitId: { vi: 'Đơn vị liên quan', en: 'Related unit' },
  adminAreaCode: { vi: 'Mã địa bàn (xã/phường)', en: 'Commune code' },
  adminAreaName: { vi: 'Địa bàn (xã/phường)', en: 'Commune' },
  address: { vi: 'Địa chỉ', en: 'Address' },
  foundingDecisionNo: { vi: 'Số quyết định thành lập', en: 'Founding decision no.' },
  foundingDecisionDate: { vi: 'Ngày quyết định thành lập', en: 'Founding decision date' },
  validFrom: { vi: 'Hiệu lực từ ngày', en: 'Valid from' },
  validTo: { vi: 'Hiệu lực đến ngày', en: 'Valid until' },
  effectiveDate: { vi: 'Ngày hiệu lực', en: 'Effective date' },
  decisionNo: { vi: 'Số quyết định', en: 'Decision no.' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  ceremonyDate: { vi: 'Ngày kết nạp', en: 'Ceremony date' },
  note: { vi: 'Ghi chú', en: 'Note' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  reason: { vi: 'Lý do', en: 'Reason' },
  date: { vi: 'Ngày', en: 'Date' },
  kind: { vi: 'Loại', en: 'Kind' },
  status: { vi: 'Trạng thái', en: 'Status' },
  statusDate: { vi: 'Ngày của trạng thái', en: 'Status date' },
  username: { vi: 'Tên đăng nhập', en: 'Username' },
  fullName: { vi: 'Họ và tên', en: 'Full name' },
  email: { vi: 'Thư điện tử', en: 'Email' },
  phone: { vi: 'Số điện thoại', en: 'Phone' },
  active: { vi: 'Đang hoạt động', en: 'Active' },
  role: { vi: 'Vai trò', en: 'Role' },
  roles: { vi: 'Vai trò', en: 'Roles' },
  locale: { vi: 'Ngôn ngữ', en: 'Language' },
  loginSlowedUntil: { vi: 'Đăng nhập bị làm chậm đến', en: 'Sign-in slowed until' },
  sources: { vi: 'Số nguồn đăng nhập bị làm chậm', en: 'Slowed sign-in sources' },
  mst: { vi: 'Mã số thuế', en: 'Tax code' },
  ownershipCode: { vi: 'Loại hình sở hữu', en: 'Ownership' },
  industry: { vi: 'Ngành nghề', en: 'Industry' },
  contactName: { vi: 'Người liên hệ', en: 'Contact person' },
  contactPhone: { vi: 'Điện thoại liên hệ', en: 'Contact phone' },
  workerCount: { vi: 'Số lao động', en: 'Workers' },
  femaleCount: { vi: 'Số lao động nữ', en: 'Female workers' },
  memberCount: { vi: 'Số đoàn viên', en: 'Members' },
  hasUnion: { vi: 'Đã có công đoàn cơ sở', en: 'Has a union' },
  employerAttitude: { vi: 'Thái độ của chủ doanh nghiệp', en: 'Employer attitude' },
  surveyDate: { vi: 'Ngày khảo sát', en: 'Survey date' },
  surveyedBy: { vi: 'Người khảo sát', en: 'Surveyed by' },
  officerName: { vi: 'Cán bộ phụ trách', en: 'Officer' },
  officerUserId: { vi: 'Cán bộ phụ trách', en: 'Officer' },
  duplicateReason: { vi: 'Lý do trùng', en: 'Duplicate reason' },
  survey: { vi: 'Khảo sát', en: 'Survey' },
  filter: { vi: 'Bộ lọc', en: 'Filter' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  q: { vi: 'Từ khoá tìm kiếm', en: 'Search' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  nonState: { vi: 'Ngoài khu vực nhà nước', en: 'Non-state' },
  inSurveyScope: { vi: 'Thuộc diện khảo sát', en: 'In survey scope' },
  eligibleForFounding: { vi: 'Đủ điều kiện thành lập CĐCS', en: 'Eligible for founding' },
  reached: { vi: 'Đã tiếp cận', en: 'Reached' },
  sizeBand: { vi: 'Quy mô', en: 'Size' },
  eventDate: { vi: 'Ngày tổ chức', en: 'Event date' },
  title: { vi: 'Tiêu đề', en: 'Title' },
  formCode: { vi: 'Hình thức', en: 'Form' },
  topics: { vi: 'Chủ đề', en: 'Topics' },
  enterpriseIds: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  workersReached: { vi: 'Số người lao động được tiếp cận', en: 'Workers reached' },
  employerRepsReached: { vi: 'Số đại diện chủ doanh nghiệp', en: 'Employer representatives' },
  officersPresent: { vi: 'Số cán bộ tham gia', en: 'Officers present' },
  cost: { vi: 'Kinh phí', en: 'Cost' },
  fileName: { vi: 'Tên tệp', en: 'File name' },
  mime: { vi: 'Kiểu tệp', en: 'File type' },
  size: { vi: 'Dung lượng (byte)', en: 'Size (bytes)' },
  mode: { vi: 'Cách nhập', en: 'Mode' },
  onDuplicate: { vi: 'Khi trùng', en: 'On duplicates' },
  inserted: { vi: 'Số dòng thêm mới', en: 'Rows added' },
  updated: { vi: 'Số dòng cập nhật', en: 'Rows updated' },
  skipped: { vi: 'Số dòng bỏ qua', en: 'Rows skipped' },
  rejected: { vi: 'Số dòng bị từ chối', en: 'Rows rejected' },
  total: { vi: 'Tổng số dòng', en: 'Total rows' },
  changes: { vi: 'Số thay đổi được hoàn tác', en: 'Changes undone' },
  cccdMasked: { vi: 'Số định danh (che bớt)', en: 'Identity number (masked)' },
  readmitted: { vi: 'Kết nạp lại', en: 'Readmitted' },
  cardNo: { vi: 'Số thẻ đoàn viên', en: 'Card no.' },
  cardIssuedOn: { vi: 'Ngày cấp thẻ', en: 'Card issued on' },
  introducedOn: { vi: 'Ngày giới thiệu', en: 'Introduced on' },
  membershipIds: { vi: 'Số lần sinh hoạt được ẩn danh', en: 'Memberships anonymised' },
  consentVersion: { vi: 'Phiên bản nội dung đồng ý', en: 'Consent version' },
  birthDate: { vi: 'Ngày sinh', en: 'Birth date' },
  gender: { vi: 'Giới tính', en: 'Gender' },
  employerEnterpriseId: { vi: 'Nơi làm việc', en: 'Employer' },
  workplace: { vi: 'Nơi làm việc', en: 'Workplace' },
  occupation: { vi: 'Nghề nghiệp', en: 'Occupation' },
  informalTradeCode: { vi: 'Nghề (khu vực phi chính thức)', en: 'Informal trade' },
  revealed: { vi: 'Đã hiện số', en: 'Revealed' },
  count: { vi: 'Số lượng', en: 'Count' },
} as const satisfies Record<string, Words>;
export type AuditField = keyof typeof AUDIT_FIELDS;

/** Values with words of their own, by field. Other values are shown as they are (dates in dd/mm/yyyy). */
export const AUDIT_VALUES: Partial<Record<AuditField, Record<string, Words>>> = {
  locale: { vi: { vi: 'Tiếng Việt', en: 'Vietnamese' }, en: { vi: 'Tiếng Anh', en: 'English' } },
  gender: { male: { vi: 'Nam', en: 'Male' }, female: { vi: 'Nữ', en: 'Female' } },
  mode: {
    all: { vi: 'Tất cả hoặc không dòng nào', en: 'All or nothing' },
    valid: { vi: 'Chỉ các dòng hợp lệ', en: 'Valid rows only' },
  },
  onDuplicate: {
    skip: { vi: 'Bỏ qua', en: 'Skip' },
    update: { vi: 'Cập nhật', en: 'Update' },
    create: { vi: 'Vẫn thêm mới', en: 'Add anyway' },
  },
  kind: {
    application: { vi: 'Đơn xin gia nhập', en: 'Application' },
    decision: { vi: 'Quyết định kết nạp', en: 'Decision' },
    left: { vi: 'Ra khỏi tổ chức', en: 'Left' },
    expelled: { vi: 'Khai trừ', en: 'Expelled' },
  },
  status: {
    pending: { vi: 'Chờ duyệt', en: 'Pending' },
    approved: { vi: 'Đã duyệt', en: 'Approved' },
    rejected: { vi: 'Từ chối', en: 'Rejected' },
    erased: { vi: 'Đã xoá', en: 'Erased' },
    introduced: { vi: 'Đã giới thiệu', en: 'Introduced' },
    in_training: { vi: 'Đang bồi dưỡng', en: 'In training' },
    admitted: { vi: 'Đã kết nạp Đảng', en: 'Admitted to the Party' },
    not_admitted: { vi: 'Không được kết nạp', en: 'Not admitted' },
    active: { vi: 'Đang sinh hoạt', en: 'Active' },
  },
};

export const YES_NO = { yes: { vi: 'Có', en: 'Yes' }, no: { vi: 'Không', en: 'No' } } as const;

export function auditActionLabel(code: string, locale: Locale): string | null {
  const w = (AUDIT_ACTIONS as Record<string, Words>)[code];
  return w ? w[locale] : null;
}

export function auditEntityLabel(code: string, locale: Locale): string | null {
  const w = (AUDIT_ENTITIES as Record<string, Words>)[code];
  return w ? w[locale] : null;
}

export function auditFieldLabel(key: string, locale: Locale): string | null {
  const w = (AUDIT_FIELDS as Record<string, Words>)[key];
  return w ? w[locale] : null;
}

export function auditValueLabel(key: string, value: string, locale: Locale): string | null {
  const w = (AUDIT_VALUES as Record<string, Record<string, Words> | undefined>)[key]?.[value];
  return w ? w[locale] : null;
}

/** 'valid_from' → 'validFrom': versions are logged as rows, inputs as objects; one label serves both. */
export function camelKey(key: string): string {
  return key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}
