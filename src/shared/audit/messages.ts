import { defineMessages } from '../i18n/messages.js';

/** What the server says about audit-log queries. */
export const auditMessages = defineMessages('audit', {
  periodOrder: {
    vi: 'Khoảng thời gian không hợp lệ: "Từ ngày" phải trước hoặc bằng "Đến ngày"',
    en: 'Invalid period: "from" must be on or before "to"',
  },
  actionUnknown: { vi: 'Thao tác cần lọc không có trong danh mục', en: 'Unknown action to filter by' },
});
