import { defineMessages } from '../i18n/messages.js';

/** What the server says about org units' fields. */
export const orgMessages = defineMessages('org', {
  codeMin: { vi: 'Mã đơn vị cần ít nhất 2 ký tự', en: 'A unit code needs at least 2 characters' },
  codeMax: { vi: 'Mã đơn vị tối đa 40 ký tự', en: 'A unit code has at most 40 characters' },
  codeChars: {
    vi: 'Mã đơn vị chỉ gồm chữ in hoa không dấu, chữ số, dấu gạch ngang, gạch dưới, dấu chấm',
    en: 'A unit code has only unaccented capital letters, digits, hyphens, underscores and dots',
  },
  typeUnknown: { vi: 'Loại đơn vị "{code}" không tồn tại', en: 'There is no unit type "{code}"' },
  noChange: { vi: 'Không có thay đổi nào được nhập', en: 'No change was entered' },
  alreadyUnder: { vi: 'Đơn vị đã trực thuộc đơn vị này', en: 'The unit is already under this unit' },
  unitEnded: {
    vi: '{name} đã kết thúc ngày {date}; đơn vị tiếp nhận: {successor}',
    en: '{name} ended on {date}; its successor is {successor}',
  },
  unitEndedNoSuccessor: {
    vi: '{name} đã kết thúc ngày {date}; không ghi nhận đơn vị tiếp nhận',
    en: '{name} ended on {date}; no successor was recorded',
  },
  laterParentMissing: {
    vi: '{parent} kết thúc ngày {date}: cho biết từ ngày đó đơn vị chuyển về đơn vị nào (đề xuất: {proposed})',
    en: '{parent} ended on {date}: say which unit this unit moved to from that date (proposed: {proposed})',
  },
  laterParentNoProposal: { vi: 'không có', en: 'none' },
  laterParentUnused: {
    vi: 'Không có thay đổi đơn vị cấp trên nào vào ngày {date}',
    en: 'No parent change happens on {date}',
  },
  successorUnknown: {
    vi: 'Đơn vị tiếp nhận không tồn tại hoặc không hoạt động vào ngày kết thúc',
    en: 'The successor does not exist or is not active on the end date',
  },
});
