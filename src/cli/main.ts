import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { ensureFirstAdmin } from '../server/bootstrap/first-admin.js';
import { ConfigError, loadConfig } from '../server/config.js';
import { type DbHandle, migrateToLatest, openDatabase } from '../server/db/database.js';
import { formatAccounts, loadDemo } from '../server/demo/demo.js';
import { BackupProblem } from '../server/modules/backup/backup.problem.js';
import { documentPlan, documentReview } from '../server/modules/documents/documents.cli.js';
import { IMPORT_KINDS } from '../server/modules/imports/import.kinds.js';
import { failInterruptedBatches } from '../server/modules/imports/imports.repository.js';
import { importFile } from '../server/modules/imports/imports.service.js';
import { CliProblem, progressJson, progressReport, progressText } from '../server/modules/plans/plans.cli.js';
import { AppError } from '../server/platform/errors.js';
import { type FieldSpec, foldHeader, foldValue, parseDate, type RowIssue } from '../server/platform/import/index.js';
import { generatePassword, hashPassword } from '../server/platform/password.js';
import { loadActorForUser } from '../server/platform/session.js';
import { messageIn } from '../server/platform/validation.js';
import { appVersion } from '../server/platform/version.js';
import { errorMessage } from '../shared/errors/codes.js';
import { say } from '../shared/i18n/messages.js';
import { importsMessages as M } from '../shared/imports/messages.js';
import { officeMessages as O } from '../shared/imports/office.messages.js';
import { registerAdminUnits } from './admin-units.js';
import { registerBackup } from './backup.js';

/**
 * Exit codes (README, "Nhập từ dòng lệnh"): 0 done; 1 failure (database, configuration, unexpected);
 * 2 wrong use (an option, a unit, a date); 3 rows rejected, nothing written (all-or-nothing) or no valid
 * row; 4 the file cannot be read as a table (the reason is printed).
 */
const EXIT = { failure: 1, usage: 2, rejected: 3, badFile: 4 } as const;

/** A mistake in how the command was called: printed as is, exit code 2. */
class UsageError extends Error {}

/** A dd/mm/yyyy (or yyyy-mm-dd) option as an ISO date; absent → null; anything else is a usage error. */
function cliDate(v: unknown, option: string): string | null {
  if (typeof v !== 'string' || v.trim() === '') return null;
  const parsed = parseDate(v.trim());
  if ('error' in parsed || parsed.value === null) {
    throw new UsageError(vi(O.decisionInvalid, { field: option, raw: v }));
  }
  return parsed.value;
}

/** `--map field=value:code` (field by key or by its Vietnamese label) and `--map-file`, as the engine takes them. */
function cliValueMapping(
  fields: readonly FieldSpec[],
  maps: string[],
  file?: string,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const fieldOf = (name: string) => {
    const f = fields.find((x) => x.key === name || foldHeader(x.label) === foldHeader(name));
    if (!f) throw new UsageError(vi(O.cliMapField, { field: name, fields: fields.map((x) => x.key).join(', ') }));
    return f.key;
  };
  const put = (field: string, value: string, code: string) => {
    const key = fieldOf(field.trim());
    out[key] = { ...out[key], [foldValue(value)]: code.trim() };
  };
  if (file) {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, string>>;
    for (const [field, values] of Object.entries(json)) {
      for (const [value, code] of Object.entries(values)) put(field, value, String(code));
    }
  }
  for (const m of maps) {
    const match = /^([^=]+)=(.+):([^:]+)$/.exec(m);
    if (!match) throw new UsageError(vi(O.cliMapFormat, { map: m }));
    put(match[1] as string, match[2] as string, match[3] as string);
  }
  return out;
}

