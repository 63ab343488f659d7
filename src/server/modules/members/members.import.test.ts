import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';
import { cccd } from '../../test/people.js';
import { importFile } from '../imports/imports.service.js';

/** Member lists through the import API, on real .xlsx files written with ExcelJS. */
let env: TestEnv;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-member-import-'));
  env = await createTestEnv({ dataDir: dir } as never);
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const masked = (v: string) => `${v.slice(0, 4)}•••••${v.slice(-3)}`;

const xlsx = (name: string, rows: unknown[][], merges: string[] = []) => writeXlsx(dir, name, rows, merges);

const upload = (c: Client, file: string, unitId: number, source = 'Danh sách CĐCS') =>
  uploadFile(env, c, '/api/imports/members', file, { unitId: String(unitId), source });

const countsOf = async (c: Client, unitId: number) => {
  const r = await c.get(`/api/members/counts?unitId=${unitId}&from=2024-01-01&to=2024-12-31`);
  expect(r.statusCode, r.body).toBe(200);
  return r.data;
};

/** Everything a member import writes, to compare before and after. */
const memberCounts = async () => {
  const out: Record<string, number> = {};
  for (const t of ['person', 'membership', 'membership_event'] as const) {
    const r = await env.ctx.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
};

// "Ngày sinh" merged over "Nam" | "Nữ" (the date written in the person's gender column), under a merged title.
const HEAD = [
  ['DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN CƠ SỞ CÔNG TY TNHH AN PHÁT'],
  ['STT', 'Họ và tên', 'Ngày sinh', '', 'Số CCCD', 'Dân tộc', 'Số điện thoại', 'Ngày vào công đoàn', 'Ghi chú'],
  ['', '', 'Nam', 'Nữ', '', '', '', '', ''],
];
const HEAD_MERGES = ['A1:I1', 'A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3'];

describe('member import', () => {
  it('reads a two-row Nam/Nữ header, numeric CCCDs and mixed dates; rejects, warns, commits, counts and undoes', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const provinceAdmin = await makeUser(env, 'federation_admin', t.province);
    const officerB = await makeUser(env, 'officer', t.districtB);
    // Someone already active in the other district's union.
    const elsewhere = cccd('female', 1992);
    const adm = await officerB.post('/api/members/admissions', {
      unitId: t.cdcsB,
      applicationDate: '2024-03-01',
      decisionNo: '3/QĐ-CĐCS',
      decisionDate: '2024-03-15',
      people: [{ fullName: 'Hoàng Thị Em', gender: 'female', birthDate: '1992-04-04', cccd: elsewhere }],
    });
    expect(adm.statusCode, adm.body).toBe(201);

    const an = cccd('male', 1990);
    const binh = cccd('female', 1995);
    const phuc = cccd('male', 1986);
    const rows = [
      ...HEAD,
      // A serial date, a CCCD stored as a number (its leading zero lost).
      [1, 'Nguyễn Văn An', 33001, '', Number(an), 'Kinh', '0912345678', '15/03/2024', ''],
      // dd/mm/yyyy in the Nữ column, d/m/yyyy admission, informal by the note.
      [2, 'Lê Thị Bình', '', '01/02/1995', binh, 'Kinh', '', '5/3/2024', 'LĐ tự do'],
      [3, 'Trần Văn Cường', '20/07/1988', '', '07908800012X', 'Kinh', '', '15/03/2024', ''],
      [4, 'Phạm Văn Dũng', '20/07/1988', '', an, 'Kinh', '', '15/03/2024', ''],
      [5, 'Hoàng Thị Em', '', '04/04/1992', elsewhere, 'Kinh', '', '15/03/2024', ''],
      // Birth year 1985 against a CCCD of 1986; a note that says the person has gone.
      [6, 'Vũ Văn Phúc', new Date(Date.UTC(1985, 11, 12)), '', phuc, 'Kinh', '', '15/03/2024', 'Đã chuyển đi'],
    ];
    const file = await xlsx('ds-doan-vien.xlsx', rows, HEAD_MERGES);
    const up = await upload(admin, file, t.cdcsA);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.data.headerRows).toEqual([2, 3]);
    expect(up.data.mapping).toMatchObject({
      fullName: 1,
      birthMale: 2,
      birthFemale: 3,
      cccd: 4,
      ethnicity: 5,
      phone: 6,
      admittedOn: 7,
      notes: 8,
    });

    const before = await writeCounts(env);
    const preview = await admin.post(`/api/imports/${up.data.batchId}/preview`, {});
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.data).toMatchObject({ rows: 6, inserted: 3, updated: 0, skipped: 0, rejectedRowCount: 3 });
    expect(preview.data.rejected).toEqual([
      {
        row: 6,
        column: 'Số CCCD (cột E)',
        message: 'Số CCCD chỉ được gồm chữ số («07908800012X»)',
      },
      { row: 7, column: 'Số CCCD (cột E)', message: `Trùng ${masked(an)} với dòng 4 trong tệp` },
      {
        row: 8,
        column: 'Số CCCD (cột E)',
        message:
          'Đang là đoàn viên sinh hoạt tại một đơn vị ngoài phạm vi quản lý của bạn — có thể là chuyển sinh hoạt: hãy làm thủ tục chuyển sinh hoạt thay vì nhập',
      },
    ]);
    const warnings = preview.data.warnings as { row: number; column: string; message: string }[];
    expect(warnings).toContainEqual({
      row: 4,
      column: 'Số CCCD (cột E)',
      message: `Đã thêm lại số 0 ở đầu bị mất khi nhập từ Excel: ${an} — kiểm tra lại với giấy tờ`,
    });
    expect(warnings).toContainEqual({
      row: 9,
      column: 'Số CCCD (cột E)',
      message: 'Số CCCD cho năm sinh 1986 nhưng ngày sinh là 12/12/1985 — đã nhập, cần kiểm tra lại với giấy tờ',
    });
    expect(warnings.find((w) => w.row === 9 && w.column === 'Ghi chú (cột I)')?.message).toMatch(
      /vẫn được nhập là đoàn viên đang sinh hoạt/,
    );
    expect(preview.data.preview.map((p: { action: string; key: string | null }) => [p.action, p.key])).toEqual([
      ['insert', masked(an)],
      ['insert', masked(binh)],
      ['reject', null],
      ['reject', null],
      ['reject', null],
      ['insert', masked(phuc)],
    ]);
    expect(await writeCounts(env)).toEqual(before);

    // Someone whose scope covers the other union sees it named.
    const up2 = await upload(provinceAdmin, file, t.cdcsA);
    const named = await provinceAdmin.post(`/api/imports/${up2.data.batchId}/preview`, {});
    expect(named.data.rejected[2]?.message).toMatch(
      /^Đang là đoàn viên sinh hoạt tại "CĐCS Công ty Cổ phần Bình Minh"/,
    );

    // All-or-nothing with rejected rows writes nothing.
    const members0 = await memberCounts();
    const all = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'all' });
    expect(all.data.committed).toBe(false);
    expect(await memberCounts()).toEqual(members0);

    // Valid rows only: three admissions, counted from the records.
    const up3 = await upload(admin, file, t.cdcsA);
    const commit = await admin.post(`/api/imports/${up3.data.batchId}/commit`, { mode: 'valid' });
    expect(commit.data).toMatchObject({ committed: true, inserted: 3, rejectedRowCount: 3 });
    expect(await countsOf(admin, t.cdcsA)).toMatchObject({
      admitted: 3,
      admittedFemale: 1,
      admittedInformal: 1,
      activeAtEnd: 3,
    });
    const list = await admin.get(`/api/members?unitId=${t.cdcsA}`);
    const items = list.data.items as { fullName: string; birthDate: string; gender: string; admittedOn: string }[];
    expect(items.map((m) => [m.fullName, m.birthDate, m.gender, m.admittedOn]).sort()).toEqual([
      ['Lê Thị Bình', '1995-02-01', 'female', '2024-03-05'],
      ['Nguyễn Văn An', '1990-05-08', 'male', '2024-03-15'],
      ['Vũ Văn Phúc', '1985-12-12', 'male', '2024-03-15'],
    ]);
    const rejected = await admin.get(`/api/imports/${up3.data.batchId}/rejected.xlsx`);
    expect(rejected.statusCode).toBe(200);

    // The same list again: already active here → skipped or updated, never a second membership.
    const again = await upload(admin, file, t.cdcsA);
    const skip = await admin.post(`/api/imports/${again.data.batchId}/preview`, { onDuplicate: 'skip' });
    expect(skip.data).toMatchObject({ inserted: 0, skipped: 3, rejectedRowCount: 3 });
    const update = await admin.post(`/api/imports/${again.data.batchId}/preview`, { onDuplicate: 'update' });
    expect(update.data).toMatchObject({ inserted: 0, updated: 3 });

    // Undo: the admissions and the people the batch created are gone.
    const undo = await admin.post(`/api/imports/${up3.data.batchId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await memberCounts()).toEqual(members0);
    expect(await countsOf(admin, t.cdcsA)).toMatchObject({ admitted: 0, activeAtEnd: 0 });
  });

  it('re-admits a former member on the same person, rejects year-only births, and blocks undo after newer events', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const former = cccd('male', 1980);
    const adm = await admin.post('/api/members/admissions', {
      unitId: t.cdcsA,
      applicationDate: '2020-03-01',
      decisionNo: '1/QĐ',
      decisionDate: '2020-03-15',
      people: [{ fullName: 'Đỗ Văn Lực', gender: 'male', birthDate: '1980-01-01', cccd: former }],
    });
    expect(adm.statusCode, adm.body).toBe(201);
    const first = adm.data.admitted[0] as { membershipId: number; personId: number };
    const left = await admin.post(`/api/members/${first.membershipId}/leave`, {
      date: '2022-01-01',
      reason: 'Nghỉ việc',
      kind: 'left',
    });
    expect(left.statusCode, left.body).toBe(200);

    const fresh = cccd('female', 1999);
    const file = await xlsx('mot-dong.xlsx', [
      ['Họ tên', 'Giới tính', 'Ngày sinh', 'Năm sinh', 'CCCD', 'Tôn giáo', 'Ngày kết nạp', 'Số thẻ đoàn viên'],
      ['Đỗ Văn Lực', 'Nam', '01/01/1980', '', former, 'Không', '02/05/2024', 'TH-001'],
      ['Mai Thị Xuân', 'Nữ', '', 1999, cccd('female', 1999), '', '02/05/2024', ''],
      ['Lý Thị Yến', 'nữ', '03/03/1999', '', fresh, 'Phật giáo', '02/05/2024', ''],
    ]);
    const up = await upload(admin, file, t.cdcsA);
    expect(up.data.mapping).toMatchObject({ fullName: 0, gender: 1, birthDate: 2, birthYear: 3, cccd: 4 });
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'valid' });
    expect(commit.data).toMatchObject({ committed: true, inserted: 2, rejectedRowCount: 1 });
    expect(commit.data.rejected).toEqual([
      {
        row: 3,
        column: 'Năm sinh (cột D)',
        message:
          'Chỉ có năm sinh; cần ngày sinh đầy đủ (dd/mm/yyyy) — bổ sung ngày sinh theo CCCD rồi nhập lại dòng này',
      },
    ]);
    const ms = await env.ctx.db
      .selectFrom('membership')
      .select(['id', 'status', 'card_no'])
      .where('person_id', '=', first.personId)
      .orderBy('id')
      .execute();
    expect(ms.map((m) => [m.status, m.card_no])).toEqual([
      ['left', null],
      ['active', 'TH-001'],
    ]);
    const person = await env.ctx.db
      .selectFrom('person')
      .select(['religion_code'])
      .where('id', '=', first.personId)
      .executeTakeFirstOrThrow();
    expect(person.religion_code).toBe('NONE');

    // A newer event on an imported membership blocks the undo.
    const readmitted = ms[1]?.id as number;
    const leave = await admin.post(`/api/members/${readmitted}/leave`, {
      date: '2024-06-01',
      reason: 'Nghỉ việc',
      kind: 'left',
    });
    expect(leave.statusCode, leave.body).toBe(200);
    const undo = await admin.post(`/api/imports/${up.data.batchId}/undo`);
    expect(undo.statusCode).toBe(409);
  });

  it('undoes a re-admission: the membership goes, the person keeps the row with the earlier details', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const former = cccd('female', 1985);
    const adm = await admin.post('/api/members/admissions', {
      unitId: t.cdcsA,
      applicationDate: '2020-03-01',
      decisionNo: '1/QĐ',
      decisionDate: '2020-03-15',
      people: [
        { fullName: 'Trịnh Thị Hoa', gender: 'female', birthDate: '1985-02-02', cccd: former, phone: '0912000111' },
      ],
    });
    const first = adm.data.admitted[0] as { membershipId: number; personId: number };
    await admin.post(`/api/members/${first.membershipId}/leave`, { date: '2021-01-01', reason: 'x', kind: 'left' });
    const file = await xlsx('tai-nap.xlsx', [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'CCCD', 'Số điện thoại', 'Ngày kết nạp'],
      ['Trịnh Thị Hoa', 'Nữ', '02/02/1985', former, '0987 654 321', '01/04/2024'],
    ]);
    const members0 = await memberCounts();
    const up = await upload(admin, file, t.cdcsA);
    const commit = await admin.post(`/api/imports/${up.data.batchId}/commit`, {});
    expect(commit.data).toMatchObject({ committed: true, inserted: 1 });
    const phone = () =>
      env.ctx.db.selectFrom('person').select('phone').where('id', '=', first.personId).executeTakeFirstOrThrow();
    expect((await phone()).phone).toBe('0987654321');
    expect((await memberCounts()).person).toBe(members0.person);
    const undo = await admin.post(`/api/imports/${up.data.batchId}/undo`);
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await memberCounts()).toEqual(members0);
    expect((await phone()).phone).toBe('0912000111');
  });

  it('refuses a unit that is not a grassroots union, and the CLI path reports like enterprises', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const file = await xlsx('x.xlsx', [
      ['Họ và tên', 'Giới tính', 'Ngày sinh', 'Số CCCD', 'Ngày vào công đoàn'],
      ['Ngô Văn Tư', 'Nam', '01/01/1990', cccd('male', 1990), '01/06/2024'],
    ]);
    const up = await upload(admin, file, t.districtA);
    expect(up.statusCode).toBe(400);
    const actor = await env.ctx.db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', admin.username)
      .executeTakeFirstOrThrow();
    const { loadActorForUser } = await import('../../platform/session.js');
    const a = await loadActorForUser(env.ctx.db, actor.id, null);
    if (!a) throw new Error('no actor');
    const dry = await importFile(env.ctx, a, 'members', {
      file,
      fileName: 'x.xlsx',
      unitId: t.cdcsA,
      source: 'cli',
      onDuplicate: 'update',
      mode: 'all',
      dryRun: true,
    });
    expect(dry.batchId).toBeNull();
    expect(dry.report).toMatchObject({ rows: 1, inserted: 1, committed: false, rejected: [] });
  });
});
