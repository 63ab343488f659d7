import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUnit, makeUser, type TestEnv, uniq, writeCounts } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const childNames = async (id: number, asOf: string) =>
  (await env.admin.get(`/api/org/units/${id}/children?asOf=${asOf}`)).data.map((u: { name: string }) => u.name);

describe('org tree with dates', () => {
  it('creates a unit under a parent and shows it from its founding date only', async () => {
    const t = await makeTree(env);
    const id = await makeUnit(env, {
      name: 'CĐCS Công ty TNHH Sao Mai',
      typeCode: 'CDCS',
      parentId: t.districtA,
      from: '2024-05-10',
    });
    expect(await childNames(t.districtA, '2024-05-09')).not.toContain('CĐCS Công ty TNHH Sao Mai');
    expect(await childNames(t.districtA, '2024-05-10')).toContain('CĐCS Công ty TNHH Sao Mai');
    const detail = await env.admin.get(`/api/org/units/${id}?asOf=2024-06-01`);
    expect(detail.statusCode).toBe(200);
    expect(detail.data.ancestors.map((a: { id: number }) => a.id)).toEqual([env.rootId, t.province, t.districtA]);
    const events = await env.admin.get(`/api/org/units/${id}/events`);
    expect(events.data.map((e: { kind: string }) => e.kind)).toEqual(['create']);
  });

  it('renames from a date: the old name stays true before it', async () => {
    const t = await makeTree(env);
    const r = await env.admin.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2023-03-01',
      name: 'CĐCS Công ty Cổ phần An Phát',
      decisionNo: '15/QĐ-LĐLĐ',
    });
    expect(r.statusCode).toBe(200);
    expect(await childNames(t.districtA, '2023-02-28')).toEqual(['CĐCS Công ty TNHH An Phát']);
    expect(await childNames(t.districtA, '2023-03-01')).toEqual(['CĐCS Công ty Cổ phần An Phát']);
    expect(r.data.history).toHaveLength(2);
  });

  it('moves a subtree: both the old and the new tree are right on their dates, descendants included', async () => {
    const t = await makeTree(env);
    const dept = await makeUnit(env, {
      name: 'Công đoàn bộ phận Phân xưởng 2',
      typeCode: 'CD_BO_PHAN',
      parentId: t.cdcsA,
      from: '2016-01-01',
    });
    const r = await env.admin.post(`/api/org/units/${t.cdcsA}/move`, {
      effectiveDate: '2024-01-01',
      newParentId: t.districtB,
    });
    expect(r.statusCode).toBe(200);
    expect(await childNames(t.districtA, '2023-12-31')).toEqual(['CĐCS Công ty TNHH An Phát']);
    expect(await childNames(t.districtA, '2024-01-01')).toEqual([]);
    expect(await childNames(t.districtB, '2024-01-01')).toEqual([
      'CĐCS Công ty Cổ phần Bình Minh',
      'CĐCS Công ty TNHH An Phát',
    ]);
    const before = await env.admin.get(`/api/org/units/${dept}?asOf=2023-06-01`);
    const after = await env.admin.get(`/api/org/units/${dept}?asOf=2024-06-01`);
    expect(before.data.ancestors.map((a: { id: number }) => a.id)).toContain(t.districtA);
    expect(after.data.ancestors.map((a: { id: number }) => a.id)).toContain(t.districtB);
    expect(after.data.ancestors.map((a: { id: number }) => a.id)).not.toContain(t.districtA);
    // Subtree queries by path agree with the parent links after the move.
    const versions = await env.ctx.db.selectFrom('org_unit_version').selectAll().where('unit_id', '=', dept).execute();
    const open = versions.find((v) => v.valid_to === null);
    expect(open?.path).toBe(`/${env.rootId}/${t.province}/${t.districtB}/${t.cdcsA}/${dept}/`);
    expect(open?.depth).toBe(4);
  });

  it('dissolves a unit only when it has no active sub-units, and it disappears from that date', async () => {
    const t = await makeTree(env);
    const blocked = await env.admin.post(`/api/org/units/${t.districtA}/dissolve`, { effectiveDate: '2025-07-01' });
    expect(blocked.statusCode).toBe(422);
    expect(blocked.data.error?.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    expect(blocked.data.error?.message).toContain('còn 1 đơn vị trực thuộc');
    const ok = await env.admin.post(`/api/org/units/${t.cdcsA}/dissolve`, {
      effectiveDate: '2025-01-01',
      decisionNo: '3/QĐ',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.data.validTo).toBe('2025-01-01');
    expect(await childNames(t.districtA, '2024-12-31')).toHaveLength(1);
    expect(await childNames(t.districtA, '2025-01-01')).toHaveLength(0);
  });

  it('merges a unit into another: children move, the merged unit ends, the target keeps its history', async () => {
    const t = await makeTree(env);
    const r = await env.admin.post(`/api/org/units/${t.districtA}/merge`, {
      effectiveDate: '2025-07-01',
      targetId: t.districtB,
    });
    expect(r.statusCode).toBe(200);
    expect(await childNames(t.province, '2025-06-30')).toEqual(['LĐLĐ huyện An Bình', 'LĐLĐ huyện Bình Minh']);
    expect(await childNames(t.province, '2025-07-01')).toEqual(['LĐLĐ huyện Bình Minh']);
    expect(await childNames(t.districtB, '2025-07-01')).toContain('CĐCS Công ty TNHH An Phát');
    const merged = await env.admin.get(`/api/org/units/${t.districtA}?asOf=2026-01-01`);
    expect(merged.data.mergedIntoId).toBe(t.districtB);
    // An admin of the target federation now sees the merged unit's history.
    const bAdmin = await makeUser(env, 'federation_admin', t.districtB);
    expect((await bAdmin.get(`/api/org/units/${t.districtA}?asOf=2024-01-01`)).statusCode).toBe(200);
    const kinds = (await env.admin.get(`/api/org/units/${t.districtB}/events`)).data.map(
      (e: { kind: string }) => e.kind,
    );
    expect(kinds).toContain('absorb');
  });

  it('searches without diacritics, as of a date', async () => {
    const t = await makeTree(env);
    await makeUnit(env, {
      name: 'CĐCS Công ty Cao su Đồng Phú',
      typeCode: 'CDCS',
      parentId: t.districtB,
      from: '2019-01-01',
    });
    const r = await env.admin.get(`/api/org/units?q=${encodeURIComponent('cong ty cao su dong phu')}`);
    expect(r.data.map((u: { name: string }) => u.name)).toContain('CĐCS Công ty Cao su Đồng Phú');
    const old = await env.admin.get(`/api/org/units?q=${encodeURIComponent('dong phu')}&asOf=2018-01-01`);
    expect(old.data).toHaveLength(0);
  });

  it('shows the tree from the roles of the user, and an ended unit with its lifetime', async () => {
    const t = await makeTree(env);
    await env.admin.post(`/api/org/units/${t.cdcsA}/move`, { effectiveDate: '2025-07-01', newParentId: t.province });
    await env.admin.post(`/api/org/units/${t.districtA}/dissolve`, { effectiveDate: '2025-07-01' });
    const officer = await makeUser(env, 'officer', t.districtA);
    const past = await officer.get('/api/org/roots?asOf=2025-06-30');
    expect(past.data.units.map((u: { id: number }) => u.id)).toEqual([t.districtA]);
    const now = await officer.get('/api/org/roots?asOf=2026-01-01');
    expect(now.data.units).toEqual([]);
    expect(now.data.inactiveRoleUnits).toEqual([
      { id: t.districtA, name: 'LĐLĐ huyện An Bình', validFrom: '2010-01-01', validTo: '2025-07-01' },
    ]);
  });
});

