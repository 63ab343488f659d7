/**
 * Vietnamese UI text: the default catalogue and the source of the message keys.
 * `{name}` placeholders are filled by t(key, params).
 */
import { authVi } from '../../features/auth/messages.js';

export const vi = {
  ...authVi,
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
  // The menu names every feature; shared components (UnitSelect, SearchToolbar) use these on any page.
  'nav.applications': 'Đơn xin gia nhập',
  'nav.dashboard': 'Tổng quan',
  'nav.enterprises': 'Doanh nghiệp',
  'ent.filters': 'Bộ lọc',
  'nav.members': 'Đoàn viên',
  'org.searchEmpty': 'Không tìm thấy đơn vị',
  'nav.outreach': 'Tuyên truyền',
  'nav.plans': 'Kế hoạch, chỉ tiêu',
  'nav.reviews': 'Báo cáo nhận được',
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
  'common.totalMore': 'Hơn {n} — hãy tìm hoặc lọc hẹp hơn',
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
