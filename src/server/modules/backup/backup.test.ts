import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Config } from '../../config.js';
import { migrateToLatest, openDatabase } from '../../db/database.js';
import type { App } from '../../platform/context.js';
import { assertDataKeyAtStart, keyFilePath } from '../../platform/secrets.js';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { type Client, createTestEnv, login, makeUser, type TestEnv } from '../../test/harness.js';
import { admitOk } from '../../test/members.js';
import { cccd, person } from '../../test/people.js';
import { enterpriseSetup, survey } from '../enterprises/enterprises.fixtures.js';
import { MANIFEST } from './backup.archive.js';
import { BackupProblem } from './backup.problem.js';
import { createBackup, restoreBackup } from './backup.service.js';

/**
 * Backup → restore → the restored app answers the same: the member and enterprise exports cell for cell, a CCCD
 * opened with the restored key, the stored files byte for byte, an import upload (encrypted with the key) still
 * previewable. On SQLite (an on-disk database, backed up while the app has it open) and, in the api-postgres
 * project, on scratch PostgreSQL databases through pg_dump / pg_restore.
 */
const onPg = process.env.TEST_DB === 'postgres';
const pgUrl = process.env.TEST_DATABASE_URL;
const runs = (tool: string) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).status === 0;
const pgToolsHere = runs('pg_dump') && runs('pg_restore');
const PASS = 'mật khẩu sao lưu đủ dài 2025';
const ask = (p: string | null) => async () => p;

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-backup-'));
  dirs.push(d);
  return d;
};
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF scan of an application')]);
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(fields: Record<string, string | number>, name: string, mime: string, content: Buffer) {
  const boundary = `----bk${randomBytes(6).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${mime}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { payload: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

async function post(app: App, c: Client, url: string, body: ReturnType<typeof multipart>) {
  const r = await app.inject({
    method: 'POST',
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': body.type },
    payload: body.payload,
  });
  if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  return JSON.parse(r.body);
}

/** Members with CCCDs, enterprises, a scan, an outreach photo and an import upload kept for later. */
async function fill(env: TestEnv) {
  const { t, officer, mk } = await enterpriseSetup(env);
  const reader = await makeUser(env, 'system_admin', env.rootId);
  await mk({ name: 'Công ty TNHH Sao Lưu', survey: survey(40) });
  await mk({ name: 'Công ty CP Khôi Phục', survey: survey(120), ownershipCode: 'FDI' });
  const [m1] = await admitOk(officer, t.cdcsA, [
    person('Nguyễn Thị Hoa', { gender: 'female' }),
    person('Trần Văn Bình'),
    person('Lê Văn Cường'),
  ]);
  const membershipId = (m1 as { membershipId: number }).membershipId;
  const doc = await post(
    env.app,
    officer,
    '/api/members/admission-documents',
    multipart({ unitId: t.cdcsA, decisionNo: '12/QĐ-CĐCS', kind: 'application' }, 'đơn.jpg', 'image/jpeg', JPEG),
  );
  const ev = await officer.post('/api/outreach', {
    unitId: t.districtA,
    eventDate: '2024-05-20',
    formCode: 'CONFERENCE',
    topics: ['LABOUR_CODE'],
    workersReached: 50,
  });
  const eventId = ev.data.id as number;
  const att = await post(
    env.app,
    officer,
    `/api/outreach/${eventId}/attachments`,
    multipart({}, 'ky-ten.png', 'image/png', PNG),
  );
  const xlsx = await writeXlsx(tmp(), 'ds.xlsx', [
    ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào công đoàn'],
    ['Phạm Văn Nhập', 'Nam', '12/05/1990', cccd('male', 1990), '15/03/2024'],
  ]);
  const up = await uploadFile(env, officer, '/api/imports/members', xlsx, {
    unitId: String(t.cdcsA),
    source: 'Danh sách',
  });
  expect(up.statusCode, up.body).toBe(200);
  const revealed = await reader.post(`/api/members/${membershipId}/reveal-cccd`);
  expect(revealed.statusCode, revealed.body).toBe(200);
  return {
    t,
    reader,
    membershipId,
    cccd: revealed.data,
    docId: doc.id as number,
    attachmentUrl: `/api/outreach/${eventId}/attachments/${att.id}`,
    batchId: up.data.batchId as number,
  };
}
type Filled = Awaited<ReturnType<typeof fill>>;

/** Cell values of the first sheet, without the "exported at" line (the only thing that should differ). */
async function cells(app: App, c: Client, url: string): Promise<string[][]> {
  const r = await app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  expect(r.statusCode, r.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]?.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : JSON.stringify(v))));
  });
  return rows.filter((r) => !r.some((v) => v.startsWith('"Xuất lúc')));
}

async function exportsOf(app: App, c: Client, f: Filled) {
  return {
    members: await cells(app, c, `/api/members/export?unitId=${f.t.province}`),
    enterprises: await cells(app, c, `/api/enterprises/export.xlsx?unitId=${f.t.province}`),
  };
}

/** What main.ts does before it listens: migrate, refuse a missing or wrong key, build. */
async function startFrom(config: Config) {
  const handle = await openDatabase(config.db);
  await migrateToLatest(handle.db);
  await assertDataKeyAtStart(handle.db, config);
  const app = await buildApp({ db: handle.db, dbKind: handle.kind, config, version: 'test' }, { logger: false });
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await handle.close();
    },
  };
}

/** Everything the restored app must answer as the original did. */
async function expectSameAnswers(original: TestEnv, config: Config, f: Filled) {
  const before = await exportsOf(original.app, f.reader, f);
  expect(before.members.length).toBeGreaterThan(5);
  expect(before.members.flat().join(' ')).toContain('Nguyễn Thị Hoa');
  expect(before.enterprises.flat().join(' ')).toContain('Công ty CP Khôi Phục');
  const restored = await startFrom(config);
  try {
    const reader = await login(restored.app, f.reader.username, f.reader.password);
    expect(await exportsOf(restored.app, reader, f)).toEqual(before);
    // The key came back: the CCCD opens, and the import upload (encrypted with it) still reads.
    const revealed = await reader.post(`/api/members/${f.membershipId}/reveal-cccd`);
    expect(revealed.data).toEqual(f.cccd);
    const preview = await reader.post(`/api/imports/${f.batchId}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.data).toMatchObject({ rows: 1, inserted: 1 });
    // The stored files came back byte for byte.
    const doc = await restored.app.inject({
      method: 'GET',
      url: `/api/admission-documents/${f.docId}/file`,
      headers: { cookie: reader.cookie },
    });
    expect(doc.statusCode, doc.body).toBe(200);
    expect(doc.rawPayload.equals(JPEG)).toBe(true);
    const att = await restored.app.inject({ method: 'GET', url: f.attachmentUrl, headers: { cookie: reader.cookie } });
    expect(att.statusCode).toBe(200);
    expect(att.rawPayload.equals(PNG)).toBe(true);
  } finally {
    await restored.close();
  }
}

