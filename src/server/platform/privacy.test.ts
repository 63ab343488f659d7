import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { batchDir, sweepBatchFiles, uploadedFile } from '../modules/imports/imports.files.js';
import { importFile } from '../modules/imports/imports.service.js';
import { uploadFile, writeXlsx } from '../test/files.js';
import { createTestEnv, login, makeTree, makeUser, type TestEnv } from '../test/harness.js';
import { cccd } from '../test/people.js';
import type { App } from './context.js';
import { decryptStream } from './file-crypt.js';
import { dataKeys } from './secrets.js';
import { loadActorForUser } from './session.js';

/**
 * Issue 9 §5: personal data leaves no traces — not in the log, not in a browser's cache, not in a readable file,
 * not in a stored upload after it is needed or after the person is anonymised.
 */
let env: TestEnv;
let dir: string;
let logApp: App;
const lines: string[] = [];
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-privacy-'));
  env = await createTestEnv({ dataDir: path.join(dir, 'data') } as never);
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  logApp = await buildApp(env.ctx, { logger: { level: 'trace', stream } });
  await logApp.ready();
});
afterAll(async () => {
  await logApp?.close();
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const mode = (f: string) => fs.statSync(f).mode & 0o777;
const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Số điện thoại', 'Ngày vào công đoàn'];

async function readXlsx(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  const out: string[] = [];
  wb.worksheets[0]?.eachRow((r) => {
    out.push((r.values as unknown[]).map((v) => String(v ?? '')).join('|'));
  });
  return out;
}

describe('personal data leaves no traces', () => {
  it('logs the route pattern, never a CCCD, phone number or name from a query or a body', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'officer', t.districtA);
    const c = await login(logApp, u.username, u.password);
    const id = cccd('female', 1991);
    const phone = '0987654321';
    const name = 'Trịnh Thị Riêngtư';
    const headers = { cookie: c.cookie, 'x-csrf-token': c.csrf };
    for (const q of [id, phone, name, encodeURIComponent(name)]) {
      for (const url of [`/api/members?q=${q}`, `/api/applications?q=${q}`, `/api/audit?q=${q}`, `/api/nowhere/${q}`]) {
        await logApp.inject({ method: 'GET', url, headers });
      }
    }
    const admission = await logApp.inject({
      method: 'POST',
      url: '/api/members/admissions',
      headers,
      payload: {
        unitId: t.cdcsA,
        applicationDate: '2024-01-01',
        decisionNo: '1',
        decisionDate: '2024-01-02',
        people: [{ fullName: name, birthDate: '1991-02-03', gender: 'female', cccd: id, phone }],
      },
    });
    expect(admission.statusCode, admission.body).toBe(201);
    const all = lines.join('');
    expect(all).toContain('"route":"/api/members"');
    expect(all).toContain('"route":"/api/members/admissions"');
    for (const secret of [id, phone, name, encodeURIComponent(name), 'Riêngtư']) expect(all).not.toContain(secret);
  });

  it('answers every API route but the health check with Cache-Control: no-store, exports and errors included', async () => {
    const t = await makeTree(env);
    const u = await makeUser(env, 'officer', t.districtA);
    for (const url of [
      `/api/members?unitId=${t.districtA}`,
      `/api/members/export?unitId=${t.districtA}`,
      '/api/applications',
      '/api/imports',
      '/api/audit',
      '/api/enterprises/export.xlsx',
      '/api/members/999999999',
    ]) {
      const r = await u.get(url);
      expect(r.statusCode, `${url} ${r.body.slice(0, 200)}`).toBeLessThan(500);
      expect(r.headers['cache-control'], url).toBe('no-store');
    }
    const health = await env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers['cache-control']).toBeUndefined();
  });

  it('stores uploads encrypted, 0600 in 0700 folders; drops them after the real run; rejected rows stay encrypted', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const good = cccd('male', 1990);
    const file = await writeXlsx(dir, 'ds.xlsx', [
      HEAD,
      [1, 'Nguyễn Văn Mật', '12/05/1990', 'Nam', good, '0911222333', '15/03/2024'],
      [2, 'Lê Thị Lỗi', '31/02/1990', 'Nữ', cccd('female', 1990), '', '15/03/2024'],
    ]);
    const up = await uploadFile(env, admin, '/api/imports/members', file, { unitId: String(t.cdcsA) });
    expect(up.statusCode, up.body).toBe(200);
    const batchId = up.data.batchId as number;
    const stored = uploadedFile(env.ctx, batchId);
    const bytes = fs.readFileSync(stored);
    expect(bytes.subarray(0, 4).toString()).toBe('DVF1');
    expect(bytes.equals(fs.readFileSync(file))).toBe(false);
    // An xlsx is a zip: a clear one starts with PK and names its parts.
    expect(bytes.includes(Buffer.from('xl/worksheets'))).toBe(false);
    expect(mode(stored)).toBe(0o600);
    expect(mode(batchDir(env.ctx, batchId))).toBe(0o700);
    expect(mode(path.join(env.ctx.config.dataDir, 'imports'))).toBe(0o700);

    const preview = await admin.post(`/api/imports/${batchId}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.data.inserted).toBe(1);
    expect(fs.existsSync(stored)).toBe(true);
    // No clear copy is left beside it after the run.
    expect(fs.readdirSync(batchDir(env.ctx, batchId))).toEqual(['upload']);

    const commit = await admin.post(`/api/imports/${batchId}/commit`, { mode: 'valid' });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.data.committed).toBe(true);
    expect(fs.existsSync(stored)).toBe(false);
    const rejectedFile = path.join(batchDir(env.ctx, batchId), 'rejected.xlsx');
    expect(mode(rejectedFile)).toBe(0o600);
    expect(fs.readFileSync(rejectedFile).subarray(0, 4).toString()).toBe('DVF1');
    expect(fs.readdirSync(batchDir(env.ctx, batchId))).toEqual(['rejected.xlsx']);
    const download = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${batchId}/rejected.xlsx`,
      headers: { cookie: admin.cookie },
    });
    expect(download.statusCode).toBe(200);
    const rows = await readXlsx(download.rawPayload);
    expect(rows.some((r) => r.includes('Lê Thị Lỗi'))).toBe(true);

    // Undo works without the upload.
    const undo = await admin.post(`/api/imports/${batchId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
  });

  it('deletes a rejected batch’s upload at once, and an upload left unrun after IMPORT_KEEP_HOURS', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const file = await writeXlsx(dir, 'bad.xlsx', [HEAD, [1, 'Lê Thị Lỗi', '31/02/1990', 'Nữ', cccd('female', 1990)]]);
    const up = await uploadFile(env, admin, '/api/imports/members', file, { unitId: String(t.cdcsA) });
    const rejected = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all' });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.data.committed).toBe(false);
    expect(fs.existsSync(uploadedFile(env.ctx, up.data.batchId))).toBe(false);

    const left = await uploadFile(env, admin, '/api/imports/members', file, { unitId: String(t.cdcsA) });
    expect(sweepBatchFiles(env.ctx)).toBe(0);
    const later = Date.now() + (env.ctx.config.imports.keepHours + 1) * 3_600_000;
    expect(sweepBatchFiles(env.ctx, later)).toBeGreaterThan(0);
    expect(fs.existsSync(uploadedFile(env.ctx, left.data.batchId))).toBe(false);
    const gone = await admin.post(`/api/imports/${left.data.batchId}/preview`, {});
    expect(gone.statusCode).toBe(409);
    expect(gone.data.error?.code).toBe('IMPORT_UPLOAD_EXPIRED');
    expect(gone.data.error?.message).toContain('tải tệp lên lại');
  });

  it('erases the stored files of the imports that brought a person in when the person is anonymised', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const id = cccd('male', 1988);
    const file = await writeXlsx(dir, 'anon.xlsx', [
      HEAD,
      [1, 'Đỗ Văn Xoá', '01/01/1988', 'Nam', id, '', '15/03/2024'],
      [2, 'Lê Thị Lỗi', '31/02/1990', 'Nữ', cccd('female', 1990), '', '15/03/2024'],
    ]);
    const up = await uploadFile(env, admin, '/api/imports/members', file, { unitId: String(t.cdcsA) });
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'valid' });
    expect(commit.data.committed, commit.body).toBe(true);
    expect(fs.existsSync(batchDir(env.ctx, up.data.batchId))).toBe(true);
    const member = await env.ctx.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select('membership.id')
      .where('person.full_name', '=', 'Đỗ Văn Xoá')
      .executeTakeFirstOrThrow();
    const r = await admin.post(`/api/members/${member.id}/anonymise`, { reason: 'Yêu cầu xoá dữ liệu' });
    expect(r.statusCode, r.body).toBe(200);
    expect(fs.existsSync(batchDir(env.ctx, up.data.batchId))).toBe(false);
  });

  it('refuses a second import into the same unit while one runs (IMPORT_MAX_PER_UNIT)', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const user = await env.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', admin.username)
      .executeTakeFirstOrThrow();
    const actor = await loadActorForUser(env.ctx.db, user.id, null);
    if (!actor) throw new Error('no actor');
    const file = await writeXlsx(dir, 'busy.xlsx', [HEAD, [1, 'Mai Văn Bận', '01/01/1988', 'Nam', cccd('male', 1988)]]);
    const req = {
      file,
      fileName: 'busy.xlsx',
      unitId: t.cdcsA,
      onDuplicate: 'skip',
      mode: 'all',
      dryRun: true,
    } as const;
    const first = importFile(env.ctx, actor, 'members', req);
    await expect(importFile(env.ctx, actor, 'members', req)).rejects.toMatchObject({
      code: 'IMPORT_BUSY',
      params: { count: 1, max: 1 },
    });
    await first;
    // The unit is free again once the first run ended.
    await expect(importFile(env.ctx, actor, 'members', req)).resolves.toBeTruthy();
  });

  it('creates the data folder, the database (with -wal and -shm), the key and uploads readable by the server only', async () => {
    const data = path.join(dir, 'fresh', 'data');
    const config = loadConfig({ DATA_DIR: data });
    if (env.ctx.dbKind === 'sqlite') {
      const h = await openDatabase(config.db);
      await h.db
        .selectFrom('app_user')
        .select('id')
        .execute()
        .catch(() => undefined);
      const file = path.join(data, 'doanvien.db');
      expect(mode(data)).toBe(0o700);
      for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f), f).toBe(0o600);
      await h.close();
    }
    dataKeys(config);
    expect(mode(path.join(data, 'keys'))).toBe(0o700);
    expect(mode(path.join(data, 'keys', 'data.key'))).toBe(0o600);
    // A stored file decrypts only with its own key.
    const other = loadConfig({ DATA_DIR: path.join(dir, 'other') });
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const file = await writeXlsx(dir, 'key.xlsx', [HEAD, [1, 'Mai Văn Khoá', '01/01/1988', 'Nam', cccd('male', 1988)]]);
    const up = await uploadFile(env, admin, '/api/imports/members', file, { unitId: String(t.cdcsA) });
    const chunks: Buffer[] = [];
    await expect(
      (async () => {
        for await (const c of decryptStream(other, uploadedFile(env.ctx, up.data.batchId))) chunks.push(c as Buffer);
      })(),
    ).rejects.toThrow();
  });
});