/** Who an operator command acts as: a named user, else the first system administrator. */
async function cliActor(h: DbHandle, username?: string) {
  const q = h.db.selectFrom('app_user as u').innerJoin('user_role as r', 'r.user_id', 'u.id').select('u.id');
  const row = username
    ? await q.where('u.username', '=', username.toLowerCase()).executeTakeFirst()
    : await q.where('r.role', '=', 'system_admin').orderBy('u.id').executeTakeFirst();
  if (!row)
    throw new Error(
      username ? `Không có người dùng "${username}"` : 'Chưa có quản trị hệ thống (chạy máy chủ một lần)',
    );
  const actor = await loadActorForUser(h.db, row.id, null);
  if (!actor) throw new Error('Tài khoản đã bị khoá');
  return actor;
}

/** The operator reads Vietnamese: the report's messages in it, one line per problem. */
const vi = (m: Parameters<typeof say>[0], params: Parameters<typeof say>[1] = {}) => say(m, params).vi;
const issueVi = (i: RowIssue) => ({ row: i.row, column: i.column.vi, message: i.message.vi });

function formatImportSummary(s: {
  file: string;
  dryRun: boolean;
  committed: boolean;
  rows: number;
  inserted: number;
  updated: number;
  skipped: number;
  rejected: { row: number; column: string; message: string }[];
  warnings: { row: number; column: string; message: string }[];
}): string {
  // Figures as plain digits, as scripts reading this output expect.
  const counts = {
    inserted: String(s.inserted),
    updated: String(s.updated),
    skipped: String(s.skipped),
    rejected: String(s.rejected.length),
    warnings: String(s.warnings.length),
  };
  const lines = [
    vi(M.cliRows, { file: s.file, rows: String(s.rows) }),
    vi(s.dryRun ? M.cliDryCounts : M.cliCounts, counts),
    vi(s.dryRun ? M.cliDryRun : s.committed ? M.cliCommitted : M.cliNotCommitted),
  ];
  for (const i of s.rejected.slice(0, 50)) lines.push(vi(M.cliError, { ...i, row: String(i.row) }));
  if (s.rejected.length > 50) lines.push(vi(M.cliMoreErrors, { n: String(s.rejected.length - 50) }));
  for (const i of s.warnings.slice(0, 20)) lines.push(vi(M.cliWarning, { ...i, row: String(i.row) }));
  return lines.join('\n');
}

