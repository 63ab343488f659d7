import { defineMessages } from '../i18n/messages.js';

/** Field messages every feature uses. */
export const commonMessages = defineMessages('common', {
  required: { vi: 'Thiếu trường bắt buộc', en: 'This field is required' },
  unknownFields: { vi: 'Trường không được phép: {keys}', en: 'Field not allowed: {keys}' },
  brokenReference: { vi: 'Tham chiếu tới bản ghi không tồn tại', en: 'Refers to a record that does not exist' },
  dateFormat: { vi: 'Ngày phải có dạng YYYY-MM-DD', en: 'A date must be written YYYY-MM-DD' },
  dateNotReal: { vi: 'Ngày không tồn tại', en: 'No such date' },
  noFile: { vi: 'Chưa chọn tệp', en: 'No file chosen' },
});