const modeOf = (p: string) => fs.statSync(p).mode & 0o777;

/**
 * Each database's round trip belongs to the project of that database (api-sqlite, api-postgres): the other
 * one is not defined there at all, rather than reported as skipped (a skip in CI should mean something).
 */
const describeOn = (mine: boolean) => (mine ? describe : (_name: string, _body: () => void) => undefined);

describeOn(!onPg)('backup and restore (SQLite)', () => {
  let env: TestEnv;
  let filled: Filled;
  let archive: string;
  const sqliteAt = (dataDir: string): Pick<Config, 'dataDir' | 'db'> => ({
    dataDir,
    db: { kind: 'sqlite', file: path.join(dataDir, 'doanvien.db') },
  });
  const restoredConfig = (dataDir: string): Config => ({ ...env.ctx.config, ...sqliteAt(dataDir) });

  it('round trip: backed up while the app is open, restored into an empty DATA_DIR, answers the same', async () => {
    env = await createTestEnv(sqliteAt(tmp()));
    cleanups.push(() => env.close());
    filled = await fill(env);
    archive = path.join(tmp(), 'sao-luu.tar.gz');
    const s = await createBackup(env.ctx.config, archive, {
      withoutKey: false,
      passphrase: ask(PASS),
      version: 'test',
    });
    expect(s).toMatchObject({ database: 'sqlite', files: 3, missing: [], keyIncluded: true, keySource: 'file' });
    expect(modeOf(archive)).toBe(0o600);
    // A real tar.gz: the system's tar lists it, manifest first, key second, no clear key inside.
    const listed = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout.trim().split('\n');
    expect(listed.slice(0, 3)).toEqual([MANIFEST, 'key/data.key.sealed.json', 'database/doanvien.db']);
    expect(listed.filter((n) => n.startsWith('files/')).sort()).toEqual(
      [
        expect.stringMatching(/^files\/admission-documents\/\d+\/\d+-[0-9a-f]{16}$/),
        expect.stringMatching(/^files\/attachments\/\d+\/\d+-[0-9a-f]{16}$/),
        `files/imports/${filled.batchId}/upload`,
      ].sort(),
    );
    const clearKey = fs.readFileSync(keyFilePath(env.ctx.config.dataDir), 'utf8').trim();
    const sealed = spawnSync('tar', ['-xzOf', archive, 'key/data.key.sealed.json'], { encoding: 'utf8' }).stdout;
    expect(sealed).toContain('"kdf": "scrypt"');
    expect(sealed).not.toContain(clearKey);

    const target = path.join(tmp(), 'data');
    const r = await restoreBackup(restoredConfig(target), archive, { passphrase: ask(PASS) });
    expect(r).toMatchObject({ database: 'sqlite', files: 3, keyRestored: true, startProblem: null });
    expect(modeOf(target)).toBe(0o700);
    expect(modeOf(path.join(target, 'doanvien.db'))).toBe(0o600);
    expect(modeOf(keyFilePath(target))).toBe(0o600);
    expect(fs.readFileSync(keyFilePath(target), 'utf8').trim()).toBe(clearKey);
    // No staging folder is left beside it.
    expect(fs.readdirSync(path.dirname(target))).toEqual(['data']);
    await expectSameAnswers(env, restoredConfig(target), filled);
  });

  it('refuses to back up without a passphrase (nothing written), unless --without-key', async () => {
    const file = path.join(tmp(), 'x.tar.gz');
    await expect(
      createBackup(env.ctx.config, file, { withoutKey: false, passphrase: ask(null), version: 'test' }),
    ).rejects.toThrow(/BACKUP_PASSPHRASE.*--without-key/);
    await expect(
      createBackup(env.ctx.config, file, { withoutKey: false, passphrase: ask('ngắn'), version: 'test' }),
    ).rejects.toThrow(/ít nhất 12 ký tự/);
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
    // An existing archive is never overwritten.
    await expect(
      createBackup(env.ctx.config, archive, { withoutKey: false, passphrase: ask(PASS), version: 'test' }),
    ).rejects.toThrow(/đã có/);
  });

  it('the command line refuses with a Vietnamese message and a non-zero exit when no passphrase can be had', () => {
    const file = path.join(tmp(), 'cli.tar.gz');
    const env2: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: env.ctx.config.dataDir, LOG_LEVEL: 'silent' };
    delete env2.BACKUP_PASSPHRASE;
    delete env2.DATABASE_URL;
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'backup', file], {
      env: env2,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain('Cần mật khẩu sao lưu');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a wrong passphrase on restore writes nothing', async () => {
    const target = path.join(tmp(), 'data');
    await expect(
      restoreBackup(restoredConfig(target), archive, { passphrase: ask('không phải mật khẩu này') }),
    ).rejects.toThrow(/Mật khẩu sao lưu không đúng/);
    await expect(restoreBackup(restoredConfig(target), archive, { passphrase: ask(null) })).rejects.toThrow(
      /cần mật khẩu sao lưu/,
    );
    expect(fs.readdirSync(path.dirname(target))).toEqual([]);
  });

  it('refuses a DATA_DIR that is not empty, and a damaged archive', async () => {
    const target = tmp();
    fs.writeFileSync(path.join(target, 'doanvien.db'), 'dữ liệu đang có');
    await expect(restoreBackup(restoredConfig(target), archive, { passphrase: ask(PASS) })).rejects.toThrow(
      /không trống/,
    );
    expect(fs.readFileSync(path.join(target, 'doanvien.db'), 'utf8')).toBe('dữ liệu đang có');
    expect(fs.readdirSync(target)).toEqual(['doanvien.db']);

    // One byte changed inside the database entry: its checksum no longer matches, nothing is restored.
    const raw = spawnSync('gzip', ['-dc', archive]).stdout as Buffer;
    const at = raw.indexOf(Buffer.from('SQLite format 3')) + 4096;
    raw[at] = (raw[at] ?? 0) ^ 0xff;
    const damaged = path.join(tmp(), 'hong.tar');
    fs.writeFileSync(damaged, raw);
    const gz = spawnSync('gzip', ['-n', damaged]);
    expect(gz.status).toBe(0);
    const empty = path.join(tmp(), 'data');
    await expect(restoreBackup(restoredConfig(empty), `${damaged}.gz`, { passphrase: ask(PASS) })).rejects.toThrow(
      /không khớp mã kiểm tra/,
    );
    expect(fs.existsSync(empty)).toBe(false);
    await expect(
      restoreBackup(restoredConfig(empty), path.join(tmp(), 'none'), { passphrase: ask(PASS) }),
    ).rejects.toThrow(BackupProblem);
  });

  it('--without-key: restored, the server refuses to start until the key file is put back', async () => {
    const file = path.join(tmp(), 'khong-khoa.tar.gz');
    const s = await createBackup(env.ctx.config, file, { withoutKey: true, passphrase: ask(null), version: 'test' });
    expect(s).toMatchObject({ keyIncluded: false, keySource: 'file' });
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', file, MANIFEST], { encoding: 'utf8' }).stdout);
    expect(manifest.key).toEqual({ included: false, source: 'file' });
    const target = path.join(tmp(), 'data');
    // No passphrase is needed (there is no key to open).
    const r = await restoreBackup(restoredConfig(target), file, { passphrase: ask(null) });
    expect(r.keyRestored).toBe(false);
    expect(r.startProblem).toMatch(/không tìm thấy khoá.*khôi phục tệp khoá/);
    await expect(startFrom(restoredConfig(target))).rejects.toThrow(/không tự tạo khoá mới/);
    expect(fs.existsSync(keyFilePath(target))).toBe(false);
    // The operator puts the key kept apart back: the server starts and answers as the original.
    fs.mkdirSync(path.dirname(keyFilePath(target)), { mode: 0o700 });
    fs.copyFileSync(keyFilePath(env.ctx.config.dataDir), keyFilePath(target));
    await expectSameAnswers(env, restoredConfig(target), filled);
  });
});

