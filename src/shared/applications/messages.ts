import { defineMessages, type Entry, type Message } from '../i18n/messages.js';

/**
 * What the server says about self-applications. A worker reads these on the public form in the
 * browser's language, so every message about a field starts with the field's name as the form
 * labels it (the form shows the message under that field, and a screen reader reads it alone).
 */
export const applicationsMessages = defineMessages('applications', {
  fullNameMissing: { vi: 'Họ và tên: vui lòng nhập họ và tên', en: 'Full name: please enter your full name' },
  fullNameLetters: {
    vi: 'Họ và tên: chỉ gồm chữ cái, ví dụ Nguyễn Văn An',
    en: 'Full name: letters only, for example Nguyễn Văn An',
  },
  fullNameTooLong: {
    vi: 'Họ và tên: quá dài (tối đa 120 ký tự)',
    en: 'Full name: too long (at most 120 characters)',
  },
  birthDateMissing: {
    vi: 'Ngày sinh: vui lòng nhập ngày sinh (ngày/tháng/năm)',
    en: 'Date of birth: please enter your date of birth (day/month/year)',
  },
  birthDateWrong: {
    vi: 'Ngày sinh: ngày không đúng (ngày/tháng/năm)',
    en: 'Date of birth: no such date (day/month/year)',
  },
  birthDateFuture: { vi: 'Ngày sinh: không được sau hôm nay', en: 'Date of birth: cannot be after today' },
  birthDateTooYoung: {
    vi: 'Ngày sinh: người xin gia nhập phải đủ {age} tuổi',
    en: 'Date of birth: an applicant must be at least {age} years old',
  },
  birthDateImplausible: {
    vi: 'Ngày sinh: {date} không hợp lý, hãy kiểm tra lại',
    en: 'Date of birth: {date} is not plausible, please check it',
  },
  genderMissing: { vi: 'Giới tính: vui lòng chọn nam hoặc nữ', en: 'Gender: please choose male or female' },
  genderWrong: { vi: 'Giới tính: chỉ chọn nam hoặc nữ', en: 'Gender: choose male or female only' },
  cccdMissing: {
    vi: 'Số CCCD: vui lòng nhập số căn cước công dân (12 chữ số)',
    en: 'CCCD number: please enter your citizen identity card number (12 digits)',
  },
  cccdDigits: {
    vi: 'Số CCCD: phải gồm đúng 12 chữ số (đã nhập {count} ký tự)',
    en: 'CCCD number: must be exactly 12 digits ({count} characters entered)',
  },
  // The identity-number checker explains in Vietnamese only; the English reader gets the rule.
  cccdWrong: { vi: 'Số CCCD: {detail}', en: 'CCCD number: not a valid citizen identity card number' },
  phoneMissing: {
    vi: 'Số điện thoại: vui lòng nhập số điện thoại để công đoàn liên hệ',
    en: 'Phone number: please enter a phone number the union can call',
  },
  // As for the CCCD: the phone checker's precise reason is Vietnamese only.
  phoneWrong: {
    vi: 'Số điện thoại: {detail}',
    en: 'Phone number: not a Vietnamese mobile (10 digits) or landline (11 digits, starting 02) number in use',
  },
  workplaceMissing: {
    vi: 'Nơi làm việc: nhập tên nơi làm việc, hoặc chọn nghề nếu bạn là lao động tự do',
    en: 'Workplace: enter where you work, or choose a trade if you are self-employed',
  },
  workplaceTooLong: {
    vi: 'Nơi làm việc: quá dài (tối đa 255 ký tự)',
    en: 'Workplace: too long (at most 255 characters)',
  },
  tradeUnknown: {
    vi: 'Nghề lao động tự do: không có trong danh sách, hãy chọn lại',
    en: 'Informal trade: not in the list, please choose again',
  },
  consentMissing: {
    vi: 'Đồng ý xử lý dữ liệu cá nhân: bạn cần đọc và đánh dấu đồng ý thì đơn mới được gửi',
    en: 'Consent to personal data processing: read the text and tick the box to send the application',
  },
  consentStale: {
    vi: 'Đồng ý xử lý dữ liệu cá nhân: nội dung vừa được cập nhật, hãy tải lại trang, đọc lại và đánh dấu đồng ý',
    en: 'Consent to personal data processing: the text has just been updated; reload the page, read it again and tick the box',
  },
  consentNotBoolean: {
    vi: 'Đồng ý xử lý dữ liệu: phải là đúng hoặc sai',
    en: 'Consent to data processing: must be true or false',
  },
  tokenWrong: { vi: 'Đường link không đúng', en: 'This is not an application link' },

  unitClosed: {
    vi: 'Đơn vị không còn hoạt động: không tạo được đường link xin gia nhập',
    en: 'The unit no longer exists: no application link can be made for it',
  },
  chooseGrassroots: {
    vi: 'Đơn gửi qua {units}: chọn công đoàn cơ sở sẽ kết nạp',
    en: 'Sent through {units}: choose the grassroots union that admits',
  },
  idsMin: { vi: 'Chọn ít nhất một đơn', en: 'Choose at least one application' },
  idsMax: {
    vi: 'Mỗi quyết định kết nạp tối đa 200 người; hãy chia thành nhiều quyết định',
    en: 'An admission decision has at most 200 people; split it into several decisions',
  },
  idsTwice: { vi: 'Một đơn được chọn hai lần', en: 'An application is chosen twice' },
  applicationOf: { vi: 'đơn của {name}', en: "{name}'s application" },

  statusApproved: { vi: 'đã kết nạp', en: 'admitted' },
  statusRejected: { vi: 'đã từ chối', en: 'rejected' },
  statusDecided: { vi: 'đã xử lý', en: 'decided' },
});

