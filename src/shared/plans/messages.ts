import { defineMessages } from '../i18n/messages.js';

/** What the server says about plans, targets, shares and amendments; each message names its field. */
export const plansMessages = defineMessages('plans', {
  goalNotNumber: { vi: 'Chỉ tiêu phải là một số', en: 'The goal must be a number' },
  goalNegative: { vi: 'Chỉ tiêu không được âm', en: 'The goal cannot be negative' },
  goalTooLarge: { vi: 'Chỉ tiêu quá lớn', en: 'The goal is too large' },
  goalPercentOver100: {
    vi: 'Chỉ tiêu "{metric}" tính theo %: không được lớn hơn 100',
    en: 'The goal of "{metric}" is a percentage: it cannot exceed 100',
  },
  goalNotWhole: {
    vi: 'Chỉ tiêu "{metric}" là số đếm: phải là số nguyên',
    en: 'The goal of "{metric}" is a count: it must be a whole number',
  },
  periodEndsBeforeStart: {
    vi: 'Ngày kết thúc kỳ kế hoạch ({to}) sớm hơn ngày bắt đầu ({from})',
    en: 'The plan period ends ({to}) before it starts ({from})',
  },
  metricUnknown: {
    vi: 'Chỉ số "{metric}" không có trong danh mục chỉ số',
    en: 'Metric "{metric}" is not in the metric catalogue',
  },
  filterNotAccepted: {
    vi: 'Chỉ số "{metric}" không nhận bộ lọc "{filter}" (chỉ nhận: {accepted})',
    en: 'Metric "{metric}" does not accept the filter "{filter}" (accepted: {accepted})',
  },
  subTargetOverTarget: {
    vi: 'Chỉ tiêu con ({goal}) lớn hơn chỉ tiêu {code} ({parentGoal})',
    en: 'The sub-target ({goal}) is larger than target {code} ({parentGoal})',
  },
  subTargetOtherUnit: {
    vi: 'Chỉ tiêu con phải cùng đơn vị tính với chỉ tiêu {code}',
    en: 'A sub-target must be measured like target {code}',
  },
  targetCodeTwice: { vi: 'Mã chỉ tiêu "{code}" bị trùng', en: 'Target code "{code}" is used twice' },
  notDraft: {
    vi: 'Kế hoạch đã ban hành: chỉ tiêu chỉ thay đổi qua điều chỉnh có ngày',
    en: 'The plan is issued: its targets change only through a dated amendment',
  },
  notIssued: {
    vi: 'Kế hoạch còn là dự thảo: sửa trực tiếp, không cần điều chỉnh',
    en: 'The plan is still a draft: edit it directly, no amendment is needed',
  },
  noTargets: { vi: 'Kế hoạch chưa có chỉ tiêu nào', en: 'The plan has no targets yet' },
  amendmentBeforeIssue: {
    vi: 'Ngày điều chỉnh ({date}) sớm hơn ngày ban hành kế hoạch ({issued})',
    en: 'The amendment date ({date}) is before the plan was issued ({issued})',
  },
  amendmentNoChange: {
    vi: 'Điều chỉnh không thay đổi gì: chỉ tiêu vẫn là {goal}',
    en: 'The amendment changes nothing: the goal is still {goal}',
  },
  targetNotInPlan: { vi: 'Chỉ tiêu không thuộc kế hoạch này', en: 'The target is not in this plan' },
  shareUnitOutside: {
    vi: 'Đơn vị "{unit}" không thuộc đơn vị ban hành kế hoạch',
    en: 'Unit "{unit}" is not under the unit that issued the plan',
  },
  shareUnitNotInPeriod: {
    vi: 'Đơn vị "{unit}" không hoạt động trong kỳ kế hoạch ({from} – {to})',
    en: 'Unit "{unit}" was not active during the plan period ({from} – {to})',
  },
  shareUnitTwice: { vi: 'Đơn vị "{unit}" được giao hai lần', en: 'Unit "{unit}" is given two shares' },
  sharesOverGoal: {
    vi: 'Tổng chỉ tiêu giao ({sum}) vượt chỉ tiêu {code} ({goal}). Gửi lại với "confirm": true để xác nhận.',
    en: 'The shares add up to {sum}, more than target {code} ({goal}). Send again with "confirm": true to confirm.',
  },
  assignmentNotInPlan: {
    vi: 'Quyết định giao chỉ tiêu không thuộc kế hoạch này',
    en: 'The assignment decision does not belong to this plan',
  },
  basisUnknown: { vi: 'Căn cứ không tồn tại hoặc ngoài phạm vi', en: 'The basis does not exist or is out of reach' },
  adoptedShareUnknown: {
    vi: 'Chỉ tiêu được giao không tồn tại hoặc không giao cho đơn vị này',
    en: 'The assigned share does not exist or was not given to this unit',
  },
  planNumberTaken: {
    vi: 'Đơn vị đã có kế hoạch số {number}/{symbol} ngày {date}',
    en: 'The unit already has plan {number}/{symbol} of {date}',
  },
});
