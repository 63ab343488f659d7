import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';

/** Imports through the API, on real .xlsx files the tests write with ExcelJS. */
let env: TestEnv;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-import-'));
  env = await createTestEnv({ dataDir: dir } as never);
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = Math.floor(Math.random() * 1_000_000);
/** A fresh valid MST; `zero` gives one starting with 0 (to be stored as a number, losing it). */
const mst = (zero = false): string => {
  for (;;) {
    const base = `${zero ? '03' : '38'}${String(1_000_000 + (seq++ % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};
const badCheck = (m: string) => `${m.slice(0, 9)}${(Number(m[9]) + 1) % 10}`;

const xlsx = (name: string, rows: unknown[][], merges: string[] = []) => writeXlsx(dir, name, rows, merges);

const upload = (c: Client, file: string, unitId: number, source = 'BHXH huyện') =>
  uploadFile(env, c, '/api/imports/enterprises', file, { unitId: String(unitId), source });

const TITLE = [['LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ RIỀNG'], ['DANH SÁCH DOANH NGHIỆP TỪ 10 LAO ĐỘNG TRỞ LÊN'], []];

describe('enterprise import', () => {
  it('finds the header under title rows, maps renamed headers, previews every row, commits all-or-nothing', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const zero = mst(true);
    const ok = mst();
    const wrong = badCheck(mst());
    const file = await xlsx(
      'ds.xlsx',
      [
        ...TITLE,
        ['STT', 'MST', 'Tên DN', 'Xã', 'Loại hình DN', 'Tổng số LĐ', 'LĐ nữ', 'Ngày khảo sát'],
        [1, Number(zero), 'Công ty TNHH Cao su Phú Thịnh', 'Xã Bình Tân', 'TNHH', '15 người', 6, 45400],
        [2, ok, 'Công ty Cổ phần Gỗ Long Hà', 'Xã Long Hà', 'Cổ phần', 120, 40, '20/04/2024'],
        [3, wrong, 'Công ty Sai Mã', 'Xã Long Hà', 'TNHH', 30, 10, '20/04/2024'],
        [4, ok, 'Công ty Trùng Dòng', 'Xã Long Hà', 'TNHH', 12, 2, '20/04/2024'],
      ],
      ['A1:H1'],
    );
    const up = await upload(officer, file, t.districtA);
    expect(up.statusCode).toBe(200);
    expect(up.data.headerRows).toEqual([4]);
    expect(up.data.mapping).toMatchObject({
      mst: 1,
      name: 2,
      communeName: 3,
      ownership: 4,
      workerCount: 5,
      femaleCount: 6,
      surveyDate: 7,
    });
    const before = await writeCounts(env);
    const preview = await officer.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(preview.statusCode).toBe(200);
    expect(preview.data).toMatchObject({
      rows: 4,
      inserted: 2,
      updated: 0,
      skipped: 0,
      committed: false,
      rejectedRowCount: 2,
    });
    expect(preview.data.rejected).toEqual([
      { row: 7, column: 'MST (cột B)', message: `Mã số thuế «${wrong}» sai chữ số kiểm tra` },
      { row: 8, column: 'MST (cột B)', message: `Trùng ${ok} với dòng 6 trong tệp` },
    ]);
    expect(preview.data.warnings).toEqual([{ row: 5, column: 'MST (cột B)', message: 'MST được bổ sung số 0 ở đầu' }]);
    expect(preview.data.preview.map((p: { action: string }) => p.action)).toEqual([
      'insert',
      'insert',
      'reject',
      'reject',
    ]);
    expect(await writeCounts(env)).toEqual(before);
    // All-or-nothing with rejected rows writes nothing (but the batch records the attempt).
    const all = await officer.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all' });
    expect(all.data.committed).toBe(false);
    const after = await writeCounts(env);
    expect({ ...after, import_batch: 0, audit_log: 0 }).toEqual({ ...before, import_batch: 0, audit_log: 0 });
  });

  it('commits the valid rows, returns the rejected ones as xlsx, dedupes against the database, and undoes', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const a = mst();
    const b = mst();
    const rows = (nameA: string) => [
      ...TITLE,
      ['MST', 'Tên doanh nghiệp', 'Loại hình', 'Số lao động', 'Ngày khảo sát'],
      [a, nameA, 'Ngoài nhà nước', 40, '01/03/2024'],
      [b, 'Công ty B', 'FDI', 300, '01/03/2024'],
      ['12345', 'Công ty Mã Ngắn', 'TNHH', 10, '01/03/2024'],
    ];
    const up = await upload(admin, await xlsx('valid.xlsx', rows('Công ty A')), t.districtA);
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'valid' });
    expect(commit.data).toMatchObject({ committed: true, inserted: 2, rejectedRowCount: 1 });
    const list = await admin.get(`/api/enterprises?unitId=${t.districtA}`);
    expect(list.data.items.map((e) => [e.name, e.workerCount])).toEqual([
      ['Công ty A', 40],
      ['Công ty B', 300],
    ]);
    const rej = await env.app.inject({
      method: 'GET',
      url: `/api/imports/${up.data.batchId}/rejected.xlsx`,
      headers: { cookie: admin.cookie },
    });
    expect(rej.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rej.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = ((sheet?.getRow(1).values ?? []) as unknown[]).filter(Boolean);
    expect(header.at(-1)).toBe('Lỗi');
    expect(String(sheet?.getRow(2).getCell(1).value)).toBe('7');
    expect(String(sheet?.getRow(2).getCell(header.length).value)).toMatch(/Mã số thuế/);

    // The same MSTs again: update existing (a new survey date) — not duplicated.
    const again = await upload(admin, await xlsx('again.xlsx', rows('Công ty A (đổi tên)').slice(0, 5)), t.districtA);
    expect(again.data.rememberedMapping).toBe(true);
    const upd = await admin.post(`/api/imports/${again.data.batchId}/commit`, { mode: 'all', onDuplicate: 'update' });
    expect(upd.data).toMatchObject({ committed: true, inserted: 0, updated: 1 });
    const names = (await admin.get(`/api/enterprises?unitId=${t.districtA}`)).data.items.map(
      (e: { name: string }) => e.name,
    );
    expect(names).toEqual(['Công ty A (đổi tên)', 'Công ty B']);

    // Undo the update, then the first batch: back to nothing.
    expect((await admin.post(`/api/imports/${again.data.batchId}/undo`)).statusCode).toBe(200);
    expect(
      (await admin.get(`/api/enterprises?unitId=${t.districtA}`)).data.items.map((e: { name: string }) => e.name),
    ).toEqual(['Công ty A', 'Công ty B']);
    expect((await admin.post(`/api/imports/${up.data.batchId}/undo`)).statusCode).toBe(200);
    expect((await admin.get(`/api/enterprises?unitId=${t.districtA}`)).data.total).toBe(0);
    const batches = await admin.get(`/api/imports?unitId=${t.districtA}`);
    expect(batches.data.items.map((x: { status: string }) => x.status)).toEqual(['undone', 'undone']);
  });

  it('refuses to undo a batch that newer records depend on', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const up = await upload(
      admin,
      await xlsx('dep.xlsx', [
        ['MST', 'Tên DN', 'Loại hình', 'Số LĐ'],
        [mst(), 'Công ty Phụ Thuộc', 'TNHH', 50],
      ]),
      t.districtA,
    );
    // No survey date column: the figures are dated by the date given for the whole list.
    await admin.post(`/api/imports/${up.data.batchId}/commit`, { asOf: '2024-05-01' });
    const e = (await admin.get(`/api/enterprises?unitId=${t.districtA}`)).data.items[0];
    await admin.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-06-01',
      formCode: 'LEAFLETS',
      topics: ['LABOUR_CODE'],
      enterpriseIds: [e?.id],
      workersReached: 20,
    });
    const r = await admin.post(`/api/imports/${up.data.batchId}/undo`);
    expect(r.statusCode).toBe(409);
    expect(r.data.error?.message).toContain('1 hoạt động tuyên truyền');
  });

  it('answers an empty file, a file that is not a spreadsheet, and a missing header clearly, writing nothing', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const before = await writeCounts(env);
    const empty = path.join(dir, 'empty.xlsx');
    fs.writeFileSync(empty, '');
    const e = await upload(officer, empty, t.districtA);
    expect(e.statusCode).toBe(422);
    expect(e.data.error.message).toMatch(/trống|rỗng/i);
    const pdf = path.join(dir, 'scan.pdf');
    fs.writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7)]));
    const p = await upload(officer, pdf, t.districtA);
    expect(p.statusCode).toBe(422);
    expect(p.data.error.message).toMatch(/không phải|bảng tính/i);
    const noHeader = await upload(
      officer,
      await xlsx('nohdr.xlsx', [
        ['a', 'b'],
        [1, 2],
      ]),
      t.districtA,
    );
    const prev = await officer.post(`/api/imports/${noHeader.data.batchId}/preview`, {});
    expect(prev.data.rejected[0]?.message).toMatch(/Không tìm thấy/);
    expect({ ...(await writeCounts(env)), import_batch: 0 }).toEqual({ ...before, import_batch: 0 });
  });

  it("answers a preview in the reader's language: an English user gets English row problems", async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const wrong = badCheck(mst());
    const up = await upload(
      officer,
      await xlsx('en.xlsx', [
        ['MST', 'Tên DN', 'Loại hình', 'Số LĐ', 'LĐ nữ'],
        [wrong, 'Công ty Sai Mã', 'TNHH', 30, 10],
        [mst(), 'Công ty Nhiều Nữ', 'TNHH', 30, 40],
      ]),
      t.districtA,
    );
    expect(up.data.fields.find((f: { key: string }) => f.key === 'mst')?.label).toBe('Tax code');
    // Figures without a survey date column are not dated today behind the person's back: the date is asked for.
    const undated = await officer.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(undated.data.rejected).toEqual([
      {
        row: 0,
        column: '',
        message: 'The file has no survey date column: give "the date of these figures" for the whole list.',
      },
    ]);
    const preview = await officer.post(`/api/imports/${up.data.batchId}/preview`, { asOf: '2024-06-30' });
    expect(preview.statusCode).toBe(200);
    expect(preview.data.rejected).toEqual([
      { row: 2, column: 'MST (column A)', message: `Tax code «${wrong}» has a wrong check digit` },
      { row: 3, column: 'LĐ nữ (column E)', message: 'Female workers (40) are more than all workers (30)' },
    ]);
  });

  it('serves a template with the headers, mapped automatically, whose example row is not imported by mistake', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/imports/enterprises/template.xlsx',
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    const file = path.join(dir, 'template.xlsx');
    fs.writeFileSync(file, r.rawPayload);
    const up = await upload(officer, file, t.districtA);
    expect(up.data.mapping.mst).not.toBeNull();
    const prev = await officer.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(prev.data).toMatchObject({ rows: 1, inserted: 0, skipped: 1, rejected: [] });
    expect(prev.data.warnings).toEqual([{ row: 3, column: '', message: 'Bỏ qua dòng ví dụ của tệp mẫu' }]);
  });
});

describe('a 50 MB file', () => {
  it('streams through the upload and an all-or-nothing commit that reads every row and writes nothing', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const file = path.join(dir, 'big.csv');
    const out = fs.createWriteStream(file);
    out.write('\uFEFFMã số thuế,Tên doanh nghiệp,Địa chỉ,Loại hình,Số lao động,Ghi chú\n');
    // An early bad row (wrong check digit) makes the all-or-nothing commit refuse the whole file.
    out.write(`${badCheck(mst())},Công ty Sai Mã Đầu Tệp,Ấp 1,TNHH,20,\n`);
    let bytes = 0;
    let rows = 1;
    const pad = 'x'.repeat(80);
    while (bytes < 50 * 1024 * 1024) {
      const line = `,Công ty TNHH Thương mại Dịch vụ Đồng Tâm số ${rows},"Ấp ${rows % 9}, xã Phú Riềng",TNHH,${10 + (rows % 300)},${pad}\n`;
      out.write(line);
      bytes += Buffer.byteLength(line);
      rows++;
    }
    await new Promise<void>((resolve) => out.end(resolve));
    expect(fs.statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const before = await writeCounts(env);
    const up = await upload(admin, file, t.districtA, 'tệp lớn');
    expect(up.statusCode).toBe(200);
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all', asOf: '2024-05-01' });
    expect(commit.statusCode).toBe(200);
    expect(commit.data.rows).toBe(rows);
    expect(commit.data.committed).toBe(false);
    expect(commit.data.rejected).toEqual([
      { row: 2, column: 'Mã số thuế (cột A)', message: expect.stringContaining('sai chữ số kiểm tra') },
    ]);
    expect({ ...(await writeCounts(env)), import_batch: 0, audit_log: 0 }).toEqual({
      ...before,
      import_batch: 0,
      audit_log: 0,
    });
    fs.rmSync(file, { force: true });
  }, 180_000);
});