/**
 * The typed fields of the public form: how the form names each and how long it may be. The zod
 * schema only checks that each is text of that length (`notText`, `tooLong`); what makes a value
 * wrong is checked by the server in one place with the messages above.
 */
const FORM_FIELDS = {
  fullName: { label: { vi: 'Họ và tên', en: 'Full name' }, max: 200 },
  birthDate: { label: { vi: 'Ngày sinh', en: 'Date of birth' }, max: 20 },
  gender: { label: { vi: 'Giới tính', en: 'Gender' }, max: 10 },
  cccd: { label: { vi: 'Số CCCD', en: 'CCCD number' }, max: 40 },
  phone: { label: { vi: 'Số điện thoại', en: 'Phone number' }, max: 40 },
  workplace: { label: { vi: 'Nơi làm việc', en: 'Workplace' }, max: 300 },
  informalTradeCode: { label: { vi: 'Nghề lao động tự do', en: 'Informal trade' }, max: 40 },
  consentVersion: { label: { vi: 'Phiên bản nội dung đồng ý', en: 'Consent text version' }, max: 20 },
} as const satisfies Record<string, { label: Message; max: number }>;

type FormField = keyof typeof FORM_FIELDS;
type FieldMessages = { max: number; notText: Entry; tooLong: Entry };

function typedFieldMessages(): Record<FormField, FieldMessages> {
  const out = {} as Record<FormField, FieldMessages>;
  for (const [name, { label, max }] of Object.entries(FORM_FIELDS) as [FormField, (typeof FORM_FIELDS)[FormField]][]) {
    const m = defineMessages(`applications.form.${name}`, {
      notText: { vi: `${label.vi}: phải là chữ`, en: `${label.en}: must be text` },
      tooLong: {
        vi: `${label.vi}: quá dài (tối đa ${max} ký tự)`,
        en: `${label.en}: too long (at most ${max} characters)`,
      },
    });
    out[name] = { max, ...m };
  }
  return out;
}

export const applyFormMessages = typedFieldMessages();
