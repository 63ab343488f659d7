import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorForUser } from '../../platform/session.js';
import { type Client, createTestEnv, login, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { person } from '../../test/people.js';
import { prepareMemberExport } from './members.export.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function admitOk(c: Client, unitId: number, people: unknown[], decisionNo = '7/QĐ-CĐCS') {
  const r = await c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo,
    decisionDate: '2024-03-15',
    people,
  });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted as { membershipId: number; personId: number }[];
}

async function download(c: Client, url: string) {
  const r = await env.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  return r;
}
async function sheetOf(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new Error('no sheet');
  const rows: string[][] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}
const HEADER_ROW = 4; // title, unit, filters, who/when, then the header

describe('member list export (.xlsx)', () => {
  it('holds exactly the filtered list, sorted like it, with masked numbers; officers get no sensitive columns', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const people = [
      person('Trần Thị Yến', { gender: 'female', ethnicityCode: '02', religionCode: 'BUDDHISM', phone: '0912000111' }),
      person('Nguyễn Văn An'),
      person('Lê Thị Bích', { gender: 'female' }),
      person('Phạm Thị Anh', { gender: 'female', informalTradeCode: 'PORTER' }),
      person('Đỗ Thị Ánh', { gender: 'female' }),
    ];
    await admitOk(officer, t.cdcsA, people);
    await admitOk(adminA, t.cdcsA, [person('Vũ Thị Cúc', { gender: 'female' })], '8/QĐ');
    // A female member in the sibling district: never in A's export.
    const adminB = await makeUser(env, 'federation_admin', t.districtB);
    await admitOk(adminB, t.cdcsB, [person('Hoàng Thị Bí Mật', { gender: 'female' })]);

    const list = await officer.get(`/api/members?unitId=${t.districtA}&gender=female&limit=500`);
    expect(list.data.total).toBe(5);
    const r = await download(officer, `/api/members/export?unitId=${t.districtA}&gender=female`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const cd = String(r.headers['content-disposition']);
    expect(cd).toMatch(/^attachment; filename="danh-sach-doan-vien-\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toMatch(/^Danh sách đoàn viên /);

    const rows = await sheetOf(r.rawPayload);
    expect(rows[0]?.[0]).toBe('DANH SÁCH ĐOÀN VIÊN CÔNG ĐOÀN');
    expect(rows[1]?.[0]).toBe('Đơn vị: LĐLĐ huyện An Bình');
    expect(rows[2]?.[0]).toBe('Điều kiện lọc: Giới tính: Nữ');
    expect(rows[3]?.[0]).toMatch(
      /^Xuất lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} bởi Người dùng u[0-9a-f]+ \(u[0-9a-f]+\) — 5 đoàn viên$/,
    );
    const header = rows[HEADER_ROW] ?? [];
    expect(header).toEqual([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CCCD',
      'Điện thoại',
      'Đơn vị',
      'Trạng thái',
      'Ngày kết nạp',
      'Số QĐ',
      'Số thẻ',
      'Ngày cấp thẻ',
      'Nơi làm việc / Nghề tự do',
      'Phi chính thức',
      'Quốc tịch',
    ]);
    const data = rows.slice(HEADER_ROW + 1);
    expect(data).toHaveLength(list.data.total);
    // Same order as the list: by given name (Anh, Ánh, Bích, Cúc, Yến).
    expect(data.map((d) => d[1])).toEqual(list.data.items.map((m: { fullName: string }) => m.fullName));
    expect(data.map((d) => d[1])).toEqual(['Phạm Thị Anh', 'Đỗ Thị Ánh', 'Lê Thị Bích', 'Vũ Thị Cúc', 'Trần Thị Yến']);
    expect(data.map((d) => d[0])).toEqual(['1', '2', '3', '4', '5']);
    const yen = data[4] ?? [];
    expect(yen.slice(2, 10)).toEqual([
      '12/05/1990',
      'Nữ',
      expect.stringMatching(/^0791•••••\d{3}$/),
      '0912000111',
      'CĐCS Công ty TNHH An Phát',
      'Đang sinh hoạt',
      '15/03/2024',
      '7/QĐ-CĐCS',
    ]);
    expect(data[0]?.[12]).toBe('Bốc xếp');
    expect(data[0]?.[13]).toBe('Có');
    expect(yen[14]).toBe('VN');
    // No identity number in clear anywhere, nothing of the sibling district, no ethnicity or religion.
    const all = JSON.stringify(rows);
    for (const p of people) expect(all).not.toContain(p.cccd);
    expect(all).not.toContain('Bí Mật');
    expect(all).not.toContain('Tày');
    expect(all).not.toContain('Phật giáo');

    const logged = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.unit_id).toBe(t.districtA);
    expect(JSON.parse(logged.after_json ?? '{}')).toMatchObject({
      filter: { unitId: t.districtA, gender: 'female' },
      rows: 5,
      sensitiveColumns: false,
    });

    // An administrator holding sensitive.read over the whole exported scope gets the two columns.
    const adm = await sheetOf(
      (await download(adminA, `/api/members/export?unitId=${t.districtA}&gender=female`)).rawPayload,
    );
    expect(adm[HEADER_ROW]?.slice(-2)).toEqual(['Dân tộc', 'Tôn giáo']);
    const admYen = adm.find((row) => row[1] === 'Trần Thị Yến') ?? [];
    expect(admYen.slice(-2)).toEqual(['Tày', 'Phật giáo']);
  });

  it('leaves the sensitive columns out unless sensitive.read covers every part of the exported scope', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    await admitOk(adminA, t.cdcsA, [person('Mai Văn Một', { ethnicityCode: '05' })]);
    // Reads the whole province but holds sensitive.read only over district A.
    const mixed = await makeUser(env, 'officer', t.province);
    await env.ctx.db
      .insertInto('user_role')
      .values({
        user_id: (await mixed.get('/api/auth/me')).data.user.id,
        unit_id: t.districtA,
        role: 'federation_admin',
        created_at: new Date().toISOString(),
        created_by: null,
      })
      .execute();
    const mixed2 = await login(env.app, mixed.username, mixed.password);
    const whole = await sheetOf((await download(mixed2, `/api/members/export?unitId=${t.province}`)).rawPayload);
    expect(whole[HEADER_ROW]).not.toContain('Dân tộc');
    const partA = await sheetOf((await download(mixed2, `/api/members/export?unitId=${t.districtA}`)).rawPayload);
    expect(partA[HEADER_ROW]).toContain('Dân tộc');
    expect(partA.find((r) => r[1] === 'Mai Văn Một')?.[15]).toBe('Khmer');
  });

  it('exports every row (not a page) through keyset chunks, ties on the name broken by id', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    // Same name three times (same sort key), so chunk edges fall inside a tie.
    const names = ['Lý Văn Nam', 'Lý Văn Nam', 'Lý Văn Nam', 'Hồ Thị Lan', 'Tạ Văn Sơn', 'Kha Văn Bảo', 'Ông Văn Ích'];
    await admitOk(
      officer,
      t.cdcsA,
      names.map((n) => person(n)),
    );
    const me = await officer.get('/api/auth/me');
    const actor = await loadActorForUser(env.ctx.db, me.data.user.id, null);
    if (!actor) throw new Error('no actor');
    const exp = await prepareMemberExport(env.ctx, actor, { unitId: t.districtA }, { chunk: 2 });
    expect(exp.rows).toBe(7);
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exp.write(out);
    const rows = (await sheetOf(Buffer.concat(chunks))).slice(HEADER_ROW + 1);
    expect(rows.map((r) => r[1])).toEqual([
      'Kha Văn Bảo',
      'Ông Văn Ích',
      'Hồ Thị Lan',
      'Lý Văn Nam',
      'Lý Văn Nam',
      'Lý Văn Nam',
      'Tạ Văn Sơn',
    ]);
    const list = await officer.get(`/api/members?unitId=${t.districtA}&limit=3&offset=0`);
    expect(list.data.total).toBe(7);
  });

  it('masks an identity number used as the search text, in the title and in the audit log', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const p = person('Quách Văn Tìm');
    await admitOk(officer, t.cdcsA, [p]);
    const r = await download(officer, `/api/members/export?q=${p.cccd}`);
    expect(r.statusCode).toBe(200);
    const rows = await sheetOf(r.rawPayload);
    expect(rows.slice(HEADER_ROW + 1).map((x) => x[1])).toEqual(['Quách Văn Tìm']);
    expect(JSON.stringify(rows)).not.toContain(p.cccd);
    expect(rows[2]?.[0]).toMatch(/^Điều kiện lọc: Tìm: "0790•••••\d{3}"$/);
    const logged = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'member.export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.after_json).not.toContain(p.cccd);
    // Paging parameters belong to the list, not to the export.
    expect((await officer.get('/api/members/export?limit=10')).statusCode).toBe(400);
  });
});
