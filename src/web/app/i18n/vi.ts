/**
 * Vietnamese UI text: the default catalogue and the source of the message keys.
 * `{name}` placeholders are filled by t(key, params).
 */
import { applicationsVi } from '../../features/applications/messages.js';
import { auditVi } from '../../features/audit/messages.js';
import { authVi } from '../../features/auth/messages.js';
import { dashboardVi } from '../../features/dashboard/messages.js';
import { enterprisesVi } from '../../features/enterprises/messages.js';
import { importsVi } from '../../features/imports/messages.js';
import { membersVi } from '../../features/members/messages.js';
import { orgVi } from '../../features/org/messages.js';
import { outreachVi } from '../../features/outreach/messages.js';
import { plansVi } from '../../features/plans/messages.js';
import { usersVi } from '../../features/users/messages.js';

export const vi = {
  ...membersVi,
  ...applicationsVi,
  ...authVi,
  ...orgVi,
  ...usersVi,
  ...auditVi,
  ...enterprisesVi,
  ...outreachVi,
  ...importsVi,
  ...dashboardVi,
  ...plansVi,
  'app.name': 'Đoàn Viên',
  'app.tagline': 'Phát triển đoàn viên, thành lập công đoàn cơ sở',
  'app.loading': 'Đang tải…',

  'lang.label': 'Ngôn ngữ',
  'lang.vi': 'VI',
  'lang.en': 'EN',
  'lang.changeFailed': 'Không lưu được lựa chọn ngôn ngữ',

  'nav.org': 'Cơ cấu tổ chức',
  'nav.import': 'Nhập từ Excel',
  'nav.users': 'Người dùng',
  'nav.audit': 'Nhật ký',
  'nav.menu': 'Mở menu',
  'endedUnit.withSuccessor': '{name} đã kết thúc ngày {date}; đơn vị tiếp nhận: {successor}',
  'endedUnit.noSuccessor': '{name} đã kết thúc ngày {date}',
  'endedUnit.hint':
    'Hồ sơ từ ngày kết thúc trở đi thuộc đơn vị tiếp nhận. Bạn vẫn nhập được hồ sơ của thời gian đơn vị còn hoạt động: chọn ngày của hồ sơ trước, danh sách đơn vị sẽ theo cây tổ chức tại ngày đó.',

  'common.save': 'Lưu',
  'common.cancel': 'Huỷ',
  'common.close': 'Đóng',
  'common.add': 'Thêm',
  'common.remove': 'Xoá',
  'common.edit': 'Sửa',
  'common.actions': 'Thao tác',
  'common.search': 'Tìm kiếm',
  'common.required': 'Bắt buộc nhập',
  'common.total': 'Tổng số: {n}',
  'common.none': '—',
  'common.yes': 'Đồng ý',
  'common.retry': 'Thử lại',
  'common.notFound': 'Không có trang này.',
  'common.backHome': 'Về trang chủ',
  'common.forbidden': 'Bạn không có quyền xem trang này.',
  'common.saved': 'Đã lưu',

  'date.placeholder': 'dd/mm/yyyy',
  'date.today': 'Hôm nay',
  'date.range': 'Từ {from} đến {to}',
  'date.rangeOpen': 'Từ {from} đến nay',

  'error.network': 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
  'error.unexpected': 'Đã có lỗi xảy ra. Vui lòng thử lại.',
  'error.page': 'Trang gặp lỗi khi hiển thị.',

  'scope.unit': 'Đơn vị',
  'scope.unitPlaceholder': 'Chọn đơn vị',
  'period.label': 'Kỳ',
  'period.from': 'Từ ngày',
  'period.to': 'Đến ngày',
  'period.thisYear': 'Năm nay',
  'period.plan': 'Kỳ KH {ref}',
  'period.thisQuarter': 'Quý này',
  'period.sixMonths': '6 tháng qua',
  'period.shortcuts': 'Chọn nhanh kỳ',
  'filter.yes': '{label}: có',
  'filter.no': '{label}: không',
};
