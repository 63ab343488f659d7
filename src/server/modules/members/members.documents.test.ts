import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMISSION_DOCUMENT_MAX_BYTES } from '../../../shared/members/contract.js';
import {
  type Client,
  createTestEnv,
  writeCounts as harnessCounts,
  makeTree,
  makeUnit,
  makeUser,
  type TestEnv,
} from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

let seq = Math.floor(Math.random() * 500_000);
const cccd = () => `0790900${String(seq++ % 100_000).padStart(5, '0')}`;
const person = (fullName: string) => ({ fullName, gender: 'male', birthDate: '1990-05-12', cccd: cccd() });
async function admitOk(c: Client, unitId: number, decisionNo: string, names: string[]) {
  const r = await c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo,
    decisionDate: '2024-03-15',
    people: names.map(person),
  });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted as { membershipId: number; personId: number }[];
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF scan of an application')]);
const PDF = Buffer.from('%PDF-1.4\n% quyết định kết nạp\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 '), Buffer.alloc(16, 2)]);

/** A browser's multipart body: the text fields first, then the file. */
async function upload(c: Client, fields: Record<string, string | number>, name: string, content: Buffer) {
  const boundary = `----doc${Date.now()}${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  const r = await env.app.inject({
    method: 'POST',
    url: '/api/members/admission-documents',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
  return Object.assign(r, { data: JSON.parse(r.body) });
}
/** The harness's row counts plus this feature's table. */
async function writeCounts(e: TestEnv) {
  const docs = await e.ctx.db
    .selectFrom('admission_document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ...(await harnessCounts(e)), admission_document: Number(docs.n) };
}
const storedFiles = () => {
  const root = path.join(env.ctx.config.dataDir, 'admission-documents');
  return fs.existsSync(root)
    ? fs.readdirSync(root, { recursive: true }).filter((f) => /\d+-[0-9a-f]{16}$/.test(String(f)))
    : [];
};

describe('admission documents', () => {
  it('uploads scans sniffed by content, lists them for every member of the decision, downloads with sensitive.read', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const [m1, m2] = await admitOk(officer, t.cdcsA, '15/QĐ-CĐCS', ['Văn Một', 'Văn Hai']);
    const [other] = await admitOk(officer, t.cdcsA, '16/QĐ-CĐCS', ['Văn Ba']);
    const fields = { unitId: t.cdcsA, decisionNo: '15/QĐ-CĐCS', kind: 'application' };

    const app = await upload(officer, fields, 'đơn tập thể.jpg', JPEG);
    expect(app.statusCode, app.body).toBe(201);
    expect(app.data).toMatchObject({
      unitId: t.cdcsA,
      decisionNo: '15/QĐ-CĐCS',
      kind: 'application',
      fileName: 'đơn tập thể.jpg',
      mime: 'image/jpeg',
      size: JPEG.length,
    });
    expect(app.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The browser said image/jpeg for each; the content decides.
    const dec = await upload(officer, { ...fields, kind: 'decision' }, 'quyet-dinh.jpg', PDF);
    expect(dec.data.mime).toBe('application/pdf');
    expect((await upload(officer, fields, 'a.png', PNG)).data.mime).toBe('image/png');
    expect((await upload(officer, fields, 'a.webp', WEBP)).data.mime).toBe('image/webp');

    const list = await officer.get(`/api/members/${m2?.membershipId}/documents`);
    expect(list.statusCode).toBe(200);
    expect(list.data.map((d: { kind: string; mime: string }) => [d.kind, d.mime])).toEqual([
      ['application', 'image/jpeg'],
      ['decision', 'application/pdf'],
      ['application', 'image/png'],
      ['application', 'image/webp'],
    ]);
    expect(list.data[0]?.uploadedBy).toMatch(/^Người dùng /);
    expect((await officer.get(`/api/members/${m1?.membershipId}/documents`)).data).toHaveLength(4);
    expect((await officer.get(`/api/members/${other?.membershipId}/documents`)).data).toEqual([]);

    // Scans of identity data: an officer sees they exist but may not open them.
    const w = await writeCounts(env);
    expect((await officer.get(`/api/admission-documents/${app.data.id}/file`)).statusCode).toBe(403);
    expect(await writeCounts(env)).toEqual(w);
    const file = await adminA.get(`/api/admission-documents/${app.data.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.from(file.rawPayload).equals(JPEG)).toBe(true);
    expect(String(file.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('đơn tập thể.jpg')}`,
    );
    const actions = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id', 'unit_id'])
      .where('entity', '=', 'admission_document')
      .where('entity_id', '=', String(app.data.id))
      .orderBy('id')
      .execute();
    expect(actions).toEqual([
      { action: 'member.document.upload', entity_id: String(app.data.id), unit_id: t.cdcsA },
      { action: 'member.document.download', entity_id: String(app.data.id), unit_id: t.cdcsA },
    ]);

    // After a transfer the member's documents are still those of the decision that admitted them.
    const cdcsA2 = await makeUnit(env, {
      name: 'CĐCS Công ty An Phát 2',
      typeCode: 'CDCS',
      parentId: t.districtA,
      from: '2015-01-01',
    });
    const moved = await adminA.post(`/api/members/${m1?.membershipId}/transfer`, {
      toUnitId: cdcsA2,
      date: '2024-06-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await adminA.get(`/api/members/${moved.data.id}/documents`)).data).toHaveLength(4);
  });

  it('refuses other files, files over 10 MB and unknown decisions in Vietnamese, keeping nothing', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    await admitOk(officer, t.cdcsA, '21/QĐ', ['Văn Bốn']);
    const fields = { unitId: t.cdcsA, decisionNo: '21/QĐ', kind: 'decision' };
    const w = await writeCounts(env);
    const files = storedFiles().length;

    const exe = await upload(officer, fields, 'scan.jpg', Buffer.from('MZ\x90\x00 not an image'));
    expect(exe.statusCode).toBe(415);
    expect(exe.data.error).toMatchObject({
      code: 'DOCUMENT_TYPE',
      message: 'Tệp hồ sơ kết nạp phải là ảnh chụp (JPEG, PNG, WebP) hoặc PDF',
    });
    expect((await upload(officer, fields, 'empty.pdf', Buffer.alloc(0))).statusCode).toBe(415);

    const big = Buffer.concat([PDF, Buffer.alloc(ADMISSION_DOCUMENT_MAX_BYTES, 0x20)]);
    const tooBig = await upload(officer, fields, 'big.pdf', big);
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.data.error?.message).toBe('Tệp quá lớn: mỗi tệp hồ sơ tối đa 10 MB');

    const wrong = await upload(officer, { ...fields, decisionNo: '99/QĐ' }, 'qd.pdf', PDF);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.data.error?.message).toBe('Không có quyết định kết nạp số 99/QĐ ở đơn vị này');
    const bad = await upload(officer, { unitId: 'x', decisionNo: '', kind: 'photo' }, 'qd.pdf', PDF);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error?.issues?.map((i: { path: string }) => i.path).sort()).toEqual([
      'decisionNo',
      'kind',
      'unitId',
    ]);
    expect(bad.data.error?.issues.find((i: { path: string }) => i.path === 'unitId').message).toBe(
      'Chọn công đoàn cơ sở',
    );

    expect(await writeCounts(env)).toEqual(w);
    expect(storedFiles().length).toBe(files);

    // Exactly 10 MB is allowed.
    const exactly = Buffer.concat([PDF, Buffer.alloc(ADMISSION_DOCUMENT_MAX_BYTES - PDF.length, 0x20)]);
    const fits = await upload(officer, fields, 'vua-du.pdf', exactly);
    expect(fits.statusCode, fits.body).toBe(201);
    expect(fits.data.size).toBe(ADMISSION_DOCUMENT_MAX_BYTES);
  });

  it('hides a sibling subtree: upload, list and download are 404 and write nothing', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const adminB = await makeUser(env, 'federation_admin', t.districtB);
    const [mb] = await admitOk(adminB, t.cdcsB, '5/QĐ', ['Văn Năm']);
    const doc = await upload(adminB, { unitId: t.cdcsB, decisionNo: '5/QĐ', kind: 'decision' }, 'qd.pdf', PDF);
    expect(doc.statusCode).toBe(201);
    const w = await writeCounts(env);
    const files = storedFiles().length;
    expect(
      (await upload(adminA, { unitId: t.cdcsB, decisionNo: '5/QĐ', kind: 'decision' }, 'x.pdf', PDF)).statusCode,
    ).toBe(404);
    expect((await adminA.get(`/api/members/${mb?.membershipId}/documents`)).statusCode).toBe(404);
    expect((await adminA.get(`/api/admission-documents/${doc.data.id}/file`)).statusCode).toBe(404);
    expect(await writeCounts(env)).toEqual(w);
    expect(storedFiles().length).toBe(files);
  });
});
