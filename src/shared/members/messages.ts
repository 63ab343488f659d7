import { defineMessages } from '../i18n/messages.js';

/** What the server says about members' fields: admission, lifecycle, Party introductions, documents. */
export const membersMessages = defineMessages('members', {
  // ---- the shape of an admission (zod schemas carry these keys)
  genderEnum: {
    vi: 'Giới tính phải là nam (male) hoặc nữ (female)',
    en: 'Gender must be male or female',
  },
  cccdTooLong: { vi: 'Số CCCD quá dài', en: 'The CCCD number is too long' },
  nationalityCode: {
    vi: 'Quốc tịch phải là mã 2 chữ cái (VN, KR, …)',
    en: 'Nationality must be a 2-letter code (VN, KR, …)',
  },
  peopleMin: { vi: 'Cần ít nhất một người được kết nạp', en: 'At least one person must be admitted' },
  peopleMax: {
    vi: 'Mỗi quyết định kết nạp tối đa 200 người; hãy chia thành nhiều quyết định',
    en: 'One admission decision holds at most 200 people; split it into several decisions',
  },

  // ---- identity and references
  passportFormat: {
    vi: 'Số hộ chiếu phải gồm 6–20 chữ cái hoặc chữ số',
    en: 'A passport number has 6–20 letters or digits',
  },
  cccdInvalid: { vi: 'Số CCCD không hợp lệ', en: 'Invalid CCCD number' },
  duplicateInDecision: {
    vi: 'Trùng số giấy tờ với người ở dòng people.{first}',
    en: 'Same identity number as the person in row people.{first}',
  },
  unitNotFound: { vi: 'Không tìm thấy đơn vị', en: 'Unit not found' },
  notGrassroots: {
    vi: '"{name}" không phải công đoàn cơ sở; chỉ công đoàn cơ sở mới có đoàn viên',
    en: '"{name}" is not a grassroots union; only grassroots unions have members',
  },
  unitInactive: {
    vi: '"{name}" không hoạt động vào ngày {date}',
    en: '"{name}" does not exist on {date}',
  },
  ethnicityNotListed: {
    vi: 'Dân tộc "{value}" không có trong danh mục',
    en: 'Ethnicity "{value}" is not in the list',
  },
  religionNotListed: {
    vi: 'Tôn giáo "{value}" không có trong danh mục',
    en: 'Religion "{value}" is not in the list',
  },
  tradeNotListed: {
    vi: 'Nghề lao động tự do "{value}" không có trong danh mục',
    en: 'Informal trade "{value}" is not in the list',
  },
  educationNotListed: {
    vi: 'Trình độ học vấn "{value}" không có trong danh mục',
    en: 'Education level "{value}" is not in the list',
  },
  employerOrTrade: {
    vi: 'Chọn doanh nghiệp nơi làm việc hoặc nghề lao động tự do, không chọn cả hai',
    en: 'Choose an employer or an informal trade, not both',
  },

  // ---- dates
  dateInFuture: { vi: 'Ngày không được sau hôm nay', en: 'The date cannot be after today' },
  applicationAfterDecision: {
    vi: 'Ngày nộp đơn không được sau ngày quyết định kết nạp',
    en: 'The application date cannot be after the admission decision',
  },
  ceremonyBeforeDecision: {
    vi: 'Ngày tổ chức lễ kết nạp không được trước ngày quyết định',
    en: 'The admission ceremony cannot be before the decision',
  },
  tooYoung: {
    vi: 'Người được kết nạp phải đủ 15 tuổi vào ngày quyết định',
    en: 'A new member must be at least 15 years old on the decision date',
  },
  foreignTooEarly: {
    vi: 'Người lao động nước ngoài chỉ được kết nạp từ ngày {date} (Luật Công đoàn 2024)',
    en: 'Foreign workers may be admitted from {date} on (Trade Union Law 2024)',
  },
  cardBeforeAdmission: {
    vi: 'Ngày cấp thẻ không được trước ngày kết nạp',
    en: 'A card cannot be issued before the admission',
  },
  alreadyIntroduced: {
    vi: 'Đoàn viên đã được giới thiệu cho Đảng ngày {date} và đang chờ kết quả; hãy cập nhật kết quả lần đó trước khi giới thiệu lại',
    en: 'The member was introduced to the Party on {date} and awaits the outcome; record that outcome before introducing again',
  },
  alreadyPartyMember: {
    vi: 'Đoàn viên đã được kết nạp Đảng ngày {date}',
    en: 'The member was admitted to the Party on {date}',
  },
  statusBeforeIntroduced: {
    vi: 'Ngày cập nhật không được trước ngày giới thiệu',
    en: 'The update cannot be dated before the introduction',
  },

  // ---- someone active elsewhere
  activeElsewhere: {
    vi: 'Đang là đoàn viên sinh hoạt tại {unit}; nếu người này chuyển đến, hãy làm thủ tục chuyển sinh hoạt',
    en: 'Already an active member of {unit}; if this person moved here, record a transfer instead',
  },
  unitOutsideScope: {
    vi: 'một đơn vị ngoài phạm vi quản lý của bạn',
    en: 'a unit outside your scope',
  },

  // ---- transfers
  transferSameUnit: {
    vi: 'Đơn vị chuyển đến trùng với đơn vị đang sinh hoạt',
    en: 'The target unit is the unit the member is already in',
  },
  /** Written into the membership's end reason (data, kept in Vietnamese). */
  transferEndReason: { vi: 'Chuyển sinh hoạt đến {unit}', en: 'Transferred to {unit}' },

  // ---- admission documents (multipart fields)
  documentUnit: { vi: 'Chọn công đoàn cơ sở', en: 'Choose the grassroots union' },
  documentDecisionNo: { vi: 'Nhập số quyết định kết nạp', en: 'Enter the admission decision number' },
  documentKind: {
    vi: 'Loại hồ sơ phải là đơn (application) hoặc quyết định (decision)',
    en: 'The document kind must be application or decision',
  },
});
