import { describe, expect, it } from 'vitest';
import { type Client, makeUser } from '../../test/harness.js';
import { cccd } from '../../test/people.js';
import { applicationsFixture, form, tokenOf } from './applications.fixture.js';

/** The officers' side: the review queue, approving into an admission, rejecting, erasing on request. */
const fx = applicationsFixture();

describe('reviewing applications', () => {
  const countsOf = async (c: Client, unitId: number) =>
    (await c.get(`/api/members/counts?unitId=${unitId}`)).data as { admitted: number; activeAtEnd: number };

  it('approving admits through the same admission: member listed and counted; no second decision', async () => {
    const { t, officer, token } = await fx.setup();
    const row = await fx.submitted(token, { fullName: 'Lê Thị Hồng' });
    const queue = await officer.get(`/api/applications?unitId=${t.cdcsA}`);
    expect(queue.data.total).toBe(1);
    expect(queue.data.items[0]).toMatchObject({
      id: row.id,
      fullName: 'Lê Thị Hồng',
      status: 'pending',
      unitIsGrassroots: true,
      activeElsewhere: null,
      cccdMasked: row.cccd_masked,
    });
    expect(JSON.stringify(queue.data)).not.toContain(row.cccd_enc as string);
    expect((await officer.get('/api/applications?q=le%20thi%20hong')).data.total).toBe(1);
    expect((await officer.get('/api/applications?q=0912')).data.total).toBe(1);

    const before = await countsOf(officer, t.cdcsA);
    const r = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody({ ceremonyDate: fx.today }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data.application).toMatchObject({ status: 'approved', activeElsewhere: null });
    const membershipId = r.data.application.membershipId as number;
    expect(membershipId).toBe(r.data.admission.admitted[0]?.membershipId);
    const after = await countsOf(officer, t.cdcsA);
    expect(after.admitted).toBe(before.admitted + 1);
    expect(after.activeAtEnd).toBe(before.activeAtEnd + 1);
    const member = await officer.get(`/api/members/${membershipId}`);
    expect(member.data).toMatchObject({
      fullName: 'Lê Thị Hồng',
      unitId: t.cdcsA,
      applicationDate: fx.today,
      decisionNo: '21/QĐ-CĐCS',
      phone: '0912345678',
    });
    const members = await officer.get(`/api/members?unitId=${t.cdcsA}`);
    expect(members.data.items.map((m: { id: number }) => m.id)).toContain(membershipId);

    const beforeAgain = await fx.writeCounts();
    const twice = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody({ decisionNo: 'x' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.data.error?.code).toBe('APPLICATION_DECIDED');
    expect((await officer.post(`/api/applications/${row.id}/reject`, { reason: 'muộn' })).statusCode).toBe(409);
    expect(await fx.writeCounts()).toEqual(beforeAgain);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}`)).data.total).toBe(0);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}&status=approved`)).data.total).toBe(1);
    const audit = await fx.env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity', '=', 'application')
      .where('entity_id', '=', String(row.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['application.submit', 'application.approve']);
  });

  it('the reviewer may tie the typed workplace to an enterprise of the scope, not to another subtree’s', async () => {
    const { t, officer, token } = await fx.setup();
    const ent = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      name: 'Công ty TNHH May An Phát',
      ownershipCode: 'PRIVATE',
    });
    expect(ent.statusCode, ent.body).toBe(201);
    const other = await makeUser(fx.env, 'officer', t.districtB);
    const foreign = await other.post('/api/enterprises', {
      unitId: t.districtB,
      name: 'Công ty Bình Minh',
      ownershipCode: 'PRIVATE',
    });
    const row = await fx.submitted(token, { workplace: 'May An Phát' });
    const refused = await officer.post(
      `/api/applications/${row.id}/approve`,
      fx.approveBody({ employerEnterpriseId: foreign.data.id }),
    );
    expect(refused.statusCode).toBe(404);
    const r = await officer.post(
      `/api/applications/${row.id}/approve`,
      fx.approveBody({ employerEnterpriseId: ent.data.id }),
    );
    expect(r.statusCode, r.body).toBe(200);
    const member = await officer.get(`/api/members/${r.data.application.membershipId}`);
    expect(member.data).toMatchObject({ employerEnterpriseId: ent.data.id, employerName: 'Công ty TNHH May An Phát' });
  });

  it('rejecting needs a reason and is final', async () => {
    const { t, officer, token } = await fx.setup();
    const number = cccd('female', 1996);
    const row = await fx.submitted(token, { cccd: number });
    const before = await fx.writeCounts();
    const missing = await officer.post(`/api/applications/${row.id}/reject`, { reason: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error?.issues?.[0]?.path).toBe('reason');
    expect(await fx.writeCounts()).toEqual(before);
    const r = await officer.post(`/api/applications/${row.id}/reject`, {
      reason: 'Là giám đốc doanh nghiệp, không thuộc đối tượng kết nạp',
    });
    expect(r.statusCode).toBe(200);
    expect(r.data).toMatchObject({ status: 'rejected', rejectReason: expect.stringMatching(/giám đốc/) });
    expect((await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody())).statusCode).toBe(409);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}&status=rejected`)).data.total).toBe(1);
    // After a rejection the person may apply again.
    expect((await fx.apply(token, form({ cccd: number }))).statusCode).toBe(201);
  });

  it('flags a possible transfer, naming the other unit only inside the caller scope', async () => {
    const { t, officer, token } = await fx.setup();
    const number = cccd('male', 1988);
    const admitted = await fx.env.admin.post('/api/members/admissions', {
      unitId: t.cdcsB,
      applicationDate: '2024-03-01',
      decisionNo: '3/QĐ',
      decisionDate: '2024-03-10',
      people: [{ fullName: 'Võ Văn Tâm', birthDate: '1988-01-01', gender: 'male', cccd: number }],
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    const row = await fx.submitted(token, {
      fullName: 'Võ Văn Tâm',
      gender: 'male',
      birthDate: '1988-01-01',
      cccd: number,
    });
    const mine = await officer.get(`/api/applications/${row.id}`);
    expect(mine.data.activeElsewhere).toEqual({ unitId: null, unitName: null });
    expect(mine.body).not.toContain('Bình Minh');
    const top = await fx.env.admin.get(`/api/applications/${row.id}`);
    expect(top.data.activeElsewhere).toEqual({ unitId: t.cdcsB, unitName: 'CĐCS Công ty Cổ phần Bình Minh' });
    const before = await fx.writeCounts();
    const r = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody());
    expect(r.statusCode).toBe(409);
    expect(r.data.error?.code).toBe('MEMBER_ACTIVE_ELSEWHERE');
    expect(r.data.error?.message).toContain('Võ Văn Tâm');
    expect(r.body).not.toContain('Bình Minh');
    expect(await fx.writeCounts()).toEqual(before);
    // The union holding the member learnt of it when the worker applied, once.
    const holding = await makeUser(fx.env, 'officer', t.districtB);
    const notes = await holding.get('/api/members/possible-transfers');
    expect(notes.data.items).toHaveLength(1);
    expect(notes.data.items[0]).toMatchObject({ source: 'application', side: 'holding', fullName: 'Võ Văn Tâm' });
  });

  it('a sibling subtree cannot see or decide the application', async () => {
    const { t, token } = await fx.setup();
    const row = await fx.submitted(token);
    const other = await makeUser(fx.env, 'federation_admin', t.districtB);
    const before = await fx.writeCounts();
    expect((await other.get(`/api/applications/${row.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/applications/${row.id}/approve`, fx.approveBody())).statusCode).toBe(404);
    expect((await other.post(`/api/applications/${row.id}/reject`, { reason: 'x' })).statusCode).toBe(404);
    expect((await other.get(`/api/applications?unitId=${t.cdcsA}`)).statusCode).toBe(404);
    expect((await other.get('/api/applications')).data.items.map((a: { id: number }) => a.id)).not.toContain(row.id);
    expect((await other.post(`/api/applications/links/${t.cdcsA}/rotate`)).statusCode).toBe(404);
    expect(await fx.writeCounts()).toEqual(before);
    // A viewer of the unit reads the queue but does not decide.
    const viewer = await makeUser(fx.env, 'viewer', t.districtA);
    expect((await viewer.get(`/api/applications?unitId=${t.cdcsA}`)).data.total).toBe(1);
    expect((await viewer.post(`/api/applications/${row.id}/approve`, fx.approveBody())).statusCode).toBe(403);
  });

  it("a federation unit's link: approve into a chosen grassroots union of the caller's scope", async () => {
    const { t, officer } = await fx.setup();
    const link = await officer.post(`/api/applications/links/${t.districtA}`);
    expect(link.statusCode).toBe(201);
    const info = JSON.parse(
      (await fx.env.app.inject({ method: 'GET', url: `/api/public/apply/${tokenOf(link.data.link?.url ?? '')}` })).body,
    );
    expect(info).toMatchObject({ unitName: 'LĐLĐ huyện An Bình', parentName: 'LĐLĐ tỉnh Thử nghiệm' });
    const row = await fx.submitted(tokenOf(link.data.link?.url ?? ''), {
      workplace: undefined,
      informalTradeCode: 'STREET_VENDOR',
    });
    const shown = await officer.get(`/api/applications/${row.id}`);
    expect(shown.data).toMatchObject({ unitIsGrassroots: false, informalTradeName: 'Bán hàng rong' });
    const before = await fx.writeCounts();
    const noUnit = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody());
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.data.error?.issues?.[0]).toMatchObject({
      path: 'unitId',
      message: expect.stringMatching(/công đoàn cơ sở/),
    });
    const federation = await officer.post(
      `/api/applications/${row.id}/approve`,
      fx.approveBody({ unitId: t.districtA }),
    );
    expect(federation.statusCode).toBe(400);
    expect(federation.data.error?.issues?.[0]?.path).toBe('unitId');
    const sibling = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody({ unitId: t.cdcsB }));
    expect(sibling.statusCode).toBe(404);
    expect(await fx.writeCounts()).toEqual(before);
    const ok = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody({ unitId: t.cdcsA }));
    expect(ok.statusCode, ok.body).toBe(200);
    const member = await officer.get(`/api/members/${ok.data.application.membershipId}`);
    expect(member.data).toMatchObject({ unitId: t.cdcsA, informal: true, informalTradeCode: 'STREET_VENDOR' });
  });

  it('several applications by one decision: all admitted and counted, or none', async () => {
    const { t, officer, token } = await fx.setup();
    const rows = [
      await fx.submitted(token, { fullName: 'Phan Văn Một' }),
      await fx.submitted(token, { fullName: 'Phan Thị Hai' }),
      await fx.submitted(token, { fullName: 'Phan Văn Ba', cccd: cccd('female', 1980) }),
    ];
    const ids = rows.map((r) => r.id);
    const body = { ...fx.approveBody({ decisionNo: '30/QĐ-CĐCS' }), ids };
    const other = await fx.setup();
    const foreign = await fx.submitted(other.token);
    const before = await fx.writeCounts();
    // The third's CCCD disagrees with gender and birth year: nothing is written until it is confirmed.
    const unconfirmed = await officer.post('/api/applications/approve', body);
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.data.error?.issues?.[0]).toMatchObject({
      path: 'ids.2',
      message: expect.stringMatching(/^Phan Văn Ba: /),
    });
    const duplicated = await officer.post('/api/applications/approve', { ...body, ids: [ids[0], ids[0]] });
    expect(duplicated.statusCode).toBe(400);
    // Another subtree's application among them: 404 for the lot (the sibling officer cannot see A's).
    const mixed = await other.officer.post('/api/applications/approve', { ...body, ids: [foreign.id, ids[0]] });
    expect(mixed.statusCode).toBe(404);
    expect(await fx.writeCounts()).toEqual(before);

    const counted = (await officer.get(`/api/members/counts?unitId=${t.cdcsA}`)).data.admitted as number;
    const r = await officer.post('/api/applications/approve', { ...body, confirmWarnings: true });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data.applications.map((a: { status: string }) => a.status)).toEqual(['approved', 'approved', 'approved']);
    expect(r.data.admission.admitted).toHaveLength(3);
    expect((await officer.get(`/api/members/counts?unitId=${t.cdcsA}`)).data.admitted).toBe(counted + 3);
    const again = await officer.post('/api/applications/approve', { ...body, confirmWarnings: true });
    expect(again.statusCode).toBe(409);
  });

  it("erases an application not admitted on the applicant's request, keeping only that it happened", async () => {
    const { officer, token } = await fx.setup();
    const pending = await fx.submitted(token, { fullName: 'Đoàn Thị Rút' });
    const before = await fx.writeCounts();
    expect((await officer.post(`/api/applications/${pending.id}/erase`, { reason: ' ' })).statusCode).toBe(400);
    expect(await fx.writeCounts()).toEqual(before);
    const r = await officer.post(`/api/applications/${pending.id}/erase`, {
      reason: 'Người nộp rút lại sự đồng ý qua điện thoại',
    });
    expect(r.statusCode).toBe(200);
    expect(await fx.env.ctx.db.selectFrom('application').select('id').where('id', '=', pending.id).execute()).toEqual(
      [],
    );
    expect((await officer.get(`/api/applications/${pending.id}`)).statusCode).toBe(404);
    const entry = await fx.env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'application.erase')
      .where('entity_id', '=', String(pending.id))
      .executeTakeFirstOrThrow();
    expect(entry.after_json).toContain('rút lại');
    expect(`${entry.before_json}${entry.after_json}`).not.toContain('Đoàn Thị Rút');

    const admitted = await fx.submitted(token);
    expect((await officer.post(`/api/applications/${admitted.id}/approve`, fx.approveBody())).statusCode).toBe(200);
    const refused = await officer.post(`/api/applications/${admitted.id}/erase`, { reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error?.code).toBe('APPLICATION_ADMITTED');
  });

  it('a decision dated in the future or before the application is refused at its field', async () => {
    const { officer, token } = await fx.setup();
    const row = await fx.submitted(token);
    const future = await officer.post(
      `/api/applications/${row.id}/approve`,
      fx.approveBody({ decisionDate: '2999-01-01' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.data.error?.issues?.map((i: { path: string }) => i.path)).toContain('decisionDate');
    const early = await officer.post(
      `/api/applications/${row.id}/approve`,
      fx.approveBody({ decisionDate: '2020-01-01' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.data.error?.issues?.map((i: { path: string }) => i.path)).toContain('decisionDate');
  });
});
