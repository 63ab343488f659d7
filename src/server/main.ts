import { buildApp } from './app.js';
import { ensureFirstAdmin } from './bootstrap/first-admin.js';
import { ConfigError, loadConfig } from './config.js';
import { migrateToLatest, openDatabase } from './db/database.js';
import { refreshStatistics } from './db/statistics.js';
import { formatAccounts, loadDemo } from './demo/demo.js';
import { sweepBatchFiles } from './modules/imports/imports.files.js';
import { failInterruptedBatches } from './modules/imports/imports.repository.js';
import { createJobPool } from './platform/jobs/run.js';
import { assertDataKeyAtStart } from './platform/secrets.js';
import { appVersion } from './platform/version.js';

async function main() {
  // Besides the explicit 0600/0700 modes (platform/files.ts): anything else this process creates is private too.
  process.umask(0o077);
  const config = loadConfig();
  const handle = await openDatabase(config.db);
  await migrateToLatest(handle.db);
  await refreshStatistics(handle.db);
  // Before anything can make a new key: a restored database without its key refuses to start.
  await assertDataKeyAtStart(handle.db, config);
  const version = appVersion();
  // Heavy requests (exports, national counts) run in these workers, started now rather than by the first one.
  const jobs = createJobPool(config, version);
  jobs?.warm();
  const ctx = { db: handle.db, dbKind: handle.kind, config, version, jobs };
  // An import killed mid-way left its batch "running"; its transaction never committed.
  await failInterruptedBatches(handle.db);

  // Printed straight to the console, once: the operator must read these, and they never go to the log.
  if (process.argv.includes('--demo')) {
    const demo = await loadDemo(ctx);
    if (demo.loaded) {
      console.log(
        `\nĐã nạp dữ liệu mẫu Phú Riềng (2024) và sắp xếp 01/07/2025. Tài khoản:\n${formatAccounts(demo.accounts)}\n`,
      );
    } else {
      console.log('\nDữ liệu mẫu đã có sẵn; mật khẩu đã in ở lần nạp đầu tiên.\n');
    }
  }
  const first = await ensureFirstAdmin(handle.db);
  if (first) {
    console.log(
      `\n=== Tài khoản quản trị đầu tiên / first administrator ===\n  Tên đăng nhập: ${first.username}\n  Mật khẩu:      ${first.password}\n  (chỉ hiển thị lần này — hãy đổi mật khẩu sau khi đăng nhập)\n`,
    );
  }

  const app = await buildApp(ctx);
  // Uploads never run and old rejected-rows files: at start, then hourly (also at each upload).
  sweepBatchFiles(ctx);
  setInterval(() => sweepBatchFiles(ctx), 3_600_000).unref();
  // Statistics follow the data every six hours as well (imports of 10 000+ rows refresh them at once).
  setInterval(
    () => void refreshStatistics(handle.db).catch((err) => app.log.warn({ err }, 'statistics refresh failed')),
    6 * 3_600_000,
  ).unref();
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await jobs?.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  console.log(`Đoàn Viên ${ctx.version} đang chạy tại http://localhost:${config.port} (CSDL: ${handle.kind})`);
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