/** Operator commands against the same database the server uses (DATA_DIR or DATABASE_URL). */
async function withDb<T>(fn: (h: DbHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // A command-line import is a long writer beside a running server: it waits for the server's short writes.
  const handle = await openDatabase(config.db.kind === 'sqlite' ? { ...config.db, busyTimeoutMs: 60_000 } : config.db);
  try {
    await migrateToLatest(handle.db);
    // An import killed mid-way (here or in the server) left its batch "running"; nothing of it was written.
    await failInterruptedBatches(handle.db);
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
        // The new password starts with a clean slate: no source stays slowed for this account.
        await trx.deleteFrom('login_throttle').where('username', '=', username.toLowerCase()).execute();
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

program
  .command('progress')
  .argument('<plan>', 'kế hoạch: số/ký hiệu (8/KH-LĐLĐ), số (8) hoặc id')
  .option('--as-of <date>', 'tính đến ngày (dd/mm/yyyy), mặc định hôm nay')
  .option('--unit <code>', 'mã đơn vị ban hành, khi nhiều đơn vị cùng dùng số kế hoạch')
  .option('--json', 'in kết quả dạng JSON')
  .description('Tiến độ thực hiện kế hoạch — progress of a plan (the same figures as the dashboard)')
  .action(async (ref: string, o: { asOf?: string; unit?: string; json?: boolean }) => {
    await withDb(async (h) => {
      const ctx = { db: h.db, dbKind: h.kind, config: loadConfig(), version: appVersion() };
      try {
        const p = await progressReport(ctx, ref, o);
        console.log(o.json ? JSON.stringify(progressJson(p), null, 2) : progressText(p));
      } catch (e) {
        if (!(e instanceof CliProblem)) throw e;
        console.error(e.message);
        process.exitCode = 2;
      }
    });
  });

const documentCmd = program.command('document').description('Văn bản đúng thể thức (Word/PDF) — official documents');
documentCmd
  .command('plan')
  .argument('<plan>', 'kế hoạch: số/ký hiệu (8/KH-LĐLĐ), số (8) hoặc id')
  .requiredOption('--out <file>', 'tệp ghi ra: .docx, hoặc .pdf (cần LibreOffice)')
  .option('--unit <code>', 'mã đơn vị ban hành, khi nhiều đơn vị cùng dùng số kế hoạch')
  .description('Văn bản kế hoạch (.docx hoặc .pdf) — the plan as an official document, the same file as the web')
  .action(async (ref: string, o: { out: string; unit?: string }) => {
    await withDb(async (h) => {
      const ctx = { db: h.db, dbKind: h.kind, config: loadConfig(), version: appVersion() };
      try {
        console.log(await documentPlan(ctx, ref, o));
      } catch (e) {
        if (!(e instanceof CliProblem)) throw e;
        console.error(e.message);
        process.exitCode = 2;
      }
    });
  });

documentCmd
  .command('review')
  .argument('<id>', 'id của báo cáo sơ kết, tổng kết (trong địa chỉ /reviews/<id>)')
  .requiredOption('--out <file>', 'tệp ghi ra: .docx (báo cáo), .xlsx (phụ lục số liệu) hoặc .pdf (cần LibreOffice)')
  .description('Báo cáo sơ kết, tổng kết (.docx, .xlsx hoặc .pdf) — a review report, the same files as the web')
  .action(async (id: string, o: { out: string }) => {
    await withDb(async (h) => {
      const ctx = { db: h.db, dbKind: h.kind, config: loadConfig(), version: appVersion() };
      try {
        console.log(await documentReview(ctx, id, o));
      } catch (e) {
        if (!(e instanceof CliProblem)) throw e;
        console.error(e.message);
        process.exitCode = 2;
      }
    });
  });

program
  .command('import')
  .argument('<kind>', 'loại dữ liệu: enterprises | members')
  .argument('<file>', 'tệp .xlsx hoặc .csv')
  .requiredOption('--org <code>', 'mã đơn vị quản lý (ví dụ PHURIENG); với members: mã công đoàn cơ sở')
  .option('--dry-run', 'chỉ kiểm tra, không ghi')
  .option('--on-duplicate <action>', 'khi trùng MST / CCCD: update | skip | create (create: chỉ enterprises)', 'update')
  .option('--reason <text>', 'lý do khi tạo mới bản ghi trùng (--on-duplicate create)')
  .option('--valid-only', 'ghi các dòng hợp lệ, bỏ qua dòng lỗi (mặc định: tất cả hoặc không gì cả)')
  .option('--user <username>', 'người thực hiện (mặc định: quản trị hệ thống)')
  .option('--as-of <dd/mm/yyyy>', 'enterprises: ngày của số liệu khi tệp không có cột ngày khảo sát')
  .option('--decision-no <số>', 'members: số quyết định kết nạp cho cả danh sách (dòng không có ngày vào CĐ)')
  .option('--decision-date <dd/mm/yyyy>', 'members: ngày quyết định kết nạp cho cả danh sách')
  .option('--ceremony-date <dd/mm/yyyy>', 'members: ngày lễ kết nạp')
  .option(
    '--map <cột=giá trị:mã>',
    'ghép một giá trị lạ với một mục danh mục, ví dụ "ownership=Cty liên kết:PRIVATE" (lặp lại được)',
    (v: string, all: string[]) => [...all, v],
    [] as string[],
  )
  .option('--map-file <tệp.json>', 'ghép giá trị từ tệp JSON: {"ownership": {"Cty liên kết": "PRIVATE"}}')
  .option('--json', 'in kết quả dạng JSON')
  .description('Nhập danh sách từ Excel/CSV — import a list (same engine as the web import)')
  .action(async (kind: string, file: string, o: Record<string, string | string[] | boolean | undefined>) => {
    const kinds = IMPORT_KINDS.map((k) => k.name);
    if (!kinds.includes(kind)) throw new UsageError(vi(M.cliUnknownKind, { kind, kinds: kinds.join(', ') }));
    const onDuplicate = String(o.onDuplicate);
    if (onDuplicate !== 'update' && onDuplicate !== 'skip' && onDuplicate !== 'create')
      throw new UsageError(vi(M.cliOnDuplicate));
    const fields = IMPORT_KINDS.find((k) => k.name === kind)?.fields ?? [];
    const listWide = {
      asOf: cliDate(o.asOf, '--as-of'),
      decisionNo: typeof o.decisionNo === 'string' ? o.decisionNo.trim() || null : null,
      decisionDate: cliDate(o.decisionDate, '--decision-date'),
      ceremonyDate: cliDate(o.ceremonyDate, '--ceremony-date'),
    };
    const valueMapping = cliValueMapping(
      fields,
      Array.isArray(o.map) ? o.map : [],
      typeof o.mapFile === 'string' ? o.mapFile : undefined,
    );
    await withDb(async (h) => {
      const config = loadConfig();
      const ctx = { db: h.db, dbKind: h.kind, config, version: appVersion() };
      const unit = await h.db
        .selectFrom('org_unit')
        .select('id')
        .where('code', '=', String(o.org).toUpperCase())
        .executeTakeFirst();
      if (!unit) throw new UsageError(vi(M.cliNoUnit, { code: String(o.org) }));
      const actor = await cliActor(h, typeof o.user === 'string' ? o.user : undefined);
      const mode = o.validOnly ? 'valid' : 'all';
      const { batchId, report } = await importFile(ctx, actor, kind, {
        file: path.resolve(file),
        fileName: path.basename(file),
        unitId: unit.id,
        source: 'cli',
        listWide,
        valueMapping,
        onDuplicate,
        duplicateReason: typeof o.reason === 'string' ? o.reason : null,
        mode,
        dryRun: Boolean(o.dryRun),
      });
      const summary = {
        file: path.basename(file),
        dryRun: Boolean(o.dryRun),
        mode,
        committed: report.committed,
        batchId,
        rows: report.rows,
        inserted: report.inserted,
        updated: report.updated,
        skipped: report.skipped,
        rejected: report.rejected.map(issueVi),
        warnings: report.warnings.map(issueVi),
        info: report.info.map((m) => m.vi),
        unknownValues: report.unknownValues.map((u) => ({
          field: u.field,
          value: u.raw,
          rows: u.count,
          choices: u.choices.map((c) => `${c.code} (${c.name})`),
        })),
      };
      if (o.json) console.log(JSON.stringify(summary, null, 2));
      else {
        console.log(formatImportSummary(summary));
        for (const line of summary.info) console.log(`  i ${line}`);
        for (const u of summary.unknownValues) {
          console.log(vi(O.cliUnknownValue, { field: u.field, value: u.value, choices: u.choices.join(', ') }));
        }
      }
      if (report.rejected.length > 0 && (mode === 'all' || report.rejectedRows.length === report.rows))
        process.exitCode = EXIT.rejected;
    });
  });

registerAdminUnits(program, withDb);
registerBackup(program);

program.parseAsync(process.argv).catch((err) => {
  let code: number = EXIT.failure;
  if (err instanceof ConfigError) console.error(err.message);
  else if (err instanceof BackupProblem) {
    console.error(err.message);
    code = err.exit;
  } else if (err instanceof UsageError) {
    console.error(err.message);
    code = EXIT.usage;
  } else if (err instanceof AppError && err.code === 'IMPORT_FILE') {
    // The file as a whole cannot be read: say why, in Vietnamese, as the web does.
    const m = err.params.message as { vi?: string } | undefined;
    console.error(m?.vi ?? errorMessage(err.code, 'vi', err.params));
    code = EXIT.badFile;
  } else if (err instanceof AppError && err.issues?.length) {
    console.error(err.issues.map((i) => messageIn(i.message, 'vi')).join('\n'));
    code = EXIT.usage;
  } else if (err instanceof AppError) console.error(errorMessage(err.code, 'vi', err.params));
  else console.error(err instanceof Error ? err.message : err);
  process.exit(code);
});
