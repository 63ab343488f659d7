import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUnit, makeUser, type TestEnv, uniq, writeCounts } from '../../test/harness.js';
import { admit, admitOk } from '../../test/members.js';
import { person } from '../../test/people.js';
import { nextMst } from '../enterprises/enterprises.fixtures.js';

/**
 * Issue 9 §1: history entered as it was. The 2025 reform in small: district A ends on 01/07/2025, its
 * CĐCS moves to a commune union founded that day, the commune union receives the district's own records.
 */

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const REFORM = '2025-07-01';

async function reformed() {
  const t = await makeTree(env);
  // Before the reform, while district A still exists: records attached to the district itself.
  const officerA = await makeUser(env, 'officer', t.districtA);
  const ent = await officerA.post('/api/enterprises', {
    unitId: t.districtA,
    ownershipCode: 'PRIVATE',
    name: 'Công ty TNHH Cũ',
    mst: nextMst(),
  });
  expect(ent.statusCode, ent.body).toBe(201);
  const dept = await makeUnit(env, {
    name: 'Công đoàn bộ phận Xưởng 1',
    typeCode: 'CD_BO_PHAN',
    parentId: t.cdcsA,
    from: '2016-01-01',
  });
  const commune = await makeUnit(env, {
    name: `Công đoàn xã Tân Lập ${uniq('X')}`,
    typeCode: 'CD_XA',
    parentId: t.province,
    from: REFORM,
  });
  const other = await makeUnit(env, {
    name: `Công đoàn xã Đồng Tiến ${uniq('X')}`,
    typeCode: 'CD_XA',
    parentId: t.province,
    from: REFORM,
  });
  const mv = await env.admin.post(`/api/org/units/${t.cdcsA}/move`, { effectiveDate: REFORM, newParentId: commune });
  expect(mv.statusCode, mv.body).toBe(200);
  const end = await env.admin.post(`/api/org/units/${t.districtA}/dissolve`, {
    effectiveDate: REFORM,
    successorId: commune,
  });
  expect(end.statusCode, end.body).toBe(200);
  const communeName = (await env.admin.get(`/api/org/units/${commune}`)).data.name as string;
  return { t, dept, commune, other, communeName, officerA, enterpriseId: ent.data.id as number };
}

const childNames = async (id: number, asOf: string) =>
  (await env.admin.get(`/api/org/units/${id}/children?asOf=${asOf}`)).data.map((u: { name: string }) => u.name);

