import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_FIELDS } from '../../../shared/audit/labels.js';
import { createTestEnv, makeTree, makeUnit, makeUser, type TestEnv, uniq } from '../../test/harness.js';
import { person } from '../../test/people.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

type Entry = {
  id: number;
  action: string;
  actionLabel: string;
  entityLabel: string;
  unitId: number | null;
  details: { field: string; label: string; before: string | null; after: string | null }[];
};
const detail = (e: Entry | undefined, label: string) => e?.details.find((d) => d.label === label);
/** A label that is a raw key: camelCase, snake_case or dotted ASCII words. */
const RAW_KEY = /^[a-z]+([A-Z_.][a-zA-Z]+)+$/;

describe('the audit log', () => {
  it('shows an administrator the changes about units in their subtree only, newest first', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const inA = await makeUnit(env, { name: 'CĐCS Nhật ký A', typeCode: 'CDCS', parentId: t.districtA });
    const inB = await makeUnit(env, { name: 'CĐCS Nhật ký B', typeCode: 'CDCS', parentId: t.districtB });
    const r = await adminA.get('/api/audit?action=org.create&limit=200');
    expect(r.statusCode).toBe(200);
    const units = r.data.items.map((e) => e.unitId);
    expect(units).toContain(inA);
    expect(units).not.toContain(inB);
    const mine = r.data.items.find((e) => e.unitId === inA);
    expect(mine).toMatchObject({
      action: 'org.create',
      actionLabel: 'Thành lập đơn vị',
      entity: 'org_unit',
      entityId: String(inA),
      entityLabel: 'Đơn vị CĐCS Nhật ký A',
      unitName: 'CĐCS Nhật ký A',
      username: env.admin.username,
    });
    // The snapshot as labelled fields whose values are words: names, not ids or codes.
    expect(detail(mine, 'Tên')).toMatchObject({ before: null, after: 'CĐCS Nhật ký A' });
    expect(detail(mine, 'Đơn vị cấp trên')?.after).toBe('LĐLĐ huyện An Bình');
    expect(detail(mine, 'Loại đơn vị')?.after).not.toBe('CDCS');
    for (const d of mine?.details ?? []) expect(d.label).not.toMatch(RAW_KEY);
    const ids = r.data.items.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    // Another subtree's unit answers as if it did not exist.
    expect((await adminA.get(`/api/audit?unitId=${inB}`)).statusCode).toBe(404);
    const one = await adminA.get(`/api/audit?unitId=${inA}`);
    expect(one.data.total).toBe(1);
  });

  it('names an admission and the member in Vietnamese, and stops naming them once anonymised', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.cdcsA);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const p = person('Nguyễn Thị Nhật Ký', { gender: 'female' });
    const admitted = await officer.post('/api/members/admissions', {
      unitId: t.cdcsA,
      applicationDate: '2024-03-01',
      decisionNo: '45/QĐ-NK',
      decisionDate: '2024-03-15',
      people: [p],
    });
    expect(admitted.statusCode).toBe(201);
    const membershipId = admitted.data.admitted[0]?.membershipId as number;
    const r = await admin.get(`/api/audit?action=member.admit&unitId=${t.cdcsA}`);
    expect(r.statusCode).toBe(200);
    const e = r.data.items[0] as Entry | undefined;
    expect(e).toMatchObject({ actionLabel: 'Kết nạp đoàn viên', entityLabel: 'Đoàn viên Nguyễn Thị Nhật Ký' });
    expect(detail(e, 'Số quyết định')?.after).toBe('45/QĐ-NK');
    expect(detail(e, 'Ngày quyết định')?.after).toBe('15/03/2024');
    expect(detail(e, 'Kết nạp lại')?.after).toBe('Không');
    expect(detail(e, 'Số định danh (che bớt)')?.after).not.toContain(p.cccd);
    expect(JSON.stringify(r.data)).not.toContain(p.cccd);
    for (const d of e?.details ?? []) expect(d.label).not.toMatch(RAW_KEY);

    expect((await admin.post(`/api/members/${membershipId}/anonymise`, { reason: 'Yêu cầu xoá' })).statusCode).toBe(
      200,
    );
    const after = await admin.get(`/api/audit?unitId=${t.cdcsA}&limit=200`);
    expect(JSON.stringify(after.data)).not.toContain('Nhật Ký');
    const anon = after.data.items.find((x) => x.action === 'member.anonymise');
    expect(anon).toMatchObject({ actionLabel: 'Ẩn danh dữ liệu cá nhân', entityLabel: 'Đoàn viên (đã ẩn danh)' });
    expect(detail(anon, 'Lý do')?.after).toBe('Yêu cầu xoá');
  });

  it('filters by who, what, unit subtree and period, on the server', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.province);
    const other = await makeUser(env, 'federation_admin', t.districtA);
    const a1 = await other.post('/api/org/units', {
      code: uniq('CDCS'),
      name: 'CĐCS Lọc nhật ký 1',
      typeCode: 'CDCS',
      parentId: t.districtA,
      validFrom: '2020-01-01',
    });
    expect(a1.statusCode, a1.body).toBe(201);
    const a1Id = a1.data.id as number;
    await makeUnit(env, { name: 'CĐCS Lọc nhật ký 2', typeCode: 'CDCS', parentId: t.districtB });

    const otherId = (
      await env.ctx.db
        .selectFrom('app_user')
        .select('id')
        .where('username', '=', other.username)
        .executeTakeFirstOrThrow()
    ).id;
    const byOther = await admin.get(`/api/audit?userId=${otherId}&limit=200`);
    expect(byOther.statusCode).toBe(200);
    expect(byOther.data.items.map((e) => e.unitId)).toEqual([a1Id]);
    expect(byOther.data.items[0]?.username).toBe(other.username);

    // The district's subtree: the district itself and the unit created under it, not the sibling's.
    const underA = await admin.get(`/api/audit?unitId=${t.districtA}&action=org.create&limit=200`);
    expect(new Set(underA.data.items.map((e) => e.unitId))).toEqual(new Set([t.districtA, t.cdcsA, a1Id]));

    // Today (in the app's zone) holds them; the days after and before hold none of them.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: env.ctx.config.timeZone }).format(new Date());
    const tomorrow = new Date(`${today}T00:00:00Z`);
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    const next = tomorrow.toISOString().slice(0, 10);
    const inToday = await admin.get(`/api/audit?unitId=${a1Id}&from=${today}&to=${today}`);
    expect(inToday.data.total).toBe(1);
    expect((await admin.get(`/api/audit?unitId=${a1Id}&from=${next}`)).data.total).toBe(0);
    expect((await admin.get(`/api/audit?unitId=${a1Id}&to=2020-01-01`)).data.total).toBe(0);

    // A period the wrong way round, or an action not in the catalogue, is a clear Vietnamese 400.
    const bad = await admin.get(`/api/audit?from=2025-02-01&to=2025-01-01`);
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error?.issues?.[0]).toMatchObject({ path: 'querystring.to' });
    expect(bad.data.error?.issues?.[0]?.message).toContain('Từ ngày');
    const unknown = await admin.get('/api/audit?action=drop.table');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.data.error?.issues?.[0]?.message).toContain('Thao tác');
  });

  it('speaks English to an English reader, with every field labelled', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    expect((await admin.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const r = await admin.get(`/api/audit?unitId=${t.cdcsA}`);
    const e = r.data.items[0] as Entry | undefined;
    expect(e).toMatchObject({ actionLabel: 'Unit founded', entityLabel: 'Unit CĐCS Công ty TNHH An Phát' });
    expect(detail(e, 'Parent unit')?.after).toBe('LĐLĐ huyện An Bình');
    expect(Object.values(AUDIT_FIELDS).every((w) => w.vi && w.en)).toBe(true);
  });

  it('is for those who manage users', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.get('/api/audit')).statusCode).toBe(403);
  });

  it('names a bad page size in English for an English reader', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const vi = await admin.get('/api/audit?limit=500');
    expect(vi.statusCode).toBe(400);
    expect(vi.data.error?.issues?.[0]?.path).toBe('querystring.limit');
    expect((await admin.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const en = await admin.get('/api/audit?limit=500');
    expect(en.statusCode).toBe(400);
    expect(en.data.error?.issues).toEqual([
      { path: 'querystring.limit', message: 'Too big: expected number to be <=200' },
    ]);
    expect(en.data.error?.issues?.[0]?.message).not.toBe(vi.data.error?.issues?.[0]?.message);
  });
});