describe('org rules refuse bad events and write nothing', () => {
  it('refuses moving a unit under its own descendant', async () => {
    const t = await makeTree(env);
    const before = await writeCounts(env);
    const r = await env.admin.post(`/api/org/units/${t.districtA}/move`, {
      effectiveDate: '2024-01-01',
      newParentId: t.cdcsA,
    });
    expect(r.statusCode).toBe(422);
    expect(r.data.error?.code).toBe('ORG_CYCLE');
    expect(r.data.error?.message).toMatch(/chính nó hoặc đơn vị cấp dưới/);
    const self = await env.admin.post(`/api/org/units/${t.districtA}/move`, {
      effectiveDate: '2024-01-01',
      newParentId: t.districtA,
    });
    expect(self.data.error?.code).toBe('ORG_CYCLE');
    expect(await writeCounts(env)).toEqual(before);
  });

  it('refuses an event dated before a later change', async () => {
    const t = await makeTree(env);
    await env.admin.post(`/api/org/units/${t.cdcsA}/rename`, { effectiveDate: '2024-01-01', name: 'CĐCS Tên mới' });
    const before = await writeCounts(env);
    const r = await env.admin.post(`/api/org/units/${t.cdcsA}/move`, {
      effectiveDate: '2023-01-01',
      newParentId: t.districtB,
    });
    expect(r.statusCode).toBe(422);
    expect(r.data.error?.code).toBe('ORG_LATER_CHANGE_EXISTS');
    expect(r.data.error?.message).toContain('01/01/2024');
    const parentLater = await env.admin.post(`/api/org/units/${t.districtA}/move`, {
      effectiveDate: '2023-06-01',
      newParentId: env.rootId,
    });
    expect(parentLater.statusCode).toBe(422);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('refuses a unit type not allowed under the parent or not in force on the date', async () => {
    const t = await makeTree(env);
    const before = await writeCounts(env);
    const wrongParent = await env.admin.post('/api/org/units', {
      code: uniq('X'),
      name: 'Tổ công đoàn lạc chỗ',
      typeCode: 'TO_CD',
      parentId: t.districtA,
      validFrom: '2020-01-01',
    });
    expect(wrongParent.statusCode).toBe(422);
    expect(wrongParent.data.error?.code).toBe('ORG_TYPE_NOT_ALLOWED_UNDER');
    expect(wrongParent.data.error?.message).toContain('Tổ công đoàn');
    const districtAfterReform = await env.admin.post('/api/org/units', {
      code: uniq('X'),
      name: 'LĐLĐ huyện Mới',
      typeCode: 'LDLD_HUYEN',
      parentId: t.province,
      validFrom: '2025-08-01',
    });
    expect(districtAfterReform.data.error?.code).toBe('ORG_TYPE_NOT_VALID_AT_DATE');
    const communeBeforeReform = await env.admin.post('/api/org/units', {
      code: uniq('X'),
      name: 'Công đoàn xã Sớm',
      typeCode: 'CD_XA',
      parentId: t.province,
      validFrom: '2024-01-01',
    });
    expect(communeBeforeReform.data.error?.code).toBe('ORG_TYPE_NOT_VALID_AT_DATE');
    const beforeParent = await env.admin.post('/api/org/units', {
      code: uniq('X'),
      name: 'CĐCS quá sớm',
      typeCode: 'CDCS',
      parentId: t.districtA,
      validFrom: '2005-01-01',
    });
    expect(beforeParent.statusCode).toBe(422);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('refuses a duplicate unit code with a 409 naming the code', async () => {
    const t = await makeTree(env);
    const code = uniq('DUP');
    await makeUnit(env, { name: 'CĐCS Một', typeCode: 'CDCS', parentId: t.districtA, code });
    const before = await writeCounts(env);
    const r = await env.admin.post('/api/org/units', {
      code,
      name: 'CĐCS Hai',
      typeCode: 'CDCS',
      parentId: t.districtA,
      validFrom: '2020-01-01',
    });
    expect(r.statusCode).toBe(409);
    expect(r.data.error?.message).toContain(code);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('a federation admin cannot dissolve or move their own top unit', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const r = await admin.post(`/api/org/units/${t.districtA}/dissolve`, { effectiveDate: '2025-07-01' });
    expect(r.data.error?.code).toBe('ORG_ROOT_IMMUTABLE');
    const own = await admin.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2025-01-01',
      name: 'CĐCS Đổi tên',
    });
    expect(own.statusCode).toBe(200);
  });

  it('an officer may read but not change the tree', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.get(`/api/org/units/${t.cdcsA}`)).statusCode).toBe(200);
    const r = await officer.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2025-01-01',
      name: 'Không được',
    });
    expect(r.statusCode).toBe(403);
    expect(r.data.error?.message).toBe('Bạn không có quyền thực hiện thao tác này');
  });
});

