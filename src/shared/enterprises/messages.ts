import { defineMessages, type Message } from '../i18n/messages.js';

/**
 * The four complaints about a count field (workers, members, cost…), named after the field. Zod
 * carries only a catalogue key, so each count field gets its own entries.
 */
export function countMessages(field: Message) {
  return {
    notNumber: { vi: `${field.vi} phải là số`, en: `${field.en} must be a number` },
    notInteger: { vi: `${field.vi} phải là số nguyên`, en: `${field.en} must be a whole number` },
    negative: { vi: `${field.vi} không được âm`, en: `${field.en} cannot be negative` },
    tooLarge: { vi: `${field.vi} quá lớn`, en: `${field.en} is too large` },
  };
}

export const workerCountMessages = defineMessages(
  'enterprises.workerCount',
  countMessages({ vi: 'Số lao động', en: 'The number of workers' }),
);
export const femaleCountMessages = defineMessages(
  'enterprises.femaleCount',
  countMessages({ vi: 'Số lao động nữ', en: 'The number of women workers' }),
);
export const memberCountMessages = defineMessages(
  'enterprises.memberCount',
  countMessages({ vi: 'Số đoàn viên', en: 'The number of union members' }),
);

/** What the server says about enterprises and their surveys. */
export const enterprisesMessages = defineMessages('enterprises', {
  femaleOverWorkers: {
    vi: 'Số lao động nữ không được lớn hơn tổng số lao động',
    en: 'Women workers cannot outnumber all workers',
  },
  membersOverWorkers: {
    vi: 'Số đoàn viên không được lớn hơn tổng số lao động',
    en: 'Union members cannot outnumber all workers',
  },
  mstChecksum: { vi: 'Mã số thuế {mst} sai chữ số kiểm tra', en: 'Tax code {mst} has a wrong check digit' },
  mstFormat: {
    vi: 'Mã số thuế phải có 10 chữ số, hoặc 13 chữ số dạng XXXXXXXXXX-YYY cho chi nhánh',
    en: 'A tax code has 10 digits, or 13 digits as XXXXXXXXXX-YYY for a branch',
  },
  ownershipUnknown: {
    vi: 'Loại hình "{code}" không có trong danh mục',
    en: 'Ownership kind "{code}" is not in the list',
  },
  notGrassroots: {
    vi: 'Đơn vị được chọn không phải công đoàn cơ sở',
    en: 'The unit chosen is not a grassroots union',
  },
  /** Stands for the name of an enterprise the caller may not see (a duplicate MST in another subtree). */
  otherUnitsEnterprise: { vi: 'do đơn vị khác quản lý', en: 'managed by another unit' },

  timelineSurvey: { vi: '{workers} lao động', en: '{workers} workers' },
  timelineSurveyMembers: { vi: '{workers} lao động, {members} đoàn viên', en: '{workers} workers, {members} members' },
  timelineOutreach: { vi: '{form} ({workers} người)', en: '{form} ({workers} people)' },
  timelineOutreachTitled: { vi: '{form}: {title} ({workers} người)', en: '{form}: {title} ({workers} people)' },
  timelineCreated: { vi: 'Đưa vào danh sách', en: 'Added to the list' },

  exportFileName: { vi: 'doanh-nghiep-{to}.xlsx', en: 'enterprises-{to}.xlsx' },
  exportSheet: { vi: 'Doanh nghiệp', en: 'Enterprises' },
  exportTitle: {
    vi: 'Danh sách doanh nghiệp — kỳ tuyên truyền {from} đến {to}',
    en: 'Enterprises — outreach period {from} to {to}',
  },
  exportCommuneUnknown: { vi: 'Chưa xác định', en: 'Not found' },
  exportYes: { vi: 'Có', en: 'Yes' },
  exportNo: { vi: 'Chưa', en: 'Not yet' },
});

/** The export's columns: heading and width. */
export const ENTERPRISE_EXPORT_COLUMNS: [Message, number][] = [
  [{ vi: 'STT', en: 'No.' }, 6],
  [{ vi: 'Mã số thuế', en: 'Tax code' }, 16],
  [{ vi: 'Tên doanh nghiệp', en: 'Enterprise' }, 44],
  [{ vi: 'Địa chỉ', en: 'Address' }, 36],
  [{ vi: 'Xã/phường', en: 'Commune/ward' }, 22],
  [{ vi: 'Xã/phường theo danh mục', en: 'Commune in the official list' }, 40],
  [{ vi: 'Xã/phường từ 01/07/2025', en: 'Commune from 01/07/2025' }, 30],
  [{ vi: 'Loại hình', en: 'Ownership' }, 14],
  [{ vi: 'Ngành nghề', en: 'Industry' }, 22],
  [{ vi: 'Số lao động', en: 'Workers' }, 12],
  [{ vi: 'Lao động nữ', en: 'Women workers' }, 12],
  [{ vi: 'Đoàn viên', en: 'Union members' }, 12],
  [{ vi: 'Ngày khảo sát gần nhất', en: 'Latest survey' }, 14],
  [{ vi: 'Liên hệ gần nhất', en: 'Last contact' }, 14],
  [{ vi: 'Có CĐCS', en: 'Has a union' }, 10],
  [{ vi: 'Đã tuyên truyền trong kỳ', en: 'Reached in the period' }, 14],
  [{ vi: 'Cán bộ phụ trách', en: 'Officer in charge' }, 22],
  [{ vi: 'Đơn vị quản lý', en: 'Managing unit' }, 30],
];
