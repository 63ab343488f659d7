import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActorForUser } from '../../platform/session.js';
import { writeXlsx } from '../../test/files.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';
import { person } from '../../test/people.js';
import { importFile } from '../imports/imports.service.js';

/**
 * The same person entered in a second unit is refused there and shown to both sides as a possible
 * transfer, until the transfer is made or one side dismisses it.
 */
let env: TestEnv;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-notices-'));
  env = await createTestEnv({ dataDir: dir } as never);
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const admit = (c: Client, unitId: number, people: unknown[], decisionNo = '12/QĐ-CĐCS') =>
  c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo,
    decisionDate: '2024-03-15',
    people,
  });

async function setup() {
  const t = await makeTree(env);
  const officerA = await makeUser(env, 'officer', t.districtA);
  const officerB = await makeUser(env, 'officer', t.districtB);
  const province = await makeUser(env, 'federation_admin', t.province);
  return { t, officerA, officerB, province };
}
const openList = async (c: Client, unitId?: number) => {
  const r = unitId
    ? await c.get(`/api/members/possible-transfers?unitId=${unitId}`)
    : await c.get('/api/members/possible-transfers');
  expect(r.statusCode, r.body).toBe(200);
  return r.data;
};

describe('possible transfers', () => {
  it('shows a refused second admission to both units, each naming only what it may see', async () => {
    const { t, officerA, officerB, province } = await setup();
    const p = person('Trần Văn Chuyển');
    const ok = await admit(officerA, t.cdcsA, [p]);
    expect(ok.statusCode, ok.body).toBe(201);
    const membershipId = ok.data.admitted[0]?.membershipId;

    const before = await writeCounts(env);
    const refused = await admit(officerB, t.cdcsB, [person('Người Mới'), p], '3/QĐ-CĐCS');
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error?.code).toBe('MEMBER_ACTIVE_ELSEWHERE');
    // The attempt wrote nothing of its own (no person, membership or audit entry).
    expect(await writeCounts(env)).toEqual(before);

    const holding = await openList(officerA);
    expect(holding.total).toBe(1);
    expect(holding.items[0]).toMatchObject({
      side: 'holding',
      fullName: 'Trần Văn Chuyển',
      holdingMembershipId: membershipId,
      holdingUnit: { id: t.cdcsA },
      requestingUnit: null,
      source: 'admission',
      closedAt: null,
    });
    expect(holding.items[0]?.cccdMasked).toMatch(/•/);
    const requesting = await openList(officerB);
    expect(requesting.items).toHaveLength(1);
    expect(requesting.items[0]).toMatchObject({ side: 'requesting', holdingUnit: null, holdingMembershipId: null });
    expect(requesting.items[0]?.requestingUnit).toMatchObject({ id: t.cdcsB });
    const both = await openList(province);
    expect(both.items[0]).toMatchObject({ side: 'both' });

    // Trying again does not pile up notes.
    await admit(officerB, t.cdcsB, [p], '4/QĐ-CĐCS');
    expect((await openList(officerA)).total).toBe(1);

    // The transfer settles it.
    const moved = await province.post(`/api/members/${membershipId}/transfer`, {
      toUnitId: t.cdcsB,
      date: '2024-06-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await openList(officerA)).total).toBe(0);
    const closed = await officerB.get('/api/members/possible-transfers?open=false');
    expect(closed.data.items[0]).toMatchObject({ resolution: 'transferred' });
  });

  it('either side may dismiss with a reason; an outsider gets 404', async () => {
    const { t, officerA, officerB } = await setup();
    const p = person('Lê Văn Trùng');
    expect((await admit(officerA, t.cdcsA, [p])).statusCode).toBe(201);
    expect((await admit(officerB, t.cdcsB, [p])).statusCode).toBe(409);
    const id = (await openList(officerB, t.cdcsB)).items[0]?.id as number;
    const other = await makeTree(env);
    const stranger = await makeUser(env, 'officer', other.districtA);
    expect((await stranger.post(`/api/members/possible-transfers/${id}/dismiss`, { note: 'x' })).statusCode).toBe(404);
    expect((await openList(stranger)).total).toBe(0);
    const empty = await officerA.post(`/api/members/possible-transfers/${id}/dismiss`, { note: '' });
    expect(empty.statusCode).toBe(400);
    const done = await officerA.post(`/api/members/possible-transfers/${id}/dismiss`, {
      note: 'Trùng số do nhập nhầm, đã liên hệ đơn vị bạn',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.data).toMatchObject({ resolution: 'dismissed' });
    const again = await officerB.post(`/api/members/possible-transfers/${id}/dismiss`, { note: 'lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.data.error?.message).toContain('đã được xử lý');
  });

  it('an import that meets a member of another unit tells that unit once it commits, not on preview', async () => {
    const { t, officerA, officerB } = await setup();
    const p = person('Phạm Văn Nhập');
    expect((await admit(officerA, t.cdcsA, [p])).statusCode).toBe(201);
    const file = await writeXlsx(dir, 'b.xlsx', [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Ngày vào công đoàn'],
      [1, 'Phạm Văn Nhập', '12/05/1990', 'Nam', p.cccd, '01/04/2024'],
      [2, 'Võ Văn Mới', '12/05/1991', 'Nam', person('x').cccd.replace(/^(\d{4})90/, '$191'), '01/04/2024'],
    ]);
    const me = await officerB.get('/api/auth/me');
    const actor = await loadActorForUser(env.ctx.db, me.data.user.id, null);
    if (!actor) throw new Error('no actor');
    const run = (dryRun: boolean) =>
      importFile(env.ctx, actor, 'members', {
        file,
        fileName: 'b.xlsx',
        unitId: t.cdcsB,
        source: 'test',
        onDuplicate: 'update',
        mode: 'valid',
        dryRun,
      });
    const dry = await run(true);
    expect(dry.report.rejected[0]?.message.vi).toContain('chuyển sinh hoạt');
    expect((await openList(officerA)).total).toBe(0);
    const done = await run(false);
    expect(done.report).toMatchObject({ committed: true, inserted: 1 });
    const holding = await openList(officerA);
    expect(holding.items).toHaveLength(1);
    expect(holding.items[0]).toMatchObject({ source: 'import', fullName: 'Phạm Văn Nhập', side: 'holding' });
  });

  it('undoing the import that made a member drops the requests that member caused', async () => {
    const { t, officerA, officerB } = await setup();
    const p = person('Đinh Văn Hoàn');
    const file = await writeXlsx(dir, 'a.xlsx', [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CCCD', 'Ngày vào công đoàn'],
      [1, 'Đinh Văn Hoàn', '12/05/1990', 'Nam', p.cccd, '01/04/2024'],
    ]);
    const admin = await makeUser(env, 'federation_admin', t.districtA);
    const me = await admin.get('/api/auth/me');
    const actor = await loadActorForUser(env.ctx.db, me.data.user.id, null);
    if (!actor) throw new Error('no actor');
    const done = await importFile(env.ctx, actor, 'members', {
      file,
      fileName: 'a.xlsx',
      unitId: t.cdcsA,
      source: 'test',
      onDuplicate: 'update',
      mode: 'all',
      dryRun: false,
    });
    expect(done.report).toMatchObject({ committed: true, inserted: 1 });
    expect((await admit(officerB, t.cdcsB, [p])).statusCode).toBe(409);
    expect((await openList(officerA)).total).toBe(1);
    const undone = await admin.post(`/api/imports/${done.batchId}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await openList(officerB)).total).toBe(0);
    // The person is no longer a member anywhere: the other union may admit them now.
    expect((await admit(officerB, t.cdcsB, [p])).statusCode).toBe(201);
  });
});
