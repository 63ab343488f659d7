import { defineMessages } from '../i18n/messages.js';

/** What the identity-number checks say, in both languages (the server answers in the reader's). */
export const idsMessages = defineMessages('ids', {
  cccdEmpty: { vi: 'Chưa nhập số CCCD', en: 'No CCCD number entered' },
  cccdDigits: { vi: 'Số CCCD chỉ được gồm chữ số', en: 'A CCCD number has digits only' },
  cccdLength: {
    vi: 'Số CCCD phải có 12 chữ số (hoặc 9 chữ số với CMND cũ), số đã nhập có {length} chữ số',
    en: 'A CCCD number has 12 digits (or 9 for an old CMND); this one has {length}',
  },
  leadingZeroRestored: {
    vi: 'Đã thêm lại số 0 ở đầu bị mất khi nhập từ Excel: {value} — kiểm tra lại với giấy tờ',
    en: 'Put back the leading 0 that Excel dropped: {value} — check it against the card',
  },
  legacyCmnd: {
    vi: 'Số CMND 9 chữ số (cũ) — nên cập nhật số CCCD',
    en: 'An old 9-digit CMND number — the CCCD number should be recorded',
  },
  unknownProvince: {
    vi: 'Mã {code} ở đầu số CCCD không thuộc 63 tỉnh, thành phố (có thể là mã quốc gia nếu sinh ở nước ngoài) — kiểm tra lại',
    en: 'The code {code} at the start of the CCCD number is none of the 63 provinces (a country code if born abroad?) — check it',
  },
  birthYearMismatch: {
    vi: 'Số CCCD cho năm sinh {year} nhưng ngày sinh là {birth}',
    en: 'The CCCD number gives birth year {year} but the date of birth is {birth}',
  },
  genderMismatch: {
    vi: 'Số CCCD ứng với giới tính {card} nhưng hồ sơ ghi {record}',
    en: 'The CCCD number is that of a {card} person but the record says {record}',
  },
});