describe('field messages in the reader’s language', () => {
  it('names a bad unit code, an unknown type and a move to the same parent in Vietnamese, and in English once chosen', async () => {
    const t = await makeTree(env);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const before = await writeCounts(env);
    const badCode = {
      code: 'x',
      name: 'CĐCS Mã sai',
      typeCode: 'CDCS',
      parentId: t.districtA,
      validFrom: '2020-01-01',
    };
    const unknownType = { ...badCode, code: uniq('OK'), typeCode: 'KHONG_CO' };
    const fields = (r: { data: { error?: { issues?: { path: string; message: string }[] } } }) =>
      Object.fromEntries((r.data.error?.issues ?? []).map((i) => [i.path, i.message]));

    const vi = await admin.post('/api/org/units', badCode);
    expect(vi.statusCode).toBe(400);
    expect(fields(vi)).toEqual({ code: 'Mã đơn vị cần ít nhất 2 ký tự' });
    expect(fields(await admin.post('/api/org/units', unknownType))).toEqual({
      typeCode: 'Loại đơn vị "KHONG_CO" không tồn tại',
    });
    expect(await writeCounts(env)).toEqual(before);

    expect((await admin.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const beforeEn = await writeCounts(env);
    const en = await admin.post('/api/org/units', badCode);
    expect(en.statusCode).toBe(400);
    expect(fields(en)).toEqual({ code: 'A unit code needs at least 2 characters' });
    expect(fields(await admin.post('/api/org/units', { ...badCode, code: 'cd cs' }))).toEqual({
      code: 'A unit code has only unaccented capital letters, digits, hyphens, underscores and dots',
    });
    expect(fields(await admin.post('/api/org/units', unknownType))).toEqual({
      typeCode: 'There is no unit type "KHONG_CO"',
    });
    const same = await admin.post(`/api/org/units/${t.cdcsA}/move`, {
      effectiveDate: '2025-01-01',
      newParentId: t.districtA,
    });
    expect(fields(same)).toEqual({ newParentId: 'The unit is already under this unit' });
    expect(await writeCounts(env)).toEqual(beforeEn);
  });
});
