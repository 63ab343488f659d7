import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../server/config.js';
import { BackupProblem, T } from '../server/modules/backup/backup.problem.js';
import { createBackup, MIN_PASSPHRASE, restoreBackup } from '../server/modules/backup/backup.service.js';
import { viDateTime } from '../server/modules/members/members.export.js';
import { keyFilePath } from '../server/platform/secrets.js';
import { appVersion } from '../server/platform/version.js';
import { askHidden } from './prompt.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;

/**
 * `backup <file>` and `restore <file>` (backup.service.ts). The passphrase sealing the data key comes from
 * BACKUP_PASSPHRASE, else is asked on the terminal (twice when backing up); neither refuses. Refusals print one
 * Vietnamese sentence and exit 2 (1 when the machine or the archive is at fault).
 */
export function registerBackup(program: Command) {
  program
    .command('backup')
    .argument('<file>', 'tệp sao lưu sẽ tạo, ví dụ doanvien-2025-07-01.tar.gz')
    .option('--without-key', 'không kèm khoá dữ liệu (khi đó phải tự giữ riêng tệp khoá)')
    .description('Sao lưu cơ sở dữ liệu, khoá dữ liệu (mã hoá bằng mật khẩu) và các tệp đính kèm vào một tệp')
    .action(async (file: string, o: { withoutKey?: boolean }) => {
      // Whatever this process creates holds personal data: its own account only (the archive is 0600 anyway).
      process.umask(0o077);
      const config = loadConfig();
      const target = path.resolve(file);
      const s = await createBackup(config, target, {
        withoutKey: Boolean(o.withoutKey),
        version: appVersion(),
        passphrase: async () => {
          if (config.backupPassphrase) return config.backupPassphrase;
          const first = await askHidden(`Mật khẩu sao lưu (ít nhất ${MIN_PASSPHRASE} ký tự): `);
          if (first === null) return null;
          if (first.length < MIN_PASSPHRASE) throw new BackupProblem(T.shortPassphrase);
          if ((await askHidden('Nhập lại mật khẩu: ')) !== first) throw new BackupProblem(T.passphraseMismatch);
          return first;
        },
      });
      console.log(
        `Đã sao lưu ${s.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'} và ${s.files} tệp vào ${s.file} (${mb(s.bytes)}).`,
      );
      if (s.keyIncluded)
        console.log(
          'Khoá dữ liệu đã được mã hoá bằng mật khẩu sao lưu và nằm trong bản sao lưu: hãy giữ mật khẩu ở nơi khác, thiếu nó thì không khôi phục được.',
        );
      else if (s.keySource === 'none')
        console.log('Chưa có khoá dữ liệu (chưa mã hoá dữ liệu nào): bản sao lưu không kèm khoá.');
      else console.log(T.withoutKey(config.dataKey ? 'DATA_KEY' : keyFilePath(config.dataDir)));
      for (const m of s.missing)
        console.log(`  ! Không thấy tệp ${m} mà cơ sở dữ liệu nhắc tới: không có trong bản sao lưu.`);
      console.log('Bản sao lưu chứa dữ liệu cá nhân: cất ở nơi chỉ người có trách nhiệm đọc được.');
    });

  program
    .command('restore')
    .argument('<file>', 'tệp sao lưu do lệnh backup tạo')
    .description('Khôi phục bản sao lưu vào DATA_DIR trống (và cơ sở dữ liệu PostgreSQL trống khi đặt DATABASE_URL)')
    .action(async (file: string) => {
      process.umask(0o077);
      const config = loadConfig();
      const s = await restoreBackup(config, path.resolve(file), {
        passphrase: async () => config.backupPassphrase ?? (await askHidden('Mật khẩu sao lưu: ')),
      });
      const when = viDateTime(config.timeZone, new Date(s.createdAt));
      console.log(
        `Đã khôi phục bản sao lưu lúc ${when} (Đoàn Viên ${s.appVersion}): ${s.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${s.files} tệp, ${s.keyRestored ? 'khoá dữ liệu' : 'không có khoá dữ liệu'} → ${config.dataDir}.`,
      );
      if (s.startProblem) {
        console.error(s.startProblem);
        process.exitCode = 3;
      } else console.log('Máy chủ khởi động được từ thư mục này (npm start với cùng DATA_DIR).');
    });
}