describe('founding a unit in the past inside a later history', () => {
  it('asks what happened at the parent’s later end, proposes the successor, and records the answer in one go', async () => {
    const r = await reformed();
    const q = await env.admin.get(`/api/org/units/${r.t.districtA}/later-parents?date=2024-03-01`);
    expect(q.statusCode, q.body).toBe(200);
    expect(q.data).toEqual([
      {
        date: REFORM,
        parentId: r.t.districtA,
        parentName: 'LĐLĐ huyện An Bình',
        kind: 'dissolve',
        proposedParentId: r.commune,
        proposedParentName: r.communeName,
      },
    ]);
    const body = {
      code: uniq('CDCS'),
      name: 'CĐCS Công ty TNHH Hồi Tố',
      typeCode: 'CDCS',
      parentId: r.t.districtA,
      validFrom: '2024-03-01',
    };
    const before = await writeCounts(env);
    const unanswered = await env.admin.post('/api/org/units', body);
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.data.error?.issues?.[0]?.path).toBe('laterParents');
    expect(unanswered.data.error?.issues?.[0]?.message).toContain('01/07/2025');
    expect(unanswered.data.error?.issues?.[0]?.message).toContain(r.communeName);
    expect(await writeCounts(env)).toEqual(before);

    const ok = await env.admin.post('/api/org/units', {
      ...body,
      laterParents: [{ date: REFORM, parentId: r.commune }],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(await childNames(r.t.districtA, '2024-06-01')).toContain('CĐCS Công ty TNHH Hồi Tố');
    expect(await childNames(r.commune, '2025-08-01')).toContain('CĐCS Công ty TNHH Hồi Tố');
    const versions = await env.ctx.db
      .selectFrom('org_unit_version')
      .selectAll()
      .where('unit_id', '=', ok.data.id)
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => [v.path, v.valid_from, v.valid_to])).toEqual([
      [`/${env.rootId}/${r.t.province}/${r.t.districtA}/${ok.data.id}/`, '2024-03-01', REFORM],
      [`/${env.rootId}/${r.t.province}/${r.commune}/${ok.data.id}/`, REFORM, null],
    ]);
    const events = await env.admin.get(`/api/org/units/${ok.data.id}/events`);
    expect(events.data.map((e: { kind: string; relatedUnitId: number | null }) => [e.kind, e.relatedUnitId])).toEqual([
      ['move', r.commune],
      ['create', null],
    ]);
  });

  it('can end the new unit with its parent, and refuses an answer for a date with no change', async () => {
    const r = await reformed();
    const body = {
      code: uniq('CDCS'),
      name: 'CĐCS Ngừng cùng huyện',
      typeCode: 'CDCS',
      parentId: r.t.districtA,
      validFrom: '2024-03-01',
    };
    const wrong = await env.admin.post('/api/org/units', {
      ...body,
      laterParents: [
        { date: REFORM, parentId: r.commune },
        { date: '2025-09-01', parentId: null },
      ],
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.data.error?.issues?.[0]?.path).toBe('laterParents.1.date');
    const ended = await env.admin.post('/api/org/units', { ...body, laterParents: [{ date: REFORM, parentId: null }] });
    expect(ended.statusCode, ended.body).toBe(201);
    expect(ended.data.validTo).toBe(REFORM);
  });

  it('follows a parent that moved later without asking (a sub-unit of the moved CĐCS)', async () => {
    const r = await reformed();
    const q = await env.admin.get(`/api/org/units/${r.t.cdcsA}/later-parents?date=2024-02-01`);
    expect(q.data).toEqual([]);
    const ok = await env.admin.post('/api/org/units', {
      code: uniq('BP'),
      name: 'Công đoàn bộ phận Kho',
      typeCode: 'CD_BO_PHAN',
      parentId: r.t.cdcsA,
      validFrom: '2024-02-01',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const versions = await env.ctx.db
      .selectFrom('org_unit_version')
      .select(['path', 'depth'])
      .where('unit_id', '=', ok.data.id)
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => v.path)).toEqual([
      `/${env.rootId}/${r.t.province}/${r.t.districtA}/${r.t.cdcsA}/${ok.data.id}/`,
      `/${env.rootId}/${r.t.province}/${r.commune}/${r.t.cdcsA}/${ok.data.id}/`,
    ]);
    expect(versions.map((v) => v.depth)).toEqual([4, 4]);
  });

  it('lets the commune officer who received the district backfill under it; a sibling officer gets 404', async () => {
    const r = await reformed();
    const communeAdmin = await makeUser(env, 'federation_admin', r.commune);
    const body = {
      code: uniq('CDCS'),
      name: 'CĐCS Do xã ghi bổ sung',
      typeCode: 'CDCS',
      parentId: r.t.districtA,
      validFrom: '2024-05-01',
      laterParents: [{ date: REFORM, parentId: r.commune }],
    };
    const ok = await communeAdmin.post('/api/org/units', body);
    expect(ok.statusCode, ok.body).toBe(201);
    // The district exists for the commune officer at 2024 (it can be picked), as of 2024 only.
    const picked = await communeAdmin.get(`/api/org/units?asOf=2024-05-01&q=${encodeURIComponent('An Bình')}`);
    expect(picked.data.map((u: { id: number }) => u.id)).toContain(r.t.districtA);
    // …but not the district's other sub-units, which went elsewhere or stayed history.
    const otherAdmin = await makeUser(env, 'federation_admin', r.other);
    const refused = await otherAdmin.post('/api/org/units', { ...body, code: uniq('CDCS') });
    expect(refused.statusCode).toBe(404);
    // The answer must be the caller's too.
    const foreign = await communeAdmin.post('/api/org/units', {
      ...body,
      code: uniq('CDCS'),
      laterParents: [{ date: REFORM, parentId: r.other }],
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('refuses founding under the ended district after its end, naming the successor', async () => {
    const r = await reformed();
    const late = await env.admin.post('/api/org/units', {
      code: uniq('CDCS'),
      name: 'CĐCS Muộn',
      typeCode: 'CDCS',
      parentId: r.t.districtA,
      validFrom: '2025-08-01',
    });
    expect(late.statusCode).toBe(400);
    expect(late.data.error?.issues?.[0]).toEqual({
      path: 'parentId',
      message: `LĐLĐ huyện An Bình đã kết thúc ngày 01/07/2025; đơn vị tiếp nhận: ${r.communeName}`,
    });
  });
});

describe('backdated events split the later states', () => {
  it('a rename behind a later move applies to the moved state too, and stops at a later rename', async () => {
    const r = await reformed();
    const later = await env.admin.post(`/api/org/units/${r.dept}/rename`, {
      effectiveDate: '2025-09-01',
      name: 'Công đoàn bộ phận Xưởng Mới',
    });
    expect(later.statusCode, later.body).toBe(200);
    const back = await env.admin.post(`/api/org/units/${r.t.cdcsA}/rename`, {
      effectiveDate: '2024-01-01',
      name: 'CĐCS Công ty Cổ phần An Phát',
    });
    expect(back.statusCode, back.body).toBe(200);
    expect(await childNames(r.t.districtA, '2023-12-31')).toEqual(['CĐCS Công ty TNHH An Phát']);
    expect(await childNames(r.t.districtA, '2024-01-01')).toEqual(['CĐCS Công ty Cổ phần An Phát']);
    expect(await childNames(r.commune, '2025-08-01')).toContain('CĐCS Công ty Cổ phần An Phát');
    const unit = await env.ctx.db
      .selectFrom('org_unit')
      .select('name')
      .where('id', '=', r.t.cdcsA)
      .executeTakeFirstOrThrow();
    expect(unit.name).toBe('CĐCS Công ty Cổ phần An Phát');
    // A backdated rename of the sub-unit keeps the later 2025 name.
    const sub = await env.admin.post(`/api/org/units/${r.dept}/rename`, {
      effectiveDate: '2024-06-01',
      name: 'Công đoàn bộ phận Xưởng Một',
    });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(await childNames(r.t.cdcsA, '2024-07-01')).toEqual(['Công đoàn bộ phận Xưởng Một']);
    expect(await childNames(r.t.cdcsA, '2025-08-01')).toEqual(['Công đoàn bộ phận Xưởng Một']);
    expect(await childNames(r.t.cdcsA, '2025-10-01')).toEqual(['Công đoàn bộ phận Xưởng Mới']);
    const versions = await env.ctx.db
      .selectFrom('org_unit_version')
      .select(['valid_from', 'valid_to'])
      .where('unit_id', '=', r.dept)
      .orderBy('valid_from')
      .execute();
    // Split at 2024-06-01, then the reform's move, then the 2025 rename: contiguous, no overlap.
    expect(versions.map((v) => [v.valid_from, v.valid_to])).toEqual([
      ['2016-01-01', '2024-06-01'],
      ['2024-06-01', REFORM],
      [REFORM, '2025-09-01'],
      ['2025-09-01', null],
    ]);
  });

  it('a rename without short name or area leaves them as they were', async () => {
    const t = await makeTree(env);
    const set = await env.admin.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2020-01-01',
      shortName: 'CĐ An Phát',
      adminAreaCode: '25264',
      adminAreaName: 'Xã Phú Riềng',
    });
    expect(set.statusCode, set.body).toBe(200);
    const r = await env.admin.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2021-01-01',
      name: 'CĐCS Công ty An Phát Mới',
    });
    expect(r.statusCode, r.body).toBe(200);
    const d = await env.admin.get(`/api/org/units/${t.cdcsA}?asOf=2021-06-01`);
    expect([d.data.name, d.data.shortName, d.data.adminAreaCode, d.data.adminAreaName]).toEqual([
      'CĐCS Công ty An Phát Mới',
      'CĐ An Phát',
      '25264',
      'Xã Phú Riềng',
    ]);
    const cleared = await env.admin.post(`/api/org/units/${t.cdcsA}/rename`, {
      effectiveDate: '2022-01-01',
      shortName: null,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect((await env.admin.get(`/api/org/units/${t.cdcsA}?asOf=2022-06-01`)).data.shortName).toBeNull();
  });
});

describe('a move or an end recorded behind the later history', () => {
  /** A CĐCS of district A since 2020, handed over to the commune union with the district on 01/07/2025. */
  async function handedOver(r: Awaited<ReturnType<typeof reformed>>, name: string) {
    const made = await env.admin.post('/api/org/units', {
      code: uniq('CDCS'),
      name,
      typeCode: 'CDCS',
      parentId: r.t.districtA,
      validFrom: '2020-01-01',
      laterParents: [{ date: REFORM, parentId: r.commune }],
    });
    expect(made.statusCode, made.body).toBe(201);
    return made.data.id as number;
  }
  const lifeOf = async (id: number) =>
    (
      await env.ctx.db
        .selectFrom('org_unit_version')
        .select(['parent_id', 'valid_from', 'valid_to'])
        .where('unit_id', '=', id)
        .orderBy('valid_from')
        .execute()
    ).map((v) => [v.parent_id, v.valid_from, v.valid_to]);
  const eventsOf = async (id: number) =>
    (await env.admin.get(`/api/org/units/${id}/events`)).data.map(
      (e: { kind: string; effectiveDate: string }) => `${e.kind} ${e.effectiveDate}`,
    );

  it('ends a CĐCS in 2024 although the tree handed it over in 2025: its later move goes, its records must predate the end', async () => {
    const r = await reformed();
    const x = await handedOver(r, 'CĐCS Công ty TNHH Ngừng 2024');
    await admitOk(env.admin, x, [person('Lê Văn Sớm', { birthDate: '1990-02-02' })], {
      decisionDate: '2024-06-10',
      ceremonyDate: null,
    });
    const before = await writeCounts(env);
    const tooEarly = await env.admin.post(`/api/org/units/${x}/dissolve`, { effectiveDate: '2024-05-01' });
    expect(tooEarly.statusCode).toBe(422);
    expect(tooEarly.data.error?.code).toBe('ORG_LATER_RECORDS');
    expect(tooEarly.data.error?.message).toContain('1 bản ghi từ ngày 01/05/2024');
    expect(await writeCounts(env)).toEqual(before);

    const ok = await env.admin.post(`/api/org/units/${x}/dissolve`, { effectiveDate: '2024-07-01' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.data.validTo).toBe('2024-07-01');
    expect(await lifeOf(x)).toEqual([[r.t.districtA, '2020-01-01', '2024-07-01']]);
    expect(await childNames(r.t.districtA, '2024-06-30')).toContain('CĐCS Công ty TNHH Ngừng 2024');
    expect(await childNames(r.t.districtA, '2024-07-01')).not.toContain('CĐCS Công ty TNHH Ngừng 2024');
    expect(await childNames(r.commune, '2025-08-01')).not.toContain('CĐCS Công ty TNHH Ngừng 2024');
    const events = await eventsOf(x);
    expect(events).toContain('dissolve 2024-07-01');
    expect(events).not.toContain(`move ${REFORM}`);
    // The audit keeps what was dropped.
    const entry = await env.ctx.db
      .selectFrom('audit_log')
      .select('before_json')
      .where('action', '=', 'org.dissolve')
      .where('entity_id', '=', String(x))
      .executeTakeFirstOrThrow();
    expect(entry.before_json).toContain(REFORM);
  });

  it('moves a CĐCS to another district in 2024: it follows that district, asking where it went when that one ended', async () => {
    const r = await reformed();
    const x = await handedOver(r, 'CĐCS Công ty TNHH Chuyển 2024');
    // District B goes on after the reform: nothing to ask.
    const toB = await env.admin.post(`/api/org/units/${x}/move`, {
      effectiveDate: '2024-05-01',
      newParentId: r.t.districtB,
    });
    expect(toB.statusCode, toB.body).toBe(200);
    expect(await lifeOf(x)).toEqual([
      [r.t.districtA, '2020-01-01', '2024-05-01'],
      [r.t.districtB, '2024-05-01', null],
    ]);
    expect(await childNames(r.commune, '2025-08-01')).not.toContain('CĐCS Công ty TNHH Chuyển 2024');
    expect(await childNames(r.t.districtB, '2025-08-01')).toContain('CĐCS Công ty TNHH Chuyển 2024');

    // Into a district that itself ended on 01/07/2025: the later end is asked, as when founding.
    const y = await handedOver(r, 'CĐCS Công ty TNHH Hỏi Lại');
    const districtC = await makeUnit(env, {
      name: `LĐLĐ huyện Cũ ${uniq('H')}`,
      typeCode: 'LDLD_HUYEN',
      parentId: r.t.province,
      from: '2015-01-01',
    });
    const endC = await env.admin.post(`/api/org/units/${districtC}/dissolve`, {
      effectiveDate: REFORM,
      successorId: r.other,
    });
    expect(endC.statusCode, endC.body).toBe(200);
    const before = await writeCounts(env);
    const body = { effectiveDate: '2024-05-01', newParentId: districtC };
    const unanswered = await env.admin.post(`/api/org/units/${y}/move`, body);
    expect(unanswered.statusCode).toBe(400);
    expect(unanswered.data.error?.issues?.[0]?.path).toBe('laterParents');
    expect(unanswered.data.error?.issues?.[0]?.message).toContain('01/07/2025');
    expect(await writeCounts(env)).toEqual(before);
    const answered = await env.admin.post(`/api/org/units/${y}/move`, {
      ...body,
      laterParents: [{ date: REFORM, parentId: r.other }],
    });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(await lifeOf(y)).toEqual([
      [r.t.districtA, '2020-01-01', '2024-05-01'],
      [districtC, '2024-05-01', REFORM],
      [r.other, REFORM, null],
    ]);
    expect(await eventsOf(y)).toEqual(expect.arrayContaining(['move 2024-05-01', `move ${REFORM}`]));
  });

  it('merges a CĐCS into another in 2024 although the tree handed it over in 2025: the target inherits it', async () => {
    const r = await reformed();
    const x = await handedOver(r, 'CĐCS Công ty TNHH Sáp Nhập 2024');
    const merged = await env.admin.post(`/api/org/units/${x}/merge`, {
      effectiveDate: '2024-05-01',
      targetId: r.t.cdcsB,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await lifeOf(x)).toEqual([[r.t.districtA, '2020-01-01', '2024-05-01']]);
    const unit = await env.ctx.db.selectFrom('org_unit').selectAll().where('id', '=', x).executeTakeFirstOrThrow();
    expect([unit.valid_to, unit.merged_into_id]).toEqual(['2024-05-01', r.t.cdcsB]);
    expect(await childNames(r.commune, '2025-08-01')).not.toContain('CĐCS Công ty TNHH Sáp Nhập 2024');
    const events = await eventsOf(x);
    expect(events).toContain('merge 2024-05-01');
    expect(events).not.toContain(`move ${REFORM}`);
    expect(await eventsOf(r.t.cdcsB)).toContain('absorb 2024-05-01');
  });

  it('refuses when the later history is more than moves: a later rename, sub-units living after the date', async () => {
    const r = await reformed();
    const x = await handedOver(r, 'CĐCS Công ty TNHH Đổi Tên');
    const renamed = await env.admin.post(`/api/org/units/${x}/rename`, {
      effectiveDate: '2025-09-01',
      name: 'CĐCS Công ty CP Đổi Tên',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const before = await writeCounts(env);
    const move = await env.admin.post(`/api/org/units/${x}/move`, {
      effectiveDate: '2024-05-01',
      newParentId: r.t.districtB,
    });
    expect(move.statusCode).toBe(422);
    expect(move.data.error?.code).toBe('ORG_LATER_CHANGE_EXISTS');
    expect(move.data.error?.message).toContain('01/09/2025');
    const end = await env.admin.post(`/api/org/units/${x}/dissolve`, { effectiveDate: '2024-05-01' });
    expect(end.data.error?.code).toBe('ORG_LATER_CHANGE_EXISTS');
    // cdcsA keeps its Công đoàn bộ phận after the date.
    const parent = await env.admin.post(`/api/org/units/${r.t.cdcsA}/dissolve`, { effectiveDate: '2024-05-01' });
    expect(parent.statusCode).toBe(422);
    expect(parent.data.error?.code).toBe('ORG_HAS_ACTIVE_CHILDREN');
    expect(await writeCounts(env)).toEqual(before);
  });
});

describe('records under an ended unit', () => {
  it('takes an enterprise surveyed before the end under the ended unit, as it was then', async () => {
    const r = await reformed();
    const ent = await r.officerA.post('/api/enterprises', {
      unitId: r.t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Công ty Khảo sát 2024',
      mst: nextMst(),
      survey: { surveyDate: '2024-05-20', workerCount: 40 },
    });
    expect(ent.statusCode, ent.body).toBe(201);
    const late = await r.officerA.post('/api/enterprises', {
      unitId: r.t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Công ty Khảo sát 2025',
      mst: nextMst(),
      survey: { surveyDate: '2025-08-01', workerCount: 40 },
    });
    expect(late.statusCode).toBe(400);
  });

  it('refuses enterprises, outreach and admissions dated after the end, naming the successor; earlier dates pass', async () => {
    const r = await reformed();
    const msg = `LĐLĐ huyện An Bình đã kết thúc ngày 01/07/2025; đơn vị tiếp nhận: ${r.communeName}`;
    const before = await writeCounts(env);
    const ent = await r.officerA.post('/api/enterprises', {
      unitId: r.t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Công ty Mới',
      mst: nextMst(),
    });
    expect(ent.statusCode).toBe(400);
    expect(ent.data.error?.issues).toEqual([{ path: 'unitId', message: msg }]);
    const outreach = {
      unitId: r.t.districtA,
      formCode: 'WORKPLACE_MEETING',
      topics: ['UNION_MEMBERSHIP'],
      title: 'Tuyên truyền',
      workersReached: 5,
    };
    const late = await r.officerA.post('/api/outreach', { ...outreach, eventDate: '2025-08-01' });
    expect(late.statusCode).toBe(400);
    expect(late.data.error?.issues).toEqual([{ path: 'unitId', message: msg }]);
    expect(await writeCounts(env)).toEqual(before);
    const early = await r.officerA.post('/api/outreach', { ...outreach, eventDate: '2024-08-01' });
    expect(early.statusCode, early.body).toBe(201);

    // A CĐCS dissolved into the commune union: an admission after its end is refused by name.
    const cd = await makeUnit(env, {
      name: 'CĐCS Công ty TNHH Giải Thể',
      typeCode: 'CDCS',
      parentId: r.commune,
      from: REFORM,
    });
    const gone = await env.admin.post(`/api/org/units/${cd}/dissolve`, {
      effectiveDate: '2025-10-01',
      successorId: r.commune,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    const adm = await admit(env.admin, cd, [person('Nguyễn Văn An')], {
      applicationDate: '2025-10-01',
      decisionDate: '2025-10-15',
      ceremonyDate: null,
    });
    expect(adm.statusCode).toBe(400);
    expect(adm.data.error?.issues?.[0]?.message).toBe(
      `CĐCS Công ty TNHH Giải Thể đã kết thúc ngày 01/10/2025; đơn vị tiếp nhận: ${r.communeName}`,
    );
    const inLife = await admit(env.admin, cd, [person('Nguyễn Văn Bình', { birthDate: '1991-01-01' })], {
      applicationDate: '2025-08-01',
      decisionDate: '2025-08-15',
      ceremonyDate: null,
    });
    expect(inLife.statusCode, inLife.body).toBe(201);
  });

  it('the successor lists its predecessor’s own records and those of units now under it; another commune sees none', async () => {
    const r = await reformed();
    const communeOfficer = await makeUser(env, 'officer', r.commune);
    const list = await communeOfficer.get('/api/enterprises');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.data.items.map((e: { id: number }) => e.id)).toContain(r.enterpriseId);
    const otherOfficer = await makeUser(env, 'officer', r.other);
    const none = await otherOfficer.get('/api/enterprises');
    expect(none.data.items.map((e: { id: number }) => e.id)).not.toContain(r.enterpriseId);
    expect((await otherOfficer.get(`/api/enterprises/${r.enterpriseId}`)).statusCode).toBe(404);
  });

  it('tells the ended unit’s officer, on sign-in, when it ended and who took over', async () => {
    const r = await reformed();
    const me = await r.officerA.get('/api/auth/me');
    expect(
      me.data.roles.map((x: { unitEndedOn: string | null; successorName: string | null }) => [
        x.unitEndedOn,
        x.successorName,
      ]),
    ).toEqual([[REFORM, r.communeName]]);
  });

  it('names a parent outside the caller’s scope without a link', async () => {
    const r = await reformed();
    const cdcsOfficer = await makeUser(env, 'officer', r.t.cdcsA);
    const d = await cdcsOfficer.get(`/api/org/units/${r.t.cdcsA}?asOf=2025-08-01`);
    expect(d.statusCode).toBe(200);
    expect(d.data.parentName).toBe(r.communeName);
    expect(d.data.ancestors).toEqual([]);
    expect(
      d.data.history.map((h: { parentName: string | null; parentId: number | null }) => [h.parentName, h.parentId]),
    ).toEqual([
      ['LĐLĐ huyện An Bình', null],
      [r.communeName, null],
    ]);
  });
});
