import { defineMessages } from '../i18n/messages.js';

/** What the enterprise import says about a row, an undo and its template. */
export const enterpriseImportMessages = defineMessages('enterprises.import', {
  nameMissing: { vi: 'Thiếu tên doanh nghiệp', en: 'The enterprise name is missing' },
  ownershipMissing: { vi: 'Thiếu loại hình doanh nghiệp', en: 'The ownership type is missing' },
  workersMissing: {
    vi: 'Có số lao động nữ / đoàn viên nhưng thiếu tổng số lao động',
    en: 'Female workers or members are given but the total number of workers is missing',
  },
  femaleOverWorkers: {
    vi: 'Số lao động nữ ({female}) lớn hơn tổng số lao động ({workers})',
    en: 'Female workers ({female}) are more than all workers ({workers})',
  },
  membersOverWorkers: {
    vi: 'Số đoàn viên ({members}) lớn hơn tổng số lao động ({workers})',
    en: 'Members ({members}) are more than all workers ({workers})',
  },
  surveyInFuture: { vi: 'Ngày khảo sát ở tương lai', en: 'The survey date is in the future' },
  editedLater: { vi: '{n} doanh nghiệp đã sửa sau đó', en: '{n} enterprises edited since' },
  laterSurveys: { vi: '{n} lần khảo sát mới', en: '{n} newer surveys' },
  outreach: { vi: '{n} hoạt động tuyên truyền', en: '{n} outreach events' },
  templateTitle: {
    vi: 'DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN (mẫu nhập Đoàn Viên)',
    en: 'ENTERPRISES OF THE AREA (Đoàn Viên import template)',
  },
});
