import { defineMessages } from '../i18n/messages.js';

/**
 * What the member import says about a row, an undo and its template. The identity and phone checks
 * word their own findings in Vietnamese (`{detail}`); the English says the same from the finding's code.
 */
export const memberImportMessages = defineMessages('members.import', {
  unitRequired: { vi: 'Chọn công đoàn cơ sở', en: 'Choose the grassroots union' },
  fullNameMissing: { vi: 'Thiếu họ và tên', en: 'The full name is missing' },
  fullNameColumns: {
    vi: '«Họ và tên» (hoặc hai cột «Họ và tên đệm» và «Tên»)',
    en: '"Full name" (or the two columns "Family and middle names" and "Given name")',
  },
  bothGenderColumns: { vi: 'Có giá trị ở cả cột Nam và cột Nữ', en: 'Both the Male and the Female column are filled' },
  genderDisagrees: {
    vi: 'Giới tính khác với cột Nam/Nữ đã đánh dấu',
    en: 'The gender differs from the Male/Female column marked',
  },
  birthDisagrees: {
    vi: 'Ngày sinh khác với ngày ghi ở cột Nam/Nữ',
    en: 'The date of birth differs from the date in the Male/Female column',
  },
  genderMissing: { vi: 'Thiếu giới tính (Nam/Nữ)', en: 'The gender (male/female) is missing' },
  yearOnly: {
    vi: 'Chỉ có năm sinh; cần ngày sinh đầy đủ (dd/mm/yyyy) — bổ sung ngày sinh theo CCCD rồi nhập lại dòng này',
    en: 'Only the year of birth is given; the full date (dd/mm/yyyy) is needed — add it from the ID card and import this row again',
  },
  birthMissing: { vi: 'Thiếu ngày sinh', en: 'The date of birth is missing' },
  birthInFuture: { vi: 'Ngày sinh ở tương lai', en: 'The date of birth is in the future' },
  cccdMissing: { vi: 'Thiếu số CCCD', en: 'The ID number is missing' },
  admittedMissing: { vi: 'Thiếu ngày vào công đoàn', en: 'The date of joining the union is missing' },
  admittedInFuture: { vi: 'Ngày vào công đoàn ở tương lai', en: 'The date of joining the union is in the future' },
  unitInactive: { vi: '"{unit}" không hoạt động vào ngày {date}', en: '"{unit}" was not active on {date}' },
  underAge: {
    vi: 'Phải đủ 15 tuổi vào ngày vào công đoàn',
    en: 'A member must be 15 or older on the day of joining',
  },
  goneNote: {
    vi: 'Ghi chú «{notes}»: dòng vẫn được nhập là đoàn viên đang sinh hoạt — hãy xem lại và ghi nhận chuyển đi / thôi sinh hoạt nếu đúng',
    en: 'Note «{notes}»: the row is imported as an active member all the same — check it and record the transfer or leaving if it is true',
  },
  cccdNotText: { vi: 'Số CCCD «{raw}» không hợp lệ', en: 'ID number «{raw}» is not valid' },
  cccdInvalid: { vi: '{detail} («{raw}»)', en: '{detail} («{raw}»)' },
  /** After a mismatch with the record: the import goes on, the officer checks the papers. */
  cccdMismatchImported: {
    vi: '{detail} — đã nhập, cần kiểm tra lại với giấy tờ',
    en: '{detail} — imported; check it against the papers',
  },
  phoneNotText: { vi: 'Số điện thoại không hợp lệ', en: 'Invalid phone number' },
  phoneInvalid: { vi: '{detail} («{raw}»)', en: '{detail} («{raw}»)' },
  activeElsewhere: {
    vi: 'Đang là đoàn viên sinh hoạt tại {where} — có thể là chuyển sinh hoạt: hãy làm thủ tục chuyển sinh hoạt thay vì nhập',
    en: 'Already an active member at {where} — possibly a transfer: record the transfer instead of importing',
  },
  outOfScope: { vi: 'một đơn vị ngoài phạm vi quản lý của bạn', en: 'a unit outside your scope' },
  activeHere: {
    vi: 'Đã là đoàn viên đang sinh hoạt tại đơn vị này; không thể tạo thêm lần thứ hai',
    en: 'Already an active member of this unit; a second membership cannot be created',
  },
  eventNote: { vi: 'Nhập từ tệp (lô {batch})', en: 'Imported from a file (batch {batch})' },
  changedLater: { vi: '{n} đoàn viên đã thay đổi sau đó', en: '{n} members changed since' },
  laterEvents: { vi: '{n} sự kiện sinh hoạt mới', en: '{n} newer membership events' },
  transfers: { vi: '{n} lần chuyển sinh hoạt', en: '{n} transfers' },
  party: { vi: '{n} giới thiệu kết nạp Đảng', en: '{n} introductions to the Party' },
  peopleEdited: { vi: '{n} hồ sơ cá nhân đã sửa sau đó', en: '{n} personal records edited since' },
  laterMemberships: { vi: '{n} lần sinh hoạt mới của cùng người', en: '{n} newer memberships of the same people' },
  templateTitle: {
    vi: 'DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ (mẫu nhập Đoàn Viên)',
    en: 'MEMBERS OF THE GRASSROOTS UNION (Đoàn Viên import template)',
  },
});
