/**
 * Every error the API can answer with: HTTP status and the message a user reads, in Vietnamese
 * first. Shared so the web client can show the same words for a code it receives.
 * Messages may hold {placeholders} filled from the error's params.
 */
export const ERRORS = {
  VALIDATION: { status: 400, vi: 'Dữ liệu không hợp lệ', en: 'Invalid data' },
  BAD_JSON: { status: 400, vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    vi: 'Kiểu nội dung không được hỗ trợ',
    en: 'Unsupported content type',
  },
  PAYLOAD_TOO_LARGE: { status: 413, vi: 'Dữ liệu gửi lên quá lớn', en: 'The request is too large' },
  UNAUTHENTICATED: {
    status: 401,
    vi: 'Bạn cần đăng nhập để tiếp tục',
    en: 'Please sign in to continue',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng',
    en: 'Wrong username or password',
  },
  LOGIN_SLOWED: {
    status: 429,
    vi: 'Đăng nhập sai nhiều lần từ thiết bị này. Vui lòng thử lại sau {wait}.',
    en: 'Too many failed sign-ins from this device. Please try again in {wait}.',
  },
  LOGIN_SLOWED_SOURCE: {
    status: 429,
    vi: 'Có quá nhiều lần đăng nhập sai từ mạng này. Vui lòng thử lại sau {wait}.',
    en: 'Too many failed sign-ins from this network. Please try again in {wait}.',
  },
  RATE_LIMITED: {
    status: 429,
    vi: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    en: 'Too many requests. Please try again in a few minutes.',
  },
  CSRF: {
    status: 403,
    vi: 'Phiên làm việc không hợp lệ hoặc yêu cầu không đến từ ứng dụng. Hãy tải lại trang.',
    en: 'Invalid session token or cross-site request. Please reload the page.',
  },
  FORBIDDEN: {
    status: 403,
    vi: 'Bạn không có quyền thực hiện thao tác này',
    en: 'You are not allowed to do this',
  },
  NOT_FOUND: { status: 404, vi: 'Không tìm thấy', en: 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, vi: 'Không có địa chỉ này', en: 'No such address' },
  CONFLICT: {
    status: 409,
    vi: 'Dữ liệu đã bị thay đổi hoặc trùng lặp',
    en: 'The data changed or is a duplicate',
  },
  ORG_CODE_TAKEN: {
    status: 409,
    vi: 'Mã đơn vị "{code}" đã được dùng',
    en: 'Unit code "{code}" is already in use',
  },
  ORG_PARENT_REQUIRED: {
    status: 422,
    vi: 'Phải chọn đơn vị cấp trên',
    en: 'A parent unit is required',
  },
  ORG_NOT_ACTIVE_AT_DATE: {
    status: 422,
    vi: 'Đơn vị "{name}" không hoạt động vào ngày {date}',
    en: 'Unit "{name}" is not active on {date}',
  },
  ORG_TYPE_NOT_VALID_AT_DATE: {
    status: 422,
    vi: 'Loại đơn vị "{type}" không có hiệu lực vào ngày {date}',
    en: 'Unit type "{type}" is not in force on {date}',
  },
  ORG_TYPE_NOT_ALLOWED_UNDER: {
    status: 422,
    vi: 'Loại đơn vị "{type}" không được đặt dưới "{parentType}"',
    en: 'A "{type}" cannot be placed under a "{parentType}"',
  },
  ORG_CYCLE: {
    status: 422,
    vi: 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó',
    en: 'A unit cannot be moved under itself or one of its descendants',
  },
  ORG_HAS_ACTIVE_CHILDREN: {
    status: 422,
    vi: 'Đơn vị còn {count} đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước',
    en: 'The unit still has {count} active sub-units; move or dissolve them first',
  },
  ORG_LATER_CHANGE_EXISTS: {
    status: 422,
    vi: 'Đã có thay đổi từ ngày {date} trở đi; không thể ghi sự kiện vào ngày sớm hơn',
    en: 'A change dated {date} or later exists; an earlier event cannot be recorded',
  },
  ORG_LATER_RECORDS: {
    status: 422,
    vi: 'Đơn vị còn {count} bản ghi từ ngày {date} trở đi (kết nạp, chuyển đến, tuyên truyền, giới thiệu đảng viên); không thể chấm dứt hoạt động trước các bản ghi đó',
    en: 'The unit has {count} records dated {date} or later (admissions, transfers in, outreach, Party introductions); it cannot end before them',
  },
  ORG_DATE_BEFORE_START: {
    status: 422,
    vi: 'Ngày hiệu lực phải sau ngày thành lập đơn vị ({date})',
    en: 'The effective date must be after the unit was founded ({date})',
  },
  ORG_MERGE_SAME: {
    status: 422,
    vi: 'Không thể sáp nhập một đơn vị vào chính nó',
    en: 'A unit cannot be merged into itself',
  },
  ORG_ROOT_IMMUTABLE: {
    status: 422,
    vi: 'Không thể chuyển, giải thể hay sáp nhập đơn vị gốc của bạn',
    en: 'You cannot move, dissolve or merge your own top unit',
  },
  USERNAME_TAKEN: {
    status: 409,
    vi: 'Tên đăng nhập "{username}" đã có người dùng',
    en: 'Username "{username}" is taken',
  },
  ROLE_NOT_GRANTABLE: {
    status: 403,
    vi: 'Bạn không thể cấp vai trò này',
    en: 'You cannot grant this role',
  },
  USER_OUTSIDE_SCOPE: {
    status: 403,
    vi: 'Người dùng này còn có vai trò ở đơn vị ngoài phạm vi của bạn; chỉ cấp trên chung mới sửa được',
    en: 'This user also holds roles outside your scope; only a common superior can change them',
  },
  LAST_ROLE: {
    status: 422,
    vi: 'Người dùng phải còn ít nhất một vai trò',
    en: 'A user must keep at least one role',
  },
  ENTERPRISE_DUPLICATE_MST: {
    status: 409,
    vi: 'Mã số thuế {mst} đã có trong danh sách ({name}). Hãy cập nhật doanh nghiệp đó, hoặc ghi rõ lý do nếu vẫn muốn tạo mới.',
    en: 'Tax code {mst} is already listed ({name}). Update that enterprise, or give a reason to create another.',
  },
  MEMBER_ACTIVE_ELSEWHERE: {
    status: 409,
    vi: 'Người ở {row} đang là đoàn viên sinh hoạt tại {unit}. Không kết nạp lại: nếu người này chuyển đến, hãy làm thủ tục chuyển sinh hoạt công đoàn.',
    en: 'The person in {row} is already an active member ({unit}). Do not admit again: if they moved, record a transfer instead.',
  },
  POSSIBLE_TRANSFER_CLOSED: {
    status: 409,
    vi: 'Đề nghị này đã được xử lý (đã chuyển sinh hoạt hoặc đã đóng).',
    en: 'This request has already been settled (transferred or dismissed).',
  },
  MEMBER_WARNINGS_UNCONFIRMED: {
    status: 422,
    vi: 'Có {count} cảnh báo cần xác nhận, ví dụ {path}: {message}. Kiểm tra lại với giấy tờ rồi đánh dấu đã xác nhận nếu thông tin đúng.',
    en: '{count} warnings need confirming, e.g. {path}: {message}. Check the documents, then confirm if the data is right.',
  },
  MEMBER_NOT_ACTIVE: {
    status: 422,
    vi: 'Đoàn viên này không còn sinh hoạt tại đơn vị (trạng thái: {status})',
    en: 'This membership is no longer active (status: {status})',
  },
  MEMBER_DATE_BEFORE_START: {
    status: 422,
    vi: 'Ngày {date} sớm hơn ngày bắt đầu sinh hoạt tại đơn vị ({start})',
    en: 'The date {date} is before the membership began in this unit ({start})',
  },
  IMPORT_FILE: { status: 422, vi: '{message}', en: '{message}' },
  // Read by the operator's CLI, which speaks Vietnamese: the reason is Vietnamese in both.
  ADMIN_UNITS_FILE: {
    status: 422,
    vi: 'Tệp danh mục đơn vị hành chính {file}: {reason}',
    en: 'Administrative-unit list {file}: {reason}',
  },
  IMPORT_NOT_PENDING: {
    status: 409,
    vi: 'Lô nhập này đã được ghi hoặc đã huỷ',
    en: 'This import batch was already committed or cancelled',
  },
  IMPORT_UPLOAD_EXPIRED: {
    status: 409,
    vi: 'Tệp tải lên của lô nhập này đã được xoá sau {hours} giờ không dùng (để không lưu dữ liệu cá nhân quá lâu); hãy tải tệp lên lại',
    en: 'The file of this import batch was deleted after {hours} hours unused (personal data is not kept longer); please upload it again',
  },
  DB_BUSY: {
    status: 503,
    vi: 'Cơ sở dữ liệu đang bận ghi một lượt nhập lớn; thao tác này chưa được ghi, vui lòng thử lại sau ít phút',
    en: 'The database is busy writing a large import; nothing was saved, please try again in a few minutes',
  },
  HEAVY_TIMEOUT: {
    status: 503,
    vi: 'Yêu cầu này chạy quá {seconds} giây nên đã bị dừng; hãy thu hẹp đơn vị hoặc bộ lọc rồi thử lại',
    en: 'This request ran over {seconds} seconds and was stopped; narrow the unit or the filters and try again',
  },
  IMPORT_BUSY: {
    status: 429,
    vi: 'Đơn vị này đang có {count} lượt nhập dữ liệu chạy (tối đa {max}); hãy đợi lượt đang chạy xong rồi thử lại',
    en: 'This unit already has {count} import(s) running (at most {max}); wait for it to finish and try again',
  },
  IMPORT_UNDO_BLOCKED: {
    status: 409,
    vi: 'Không thể hoàn tác: đã có {count} thay đổi mới hơn dựa trên dữ liệu của lô nhập này ({what})',
    en: 'Cannot undo: {count} newer changes depend on this import ({what})',
  },
  ATTACHMENT_TYPE: {
    status: 415,
    vi: 'Tệp đính kèm phải là ảnh (JPEG, PNG, WebP) hoặc PDF',
    en: 'Attachments must be images (JPEG, PNG, WebP) or PDF',
  },
  MEMBER_ANONYMISED: {
    status: 409,
    vi: 'Dữ liệu cá nhân của người này đã được ẩn danh theo yêu cầu; không còn gì để xem hoặc xuất',
    en: "This person's data was anonymised on request; there is nothing left to show or export",
  },
  MEMBER_ALREADY_ANONYMISED: {
    status: 409,
    vi: 'Người này đã được ẩn danh trước đó',
    en: 'This person was already anonymised',
  },
  MEMBER_ERASE_OUT_OF_SCOPE: {
    status: 403,
    vi: 'Người này còn quá trình sinh hoạt ở đơn vị ngoài phạm vi quản lý của bạn; việc ẩn danh phải do cấp trên chung thực hiện',
    en: 'This person also has memberships outside your scope; a common superior must anonymise them',
  },
  DOCUMENT_TYPE: {
    status: 415,
    vi: 'Tệp hồ sơ kết nạp phải là ảnh chụp (JPEG, PNG, WebP) hoặc PDF',
    en: 'Admission documents must be images (JPEG, PNG, WebP) or PDF',
  },
  DOCUMENT_TOO_LARGE: {
    status: 413,
    vi: 'Tệp quá lớn: mỗi tệp hồ sơ tối đa {limit}',
    en: 'The file is too large: at most {limit} per document',
  },
  DOCUMENT_NO_DECISION: {
    status: 400,
    vi: 'Không có quyết định kết nạp số {decisionNo} ở đơn vị này',
    en: 'This unit has no admission decision numbered {decisionNo}',
  },
  WRONG_PASSWORD: { status: 422, vi: 'Mật khẩu hiện tại không đúng', en: 'The current password is wrong' },
  APPLY_LINK_INVALID: {
    status: 404,
    vi: 'Đường link này không còn hiệu lực. Hãy hỏi cán bộ công đoàn để lấy đường link hoặc mã QR mới.',
    en: 'This link is no longer valid. Ask a union officer for a new link or QR code.',
  },
  APPLY_LINK_REVOKED: {
    status: 410,
    vi: 'Đường link này không còn hiệu lực. Hãy liên hệ {unit} để lấy đường link hoặc mã QR mới.',
    en: 'This link is no longer valid. Contact {unit} for a new link or QR code.',
  },
  APPLY_DUPLICATE_PENDING: {
    status: 409,
    vi: 'Đơn của bạn đã được gửi, đang chờ xét. Công đoàn sẽ liên hệ với bạn qua số điện thoại đã đăng ký.',
    en: 'Your application has already been sent and is waiting to be considered. The union will call you on the phone number you gave.',
  },
  APPLICATION_ADMITTED: {
    status: 409,
    vi: 'Người nộp đơn này đã được kết nạp: dữ liệu nay thuộc hồ sơ đoàn viên; yêu cầu xoá được xử lý ở hồ sơ đoàn viên.',
    en: 'This applicant was admitted: the data now belongs to the member record; handle the erasure request there.',
  },
  APPLICATION_DECIDED: {
    status: 409,
    vi: 'Đơn này đã được xử lý trước đó ({status}); không thể xử lý lại.',
    en: 'This application was already decided; it cannot be decided again.',
  },
  /** A document asked for as PDF when LibreOffice is missing, too slow or fails; the reason says which. */
  PDF_UNAVAILABLE: {
    status: 503,
    vi: 'Không tạo được bản PDF: {reason}',
    en: 'The PDF could not be made: {reason}',
  },
  INTERNAL: {
    status: 500,
    vi: 'Lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên.',
    en: 'Internal error. Please try again or contact your administrator.',
  },
} as const satisfies Record<string, { status: number; vi: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type Locale = 'vi' | 'en';
export const LOCALES = ['vi', 'en'] as const;

/** A parameter may be a message in both languages ({ vi, en }): the reader's is used. */
export function errorMessage(code: ErrorCode, locale: Locale, params: Record<string, unknown> = {}): string {
  const template = ERRORS[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    // A parameter may itself be a message in both languages (e.g. "managed by another unit").
    if (typeof v === 'object' && v !== null && locale in v) return String((v as Record<string, unknown>)[locale]);
    return String(v ?? `{${k}}`);
  });
}

/** The body of every error answer. */
export type ErrorBody = {
  error: {
    code: ErrorCode;
    message: string;
    /** For VALIDATION: one entry per wrong field, with a message naming the field. */
    issues?: { path: string; message: string }[];
  };
};
