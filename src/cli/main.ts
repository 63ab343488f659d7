import { Command } from 'commander';
import { ensureFirstAdmin } from '../server/bootstrap/first-admin.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { type DbHandle, migrateToLatest, openDatabase } from '../server/db/database.js';
import { formatAccounts, loadDemo } from '../server/demo/demo.js';
import { generatePassword, hashPassword } from '../server/platform/password.js';
import { appVersion } from '../server/platform/version.js';

/** Operator commands against the same database the server uses (DATA_DIR or DATABASE_URL). */
async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = await openDatabase(config.db);
  try {
    await migrateToLatest(handle.db);
    return await fn(handle);
  } finally {
    await handle.close();
  }
}

const program = new Command()
  .name('doanvien')
  .description('Đoàn Viên — công cụ dòng lệnh / command-line tools')
  .version(appVersion());

program
  .command('migrate')
  .description('Tạo / cập nhật cấu trúc cơ sở dữ liệu (create or upgrade the database schema)')
  .action(async () => {
    await withDb(async (h) => {
      console.log(`Cơ sở dữ liệu (${h.kind}) đã ở phiên bản mới nhất.`);
    });
  });

program
  .command('demo')
  .description('Nạp dữ liệu mẫu Phú Riềng 2024 và sắp xếp 01/07/2025, không khởi động máy chủ')
  .action(async () => {
    await withDb(async (h) => {
      const config = loadConfig();
      const result = await loadDemo({ db: h.db, dbKind: h.kind, config, version: appVersion() });
      if (!result.loaded) {
        console.log('Dữ liệu mẫu đã có sẵn; không nạp lại.');
        return;
      }
      console.log(
        `Đã nạp dữ liệu mẫu vào ${h.kind === 'sqlite' ? config.dataDir : 'PostgreSQL'}. Tài khoản:\n${formatAccounts(result.accounts)}`,
      );
    });
  });

program
  .command('reset-password')
  .argument('<username>', 'tên đăng nhập')
  .description('Cấp lại mật khẩu cho một tài khoản (in ra một lần) — for a locked-out administrator')
  .action(async (username: string) => {
    await withDb(async (h) => {
      await ensureFirstAdmin(h.db);
      const user = await h.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', username.toLowerCase())
        .executeTakeFirst();
      if (!user) {
        console.error(`Không có tài khoản "${username}".`);
        process.exitCode = 1;
        return;
      }
      const password = generatePassword(16);
      await h.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('app_user')
          .set({ password_hash: await hashPassword(password), active: 1, updated_at: new Date().toISOString() })
          .where('id', '=', user.id)
          .execute();
        await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
        await trx
          .insertInto('audit_log')
          .values({
            at: new Date().toISOString(),
            user_id: null,
            action: 'cli.password.reset',
            entity: 'user',
            entity_id: String(user.id),
            unit_id: null,
            before_json: null,
            after_json: null,
            ip: null,
          })
          .execute();
      });
      console.log(`Mật khẩu mới của ${username}: ${password}`);
    });
  });

program.parseAsync(process.argv).catch((err) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
