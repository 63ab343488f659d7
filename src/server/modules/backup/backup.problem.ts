/**
 * What the operator is told when a backup or a restore cannot go on: Vietnamese (the command line speaks it), one
 * sentence saying what to do, and nothing written. `exit` follows the CLI's codes: 2 = wrong use or a refusal the
 * operator can fix by calling differently, 1 = the machine or the archive is at fault.
 */
export class BackupProblem extends Error {
  override name = 'BackupProblem';
  constructor(
    message: string,
    readonly exit: 1 | 2 = 2,
  ) {
    super(message);
  }
}

const KEY_FILE = 'DATA_DIR/keys/data.key';

/** The operator's words, in one place so they read alike. */
export const T = {
  noPassphrase:
    'Cần mật khẩu sao lưu để mã hoá khoá dữ liệu trong bản sao lưu: đặt BACKUP_PASSPHRASE hoặc chạy lệnh trên một terminal để nhập. Nếu muốn sao lưu không kèm khoá, thêm --without-key (khi đó phải tự giữ riêng tệp khoá). Chưa ghi gì.',
  noPassphraseRestore:
    'Bản sao lưu này chứa khoá dữ liệu đã mã hoá: cần mật khẩu sao lưu (BACKUP_PASSPHRASE hoặc nhập trên terminal). Chưa ghi gì.',
  shortPassphrase: 'Mật khẩu sao lưu phải có ít nhất 12 ký tự.',
  passphraseMismatch: 'Hai lần nhập mật khẩu không khớp. Chưa ghi gì.',
  wrongPassphrase:
    'Mật khẩu sao lưu không đúng (hoặc phần khoá của bản sao lưu đã bị sửa): không mở được khoá dữ liệu. Chưa ghi gì.',
  withoutKey: (file: string) =>
    `Bản sao lưu KHÔNG chứa khoá dữ liệu. Hãy giữ riêng tệp khoá ${file} (hoặc giá trị DATA_KEY) ở một nơi an toàn khác với bản sao lưu: thiếu khoá thì không đọc được số định danh, và máy chủ khôi phục từ bản này sẽ không khởi động cho đến khi đặt lại tệp khoá vào ${KEY_FILE}.`,
  keyMissing: (file: string) =>
    `Cơ sở dữ liệu đã mã hoá số định danh nhưng không tìm thấy khoá dữ liệu (${file} hoặc DATA_KEY). Hãy đặt lại khoá, hoặc sao lưu với --without-key nếu khoá được giữ ở nơi khác. Chưa ghi gì.`,
  keyMismatch:
    'Khoá dữ liệu hiện có (DATA_KEY hoặc DATA_DIR/keys/data.key) không phải khoá mà cơ sở dữ liệu này đã dùng: bản sao lưu sẽ vô dụng. Hãy đặt đúng khoá rồi sao lưu lại. Chưa ghi gì.',
  targetExists: (file: string) => `Tệp ${file} đã có: chọn tên khác, bản sao lưu không ghi đè tệp cũ.`,
  noDatabase: (file: string) => `Không tìm thấy cơ sở dữ liệu ${file}: kiểm tra DATA_DIR.`,
  tooLarge: (name: string) => `Tệp ${name} lớn hơn 8 GB, quá giới hạn của định dạng sao lưu.`,
  changedDuringBackup: (name: string) => `Tệp ${name} đã thay đổi trong khi sao lưu: hãy chạy lại lệnh.`,
  notEmpty: (dir: string) =>
    `DATA_DIR (${dir}) không trống: chỉ khôi phục vào một thư mục trống hoặc chưa có, để không ghi đè dữ liệu đang có. Hãy đặt DATA_DIR sang một thư mục mới.`,
  notArchive: (file: string) => `Tệp ${file} không phải bản sao lưu Đoàn Viên (hoặc đã hỏng). Chưa ghi gì.`,
  newerFormat: (v: number) =>
    `Bản sao lưu có định dạng phiên bản ${v}, mới hơn phiên bản mà chương trình này đọc được: hãy cập nhật Đoàn Viên. Chưa ghi gì.`,
  newerApp: (version: string, migration: string) =>
    `Bản sao lưu được tạo bởi Đoàn Viên ${version}, có thay đổi cấu trúc dữ liệu (${migration}) mà phiên bản này chưa biết: hãy cập nhật Đoàn Viên rồi khôi phục. Chưa ghi gì.`,
  kindMismatch: (archive: string, here: string) =>
    `Bản sao lưu là của cơ sở dữ liệu ${archive}, còn cấu hình hiện tại dùng ${here}: đặt ${archive === 'postgres' ? 'DATABASE_URL' : 'bỏ DATABASE_URL'} cho đúng rồi khôi phục lại. Chưa ghi gì.`,
  badEntry: (name: string) => `Bản sao lưu có mục lạ hoặc không an toàn (${name}): không khôi phục. Chưa ghi gì.`,
  checksum: (name: string) =>
    `Tệp ${name} trong bản sao lưu không khớp mã kiểm tra (sha256): bản sao lưu đã hỏng. Chưa ghi gì.`,
  missingEntry: (name: string) => `Bản sao lưu thiếu tệp ${name}: bản sao lưu đã hỏng. Chưa ghi gì.`,
  pgToolsMissing: (tool: string) =>
    `Không tìm thấy ${tool} trên máy này (PATH). Sao lưu và khôi phục PostgreSQL cần pg_dump và pg_restore cùng phiên bản với máy chủ (gói postgresql-client). Chưa ghi gì.`,
  pgFailed: (tool: string, detail: string) => `${tool} báo lỗi: ${detail}`,
  pgNotEmpty: (schema: string, n: number) =>
    `Cơ sở dữ liệu PostgreSQL đích không trống (lược đồ "${schema}" đã có ${n} bảng): chỉ khôi phục vào một cơ sở dữ liệu (hoặc DATABASE_SCHEMA) trống. Chưa ghi gì.`,
  pgSchemaMismatch: (archive: string, here: string) =>
    `Bản sao lưu là của lược đồ PostgreSQL "${archive}", còn cấu hình hiện tại dùng "${here}": đặt DATABASE_SCHEMA=${archive === 'public' ? '(bỏ trống)' : archive} rồi khôi phục lại. Chưa ghi gì.`,
};
