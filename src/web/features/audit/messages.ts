/**
 * Screen text of the audit log, spread into the app catalogues (app/i18n). The names of its actions,
 * records and fields live in src/shared/audit/labels.ts (the server renders entries from them, the
 * action filter lists them). English is typed by the Vietnamese keys.
 */
export const auditVi = {
  'audit.title': 'Nhật ký thay đổi',
  'audit.at': 'Thời gian',
  'audit.user': 'Người thực hiện',
  'audit.action': 'Thao tác',
  'audit.unit': 'Đơn vị',
  'audit.entity': 'Đối tượng',
  'audit.system': 'Hệ thống',
  'audit.changedTo': 'đổi thành',
  'audit.details': 'Chi tiết',
  'audit.filter.user': 'Người thực hiện',
  'audit.filter.action': 'Thao tác',
  'audit.filter.unit': 'Đơn vị (cả đơn vị trực thuộc)',
  'audit.filter.clear': 'Bỏ lọc',
  'audit.empty': 'Chưa có mục nhật ký nào',
};

export const auditEn: Record<keyof typeof auditVi, string> = {
  'audit.title': 'Audit log',
  'audit.at': 'Time',
  'audit.user': 'By',
  'audit.action': 'Action',
  'audit.unit': 'Unit',
  'audit.entity': 'Record',
  'audit.system': 'System',
  'audit.changedTo': 'changed to',
  'audit.details': 'Details',
  'audit.filter.user': 'By',
  'audit.filter.action': 'Action',
  'audit.filter.unit': 'Unit (with its subunits)',
  'audit.filter.clear': 'Clear filters',
  'audit.empty': 'No audit entries yet',
};
