import { defineMessages } from '../i18n/messages.js';

/** What the server says about reviews and their reports; each message names its field. */
export const reviewsMessages = defineMessages('reviews', {
  periodMissing: {
    vi: 'Kỳ báo cáo chưa đủ thông tin: cần năm (và quý hoặc nửa năm), hoặc ngày bắt đầu và ngày kết thúc hợp lệ',
    en: 'The review period is incomplete: give the year (and the quarter or half), or a valid start and end date',
  },
  periodOutsidePlan: {
    vi: 'Kỳ báo cáo ({from} – {to}) nằm ngoài thời gian của kế hoạch ({planFrom} – {planTo})',
    en: 'The review period ({from} – {to}) is outside the plan period ({planFrom} – {planTo})',
  },
  planNotIssued: {
    vi: 'Kế hoạch còn là dự thảo: chỉ sơ kết, tổng kết kế hoạch đã ban hành',
    en: 'The plan is still a draft: only an issued plan is reviewed',
  },
  reviewExists: {
    vi: 'Kế hoạch đã có báo cáo {label}: mở báo cáo đó hoặc tạo phiên bản mới',
    en: 'The plan already has a report for {label}: open it or make a new version',
  },
  notDraft: {
    vi: 'Báo cáo đã chốt số liệu ngày {date}: không sửa được nữa, hãy tạo phiên bản mới',
    en: 'The report was frozen on {date}: it cannot be edited; make a new version',
  },
  sectionTooLong: {
    vi: 'Phần "{section}" dài {length} ký tự, vượt giới hạn {max} ký tự',
    en: 'Section "{section}" has {length} characters, over the limit of {max}',
  },
  placeholderUnknown: {
    vi: 'Phần "{section}" có trường số liệu không tồn tại: {placeholder} (dùng được: {known})',
    en: 'Section "{section}" has an unknown figure field: {placeholder} (known: {known})',
  },
  notFrozen: {
    vi: 'Báo cáo chưa chốt số liệu: chốt số liệu trước khi gửi',
    en: 'The report is not frozen yet: freeze its figures before sending it',
  },
  alreadySent: {
    vi: 'Báo cáo đã được gửi lên {unit}',
    en: 'The report has already been sent to {unit}',
  },
  notParent: {
    vi: 'Chỉ gửi báo cáo lên đơn vị cấp trên trực tiếp ({parent}) của đơn vị báo cáo',
    en: 'A report goes to the reporting unit’s direct parent ({parent}) only',
  },
  noParent: {
    vi: 'Đơn vị báo cáo không có đơn vị cấp trên vào ngày {date}',
    en: 'The reporting unit has no parent on {date}',
  },
  notSubmitted: {
    vi: 'Báo cáo không ở trạng thái chờ cấp trên tiếp nhận',
    en: 'The report is not waiting for the level above',
  },
  notLatest: {
    vi: 'Chỉ tạo phiên bản mới từ phiên bản mới nhất (phiên bản {version})',
    en: 'A new version is made from the latest version only (version {version})',
  },
  draftExists: {
    vi: 'Đã có phiên bản {version} đang soạn thảo',
    en: 'Version {version} is already a draft',
  },
  commentRequired: {
    vi: 'Nhập lý do trả lại báo cáo',
    en: 'Give the reason for returning the report',
  },
});
