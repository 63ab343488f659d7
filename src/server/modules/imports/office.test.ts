import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { cccd } from '../../test/people.js';
import { failInterruptedBatches, insertBatch } from './imports.repository.js';

/**
 * Lists as offices really send them, through the API: a total row and signatures under the table, variant
 * spellings (seeded aliases) and one no list knows (mapped once, remembered), a member list split over
 * "Họ và tên đệm" + "Tên" and Ngày / Tháng / Năm with an x under Nam or Nữ and no admission date column,
 * an enterprise list without a survey date column, and a batch left running by a killed process.
 */
let env: TestEnv;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-import-office-'));
  env = await createTestEnv({ dataDir: dir } as never);
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = Math.floor(Math.random() * 1_000_000);
const mst = (): string => {
  for (;;) {
    const base = `38${String(1_000_000 + (seq++ % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};
const xlsx = (name: string, rows: unknown[][], merges: string[] = []) => writeXlsx(dir, name, rows, merges);
const upload = (c: Client, kind: string, file: string, unitId: number, source: string) =>
  uploadFile(env, c, `/api/imports/${kind}`, file, { unitId: String(unitId), source });

describe('an enterprise list from the district office', () => {
  it('ends at the total row, reads aliases, maps an unknown spelling once and remembers it', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const m = [mst(), mst(), mst(), mst()];
    const rows = [
      ['LIÊN ĐOÀN LAO ĐỘNG HUYỆN PHÚ RIỀNG'],
      ['DANH SÁCH DOANH NGHIỆP'],
      [],
      ['STT', 'MST', 'Tên doanh nghiệp', 'Loại hình', 'Số LĐ', 'Ngày khảo sát'],
      [1, m[0], 'Công ty TNHH Hải Đăng', 'Cty TNHH', 15, '20/04/2024'],
      [2, m[1], 'Công ty CP Sao Mai', 'CP', 30, '20/04/2024'],
      [3, m[2], 'HTX Nông nghiệp Long Hà', 'HTX', 12, '20/04/2024'],
      [4, m[3], 'Công ty Liên kết Á Châu', 'Cty liên kết', 40, '20/04/2024'],
      ['', '', 'Tổng cộng: 4 đơn vị', '', 97, ''],
      [],
      ['', 'Người lập biểu', '', 'TM. BAN THƯỜNG VỤ'],
      ['', '', '', 'CHỦ TỊCH'],
    ];
    const file = await xlsx('dn.xlsx', rows);
    const up = await upload(admin, 'enterprises', file, t.districtA, 'Danh sách BHXH');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.data.valueMapping).toEqual({});
    const preview = await admin.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    // The total row and the signatures are not rows; the one unknown spelling is one problem, not one per row.
    expect(preview.data.rows).toBe(4);
    expect(preview.data.info).toEqual([
      'Bảng kết thúc ở dòng 9 («Tổng cộng: 4 đơn vị»); 3 dòng từ đó trở đi (dòng tổng, chữ ký) không được nhập.',
    ]);
    expect(preview.data.unknownValues).toMatchObject([
      { field: 'ownership', fieldLabel: 'Loại hình', raw: 'Cty liên kết', folded: 'ctylienket', count: 1, rows: [8] },
    ]);
    expect(preview.data.unknownValues[0]?.choices.map((c: { code: string }) => c.code)).toContain('PRIVATE');
    expect(preview.data.rejected).toHaveLength(1);
    const valueMapping = { ownership: { ctylienket: 'PRIVATE' } };
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, { valueMapping });
    expect(commit.data).toMatchObject({ committed: true, inserted: 4, rejected: [] });
    const list = (await admin.get(`/api/enterprises?unitId=${t.districtA}`)).data.items as {
      mst: string;
      ownershipCode: string;
    }[];
    const codes = Object.fromEntries(list.map((e) => [e.mst, e.ownershipCode]));
    expect([m[0], m[1], m[2], m[3]].map((x) => codes[x as string])).toEqual(['PRIVATE', 'PRIVATE', 'COOP', 'PRIVATE']);
    // The same source next time: the answer is proposed again.
    const again = await upload(admin, 'enterprises', file, t.districtA, 'Danh sách BHXH');
    expect(again.data.valueMapping).toEqual(valueMapping);
  });

  it('asks for the date of the figures and does not add a survey of today when the list is imported again', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const m = mst();
    const file = await xlsx('undated.xlsx', [
      ['MST', 'Tên DN', 'Loại hình', 'Số LĐ'],
      [m, 'Công ty TNHH Cao su Phú Riềng', 'TNHH', 120],
    ]);
    const surveys = async () =>
      env.ctx.db
        .selectFrom('enterprise_survey as s')
        .innerJoin('enterprise as e', 'e.id', 's.enterprise_id')
        .select('s.survey_date')
        .where('e.mst', '=', m)
        .execute();
    const first = await upload(admin, 'enterprises', file, t.districtA, 'khảo sát 2024');
    const refused = await admin.post(`/api/imports/${first.data.batchId}/preview`, {});
    expect(refused.data.rejected[0]?.message).toMatch(/Số liệu tính đến ngày/);
    expect(await surveys()).toEqual([]);
    const ok = await admin.post(`/api/imports/${first.data.batchId}/commit`, { asOf: '2024-06-30' });
    expect(ok.data).toMatchObject({ committed: true, inserted: 1 });
    const second = await upload(admin, 'enterprises', file, t.districtA, 'khảo sát 2024');
    const re = await admin.post(`/api/imports/${second.data.batchId}/commit`, { asOf: '2024-06-30' });
    expect(re.data).toMatchObject({ committed: true, updated: 1 });
    expect((await surveys()).map((s) => s.survey_date)).toEqual(['2024-06-30']);
    const future = await upload(admin, 'enterprises', file, t.districtA, 'khảo sát 2024');
    const f = await admin.post(`/api/imports/${future.data.batchId}/preview`, { asOf: '2999-01-01' });
    expect(f.data.rejected[0]?.message).toBe('Ngày của số liệu không được sau hôm nay');
  });
});

describe('a member list attached to one decision', () => {
  it('reads split names, Ngày/Tháng/Năm, an x under Nam or Nữ, spaced CCCDs and variant ethnicities', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const a = cccd('male', 1990);
    const b = cccd('female', 1995);
    const c = cccd('female', 1988);
    const spaced = (x: string) => `${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6, 9)} ${x.slice(9)}`;
    const rows = [
      ['DANH SÁCH ĐỀ NGHỊ KẾT NẠP ĐOÀN VIÊN'],
      ['STT', 'Họ và tên đệm', 'Tên', 'Ngày, tháng, năm sinh', '', '', 'Giới tính', '', 'Số CCCD', 'Dân tộc'],
      ['', '', '', 'Ngày', 'Tháng', 'Năm', 'Nam', 'Nữ', '', ''],
      [1, 'Nguyễn Văn', 'An', 5, 3, 1990, 'x', '', spaced(a), 'Kinh'],
      [2, 'Điểu Thị', 'Bích', 12, 11, 1995, '', 'x', spaced(b), "S'tiêng"],
      [3, 'Thị', 'Sa Ry', 1, 2, 1988, '', 'x', c, 'Khơ-me'],
      ['', 'Tổng số: 3 người'],
      [],
      ['', '', '', '', '', '', 'TM. BAN CHẤP HÀNH'],
    ];
    const merges = ['A1:J1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:H2', 'I2:I3', 'J2:J3'];
    const file = await xlsx('kn.xlsx', rows, merges);
    const up = await upload(admin, 'members', file, t.cdcsA, 'Đề nghị kết nạp');
    expect(up.statusCode, up.body).toBe(200);
    expect(up.data.mapping).toMatchObject({
      familyName: 1,
      givenName: 2,
      birthDayPart: 3,
      birthMonthPart: 4,
      birthYearPart: 5,
      birthMale: 6,
      birthFemale: 7,
      cccd: 8,
      ethnicity: 9,
      admittedOn: null,
    });
    const noDecision = await admin.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(noDecision.data.rejected[0]?.message).toMatch(/không có cột ngày vào công đoàn/);
    const decision = { decisionNo: '15/QĐ-CĐCS', decisionDate: '2024-05-10', ceremonyDate: '2024-05-19' };
    const preview = await admin.post(`/api/imports/${up.data.batchId}/preview`, decision);
    expect(preview.data.rejected).toEqual([]);
    expect(preview.data.info).toHaveLength(1);
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, decision);
    expect(commit.data).toMatchObject({ committed: true, inserted: 3 });
    const people = await env.ctx.db
      .selectFrom('person as p')
      .innerJoin('membership as m', 'm.person_id', 'p.id')
      .select(['p.full_name', 'p.birth_date', 'p.gender', 'p.ethnicity_code', 'm.admitted_on', 'm.decision_no'])
      .select(['m.ceremony_date'])
      .where('m.unit_id', '=', t.cdcsA)
      .orderBy('p.birth_date')
      .execute();
    expect(people).toEqual([
      {
        full_name: 'Thị Sa Ry',
        birth_date: '1988-02-01',
        gender: 'female',
        ethnicity_code: '05',
        admitted_on: '2024-05-10',
        decision_no: '15/QĐ-CĐCS',
        ceremony_date: '2024-05-19',
      },
      expect.objectContaining({ full_name: 'Nguyễn Văn An', birth_date: '1990-03-05', gender: 'male' }),
      expect.objectContaining({ full_name: 'Điểu Thị Bích', birth_date: '1995-11-12', ethnicity_code: '22' }),
    ]);
  });

  it('a row with its own admission date keeps it; a CCCD repeated after a rejected row is still a duplicate', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const a = cccd('male', 1991);
    const b = cccd('female', 1993);
    const file = await xlsx('mixed.xlsx', [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào công đoàn'],
      ['Lê Văn Cường', 'nam', '01/01/1991', a, '01/03/2024'],
      ['Phạm Thị Dung', 'nu', '02/02/1993', b, ''],
      ['', 'Nữ', '03/03/1993', a, ''],
      ['Trần Văn Cường', 'M', '01/01/1991', a, ''],
    ]);
    const up = await upload(admin, 'members', file, t.cdcsA, 'danh sách tháng 5');
    const r = await admin.post(`/api/imports/${up.data.batchId}/preview`, {
      decisionNo: '20/QĐ-CĐCS',
      decisionDate: '2024-05-10',
    });
    expect(r.data.rejected.map((i: { row: number; message: string }) => [i.row, i.message])).toEqual([
      [4, 'Thiếu họ và tên'],
      [5, expect.stringMatching(/^Trùng .* với dòng 2 trong tệp$/)],
    ]);
    // Row 4 was rejected and row 5 repeats row 2's number; a list with only the rejected row first is a duplicate too.
    const file2 = await xlsx('dup.xlsx', [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào công đoàn'],
      ['', 'Nam', '01/01/1991', a, '01/03/2024'],
      ['Lê Văn Cường', 'Nam', '01/01/1991', a, '01/03/2024'],
    ]);
    const up2 = await upload(admin, 'members', file2, t.cdcsA, 'danh sách tháng 6');
    const r2 = await admin.post(`/api/imports/${up2.data.batchId}/preview`, {});
    expect(r2.data.rejected.map((i: { row: number; message: string }) => [i.row, i.message])).toEqual([
      [2, 'Thiếu họ và tên'],
      [3, expect.stringMatching(/^Trùng .* với dòng 2 trong tệp \(dòng đó cũng bị từ chối\)$/)],
    ]);
    const ok = await admin.post(`/api/imports/${up.data.batchId}/commit`, {
      decisionNo: '20/QĐ-CĐCS',
      decisionDate: '2024-05-10',
      mode: 'valid',
    });
    expect(ok.data).toMatchObject({ committed: true, inserted: 2 });
    const dates = await env.ctx.db
      .selectFrom('membership')
      .select(['admitted_on', 'decision_no'])
      .where('unit_id', '=', t.cdcsA)
      .orderBy('admitted_on')
      .execute();
    expect(dates).toEqual([
      { admitted_on: '2024-03-01', decision_no: null },
      { admitted_on: '2024-05-10', decision_no: '20/QĐ-CĐCS' },
    ]);
  });
});

describe('a batch left running by a killed process', () => {
  it('is marked failed ("bị gián đoạn") at start and listed so', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const id = await insertBatch(env.ctx.db, {
      kind: 'enterprises',
      unitId: t.districtA,
      userId: (
        await env.ctx.db
          .selectFrom('app_user')
          .select('id')
          .where('username', '=', admin.username)
          .executeTakeFirstOrThrow()
      ).id,
      fileName: 'bi-ngat.xlsx',
      source: null,
      status: 'running',
    });
    expect(await failInterruptedBatches(env.ctx.db)).toBeGreaterThanOrEqual(1);
    const b = await admin.get(`/api/imports/${id}`);
    expect(b.data).toMatchObject({ status: 'failed', failure: expect.stringMatching(/^Bị gián đoạn/) });
    const list = await admin.get(`/api/imports?unitId=${t.districtA}`);
    expect(list.data.items.find((x: { id: number }) => x.id === id)?.failure).toMatch(/gián đoạn/);
  });
});
