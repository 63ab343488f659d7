import { defineMessages } from '../i18n/messages.js';

/**
 * What the engine says about the ways real office files differ from the template: cells that are not data
 * (error values, broken shared strings, hidden control characters), the end of the table (a total row, the
 * signature block), values written in a spelling no list knows, and the figures' date.
 */
export const officeMessages = defineMessages('importsOffice', {
  cellError: {
    vi: 'Ô chứa giá trị lỗi của Excel «{code}», không phải dữ liệu. Sửa công thức hoặc gõ lại giá trị rồi tải lên lại.',
    en: 'The cell holds an Excel error value «{code}», not data. Fix the formula or type the value again and re-upload.',
  },
  cellBadString: {
    vi: 'Ô bị hỏng (tham chiếu tới một chuỗi không có trong tệp). Mở tệp bằng Excel, gõ lại ô này và lưu lại.',
    en: 'The cell is damaged (it points to a string that is not in the file). Open the file in Excel, retype this cell and save.',
  },
  cellControl: {
    vi: 'Ô có ký tự điều khiển ẩn ({chars}), thường do sao chép từ trang web hoặc tin nhắn. Gõ lại nội dung ô này.',
    en: 'The cell has hidden control characters ({chars}), usually from copying from a web page or a chat. Retype it.',
  },
  endOfTable: {
    vi: 'Bảng kết thúc ở dòng {row} («{text}»); {n} dòng từ đó trở đi (dòng tổng, chữ ký) không được nhập.',
    en: 'The table ends at row {row} («{text}»); {n} rows from there on (total, signatures) are not imported.',
  },
  unknownValue: {
    vi: '«{raw}» chưa khớp mục nào của danh sách «{field}» ({rows} dòng). Chọn mục tương ứng ở bước ghép giá trị.',
    en: '«{raw}» matches no entry of the «{field}» list ({rows} rows). Choose the matching entry in the value mapping step.',
  },
  unknownValueRow: {
    vi: '«{raw}» chưa được ghép với mục nào của danh sách (xem bước ghép giá trị)',
    en: '«{raw}» is not mapped to any entry of the list (see the value mapping step)',
  },
  duplicateOfRejected: {
    vi: 'Trùng {key} với dòng {first} trong tệp (dòng đó cũng bị từ chối)',
    en: 'Same {key} as row {first} of the file (that row is rejected too)',
  },
  asOfRequired: {
    vi: 'Tệp không có cột ngày khảo sát: cần nhập «Số liệu tính đến ngày» cho cả danh sách.',
    en: 'The file has no survey date column: give "the date of these figures" for the whole list.',
  },
  asOfInFuture: {
    vi: 'Ngày của số liệu không được sau hôm nay',
    en: 'The date of the figures cannot be after today',
  },
  surveyExists: {
    vi: 'Đã có số liệu khảo sát ngày {date}; không thêm lần nữa',
    en: 'A survey dated {date} is already recorded; not added again',
  },
  surveyOlder: {
    vi: 'Số liệu ngày {date} cũ hơn lần khảo sát gần nhất ({last}); được lưu vào lịch sử',
    en: 'Figures dated {date} are older than the latest survey ({last}); kept in the history',
  },
  decisionDateRequired: {
    vi: 'Tệp không có cột ngày vào công đoàn: cần nhập ngày của quyết định kết nạp cho cả danh sách.',
    en: 'The file has no admission date column: give the admission decision date for the whole list.',
  },
  decisionInvalid: {
    vi: '{field}: «{raw}» không phải ngày dd/mm/yyyy',
    en: '{field}: «{raw}» is not a dd/mm/yyyy date',
  },
  ceremonyBeforeDecision: {
    vi: 'Ngày kết nạp (lễ) không được trước ngày quyết định',
    en: 'The ceremony date cannot be before the decision date',
  },
  nameJoined: {
    vi: 'Họ và tên ghép từ hai cột «Họ và tên đệm» và «Tên»',
    en: 'Full name joined from the two columns "family and middle names" and "given name"',
  },
  birthPartsInvalid: {
    vi: 'Ngày sinh ghép từ các cột ngày/tháng/năm không hợp lệ: {raw}',
    en: 'The date of birth from the day/month/year columns is invalid: {raw}',
  },
  mappedValue: {
    vi: '«{raw}» được hiểu là «{name}» (theo ghép giá trị)',
    en: '«{raw}» read as «{name}» (value mapping)',
  },
  cliUnknownValue: {
    vi: '  ? {field}: «{value}» chưa khớp danh mục; ghép bằng --map "{field}={value}:MÃ" (MÃ một trong: {choices})',
    en: '  ? {field}: «{value}» matches no entry; map it with --map "{field}={value}:CODE" (CODE one of: {choices})',
  },
  cliMapField: {
    vi: 'Không có cột «{field}» để ghép giá trị; dùng một trong: {fields}',
    en: 'No field «{field}» to map values of; use one of: {fields}',
  },
  cliMapFormat: {
    vi: '--map «{map}» không đúng dạng cột=giá trị:mã (ví dụ ownership=Cty liên kết:PRIVATE)',
    en: '--map «{map}» is not field=value:code (e.g. ownership=Cty liên kết:PRIVATE)',
  },
  batchInterrupted: {
    vi: 'Bị gián đoạn (máy chủ dừng khi đang nhập); không có gì được ghi',
    en: 'Interrupted (the server stopped during the import); nothing was written',
  },
});
