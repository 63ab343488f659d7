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
  phoneEmpty: { vi: 'Chưa nhập số điện thoại', en: 'No phone number entered' },
  phoneForeign: { vi: 'Chỉ nhận số điện thoại Việt Nam (+84)', en: 'Only Vietnamese phone numbers (+84) are accepted' },
  phoneDigits: { vi: 'Số điện thoại chỉ được gồm chữ số', en: 'A phone number has digits only' },
  phoneStart: { vi: 'Số điện thoại phải bắt đầu bằng 0 hoặc +84', en: 'A phone number starts with 0 or +84' },
  phoneService: {
    vi: 'Số {value} là số {what}, không phải số di động hay máy bàn của một người',
    en: '{value} is a {what} number, not a person’s mobile or landline',
  },
  phoneOldLandline: {
    vi: 'Số máy bàn phải có 11 chữ số, bắt đầu bằng mã vùng mới 02x (đổi từ năm 2017)',
    en: 'A landline number has 11 digits and starts with the new 02x area code (changed in 2017)',
  },
  phoneNoCarrier: {
    vi: 'Đầu số {prefix} không phải đầu số di động của nhà mạng nào tại Việt Nam',
    en: '{prefix} is no Vietnamese carrier’s mobile prefix',
  },
  phoneUnallocated: {
    vi: 'Số {value} chưa được cấp: dải số này của đầu số {prefix} ({carrier}) chưa dùng cho thuê bao',
    en: '{value} is not allocated: this block of {prefix} ({carrier}) is not in use',
  },
  phoneNoLandline: {
    vi: 'Số máy bàn {value} không có ở Việt Nam: mã vùng {area} không dùng hoặc dải số này chưa được cấp',
    en: 'There is no landline {value} in Việt Nam: area code {area} is unused or the block is not allocated',
  },
  phoneOldMobile: {
    vi: 'Số di động 11 chữ số đầu {prefix} đã bị đổi sang 10 chữ số từ năm 2018 — cần nhập số với đầu số mới',
    en: 'Mobile numbers starting {prefix} (11 digits) became 10-digit numbers in 2018 — enter the new number',
  },
  phoneOldMobileSuggest: {
    vi: 'Số di động 11 chữ số đầu {prefix} đã đổi sang đầu số mới {next} từ năm 2018 — cần nhập số mới (có thể là {suggestion})',
    en: 'Mobile numbers starting {prefix} (11 digits) moved to {next} in 2018 — enter the new number (perhaps {suggestion})',
  },
  phoneLength: {
    vi: 'Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (máy bàn), số đã nhập có {length} chữ số',
    en: 'A phone number has 10 digits (mobile) or 11 (landline); this one has {length}',
  },
});