/** A database of its own on the test server, dropped at the end. */
async function scratchDatabase(base: string): Promise<string> {
  const name = `bk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

describeOn(Boolean(onPg && pgUrl))('backup and restore (PostgreSQL)', () => {
  const url = pgUrl as string;

  it('says so, in Vietnamese, when pg_dump or pg_restore is not on this machine', async () => {
    const config = { ...(await import('../../config.js')).loadConfig({}), dataDir: tmp() };
    const pgConfig: Config = { ...config, db: { kind: 'postgres', url } };
    const tools = { pgDump: '/khong-co/pg_dump', pgRestore: '/khong-co/pg_restore' };
    const file = path.join(tmp(), 'x.tar.gz');
    await expect(
      createBackup(pgConfig, file, { withoutKey: true, passphrase: ask(null), version: 'test', tools }),
    ).rejects.toThrow(/Không tìm thấy \/khong-co\/pg_dump.*postgresql-client/);
    expect(fs.existsSync(file)).toBe(false);
  });

  // The tools are part of the PostgreSQL client this suite already needs; their absence is not a reason to skip.
  it('round trip through pg_dump / pg_restore into an empty database; a non-empty one is refused', async () => {
    expect(pgToolsHere, 'pg_dump and pg_restore must be on PATH (postgresql-client)').toBe(true);
    const source = await scratchDatabase(url);
    const env = await createTestEnv({ dataDir: tmp(), db: { kind: 'postgres', url: source } });
    cleanups.push(() => env.close());
    const filled = await fill(env);
    const archive = path.join(tmp(), 'pg.tar.gz');
    const s = await createBackup(env.ctx.config, archive, {
      withoutKey: false,
      passphrase: ask(PASS),
      version: 'test',
    });
    expect(s).toMatchObject({ database: 'postgres', files: 3, keyIncluded: true });
    const manifest = JSON.parse(spawnSync('tar', ['-xzOf', archive, MANIFEST], { encoding: 'utf8' }).stdout);
    expect(manifest.database).toMatchObject({ kind: 'postgres', schema: 'public', extensions: ['pg_trgm'] });

    const target = await scratchDatabase(url);
    const config: Config = {
      ...env.ctx.config,
      dataDir: path.join(tmp(), 'data'),
      db: { kind: 'postgres', url: target },
    };
    const r = await restoreBackup(config, archive, { passphrase: ask(PASS) });
    expect(r).toMatchObject({ database: 'postgres', files: 3, keyRestored: true, startProblem: null });
    await expectSameAnswers(env, config, filled);
    // Restoring again into the same (now filled) database is refused, even into an empty DATA_DIR.
    await expect(
      restoreBackup({ ...config, dataDir: path.join(tmp(), 'data') }, archive, { passphrase: ask(PASS) }),
    ).rejects.toThrow(/không trống/);
  });
});
