import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeForUnits } from '../../platform/scope.js';
import { createTestEnv, type TestEnv, writeCounts } from '../../test/harness.js';
import { admitOk, countsOf, membersSetup } from '../../test/members.js';
import { person } from '../../test/people.js';
import * as repo from './members.repository.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const setup = () => membersSetup(env);

/** Reading members (list order, search, the detail and its sensitive parts), Party data, code lists. */
describe('members', () => {
  it('lists the same page in the same given-name order whether the total is capped or counted', async () => {
    const { t, officer } = await setup();
    const names = ['Trần Văn Bình', 'Lê Thị Ánh', 'Nguyễn Văn Đức', 'Phạm Thị Yến', 'Võ Minh Anh', 'Đỗ Thị Chi'];
    await admitOk(
      officer,
      t.cdcsA,
      names.map((n) => person(n)),
    );
    const scope = await scopeForUnits(env.ctx.db, 'record.read', [t.cdcsA]);
    const query = () =>
      repo.filteredMembers(env.ctx.db, scope, {
        limit: 50,
        offset: 0,
        folded: '',
        cccdHash: null,
        phonePrefix: null,
      });
    for (const offset of [0, 2, 4]) {
      const sorted = await repo.listPage(env.ctx.db, query(), 3, offset);
      const walked = await repo.listPage(env.ctx.db, query(), 3, offset, 2);
      expect(sorted).toMatchObject({ total: 6, totalCapped: false });
      expect(walked).toMatchObject({ total: 2, totalCapped: true });
      expect(walked.rows.map((r) => r.id)).toEqual(sorted.rows.map((r) => r.id));
    }
    const all = await repo.listPage(env.ctx.db, query(), 10, 0);
    expect(all.rows.map((r) => r.full_name.split(' ').at(-1))).toEqual(['Anh', 'Ánh', 'Bình', 'Chi', 'Đức', 'Yến']);
    const api = await officer.get(`/api/members?unitId=${t.cdcsA}`);
    expect(api.data).toMatchObject({ total: 6, totalCapped: false });
  });

  it('sorts by given name, and finds by an unaccented fragment, an exact CCCD or a phone prefix', async () => {
    const { t, officer } = await setup();
    const binh = person('Trần Thị Bình', { gender: 'female', phone: '0987654321' });
    await admitOk(officer, t.cdcsA, [binh, person('Nguyễn Văn An', { phone: '0912000111' }), person('Lê Văn Ánh')]);
    const names = async (qs: string) =>
      (await officer.get(`/api/members?unitId=${t.cdcsA}&${qs}`)).data.items.map(
        (m: { fullName: string }) => m.fullName,
      );
    expect(await names('')).toEqual(['Nguyễn Văn An', 'Lê Văn Ánh', 'Trần Thị Bình']);
    expect(await names(`q=${encodeURIComponent('thi binh')}`)).toEqual(['Trần Thị Bình']);
    expect(await names(`q=${binh.cccd}`)).toEqual(['Trần Thị Bình']);
    expect(await names(`q=${binh.cccd.slice(0, 11)}`)).toEqual([]);
    expect(await names('q=0987')).toEqual(['Trần Thị Bình']);
    expect(await names(`q=${encodeURIComponent('+84 912')}`)).toEqual(['Nguyễn Văn An']);
    expect(await names('gender=female')).toEqual(['Trần Thị Bình']);
    const page = await officer.get(`/api/members?unitId=${t.cdcsA}&limit=1&offset=1`);
    expect(page.data).toMatchObject({ total: 3, items: [{ fullName: 'Lê Văn Ánh' }] });
  });

  it('shows officers the masked number only, without ethnicity, religion or Party data', async () => {
    const { t, officer, adminA } = await setup();
    const p = person('Lò Văn Nhạy', { ethnicityCode: '03', religionCode: 'CATHOLIC' });
    const [m] = await admitOk(officer, t.cdcsA, [p]);
    const list = await officer.get(`/api/members?unitId=${t.cdcsA}`);
    const det = await officer.get(`/api/members/${m?.membershipId}`);
    for (const r of [list, det]) {
      expect(r.body).not.toContain(p.cccd);
      expect(r.body).not.toContain('ethnicity');
      expect(r.body).not.toContain('CATHOLIC');
    }
    expect(det.data.cccdMasked).toBe(`${p.cccd.slice(0, 4)}•••••${p.cccd.slice(-3)}`);
    expect(det.data.sensitive).toBeNull();
    const adminView = await adminA.get(`/api/members/${m?.membershipId}`);
    expect(adminView.data.sensitive).toEqual({ ethnicityCode: '03', religionCode: 'CATHOLIC', partyIntroductions: [] });
    expect(adminView.body).not.toContain(p.cccd);
  });

  it('reveals the number in clear only with sensitive.read, and audits each look', async () => {
    const { t, officer, adminA } = await setup();
    const p = person('Mai Văn Lộ');
    const [m] = await admitOk(officer, t.cdcsA, [p]);
    const before = await writeCounts(env);
    const denied = await officer.post(`/api/members/${m?.membershipId}/reveal-cccd`);
    expect(denied.statusCode).toBe(403);
    expect(await writeCounts(env)).toEqual(before);
    const r = await adminA.post(`/api/members/${m?.membershipId}/reveal-cccd`);
    expect(r.statusCode).toBe(200);
    expect(r.data).toEqual({ cccd: p.cccd });
    const entry = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.cccd.reveal')
      .where('entity_id', '=', String(m?.personId))
      .executeTakeFirstOrThrow();
    expect(entry.after_json).toContain(m?.cccdMasked);
    expect(entry.after_json).not.toContain(p.cccd);
  });

  it('keeps Party introductions to sensitive.read holders; everyone gets the count', async () => {
    const { t, officer, adminA } = await setup();
    const [m] = await admitOk(officer, t.cdcsA, [person('Đinh Văn Ưu Tú')]);
    const body = { introducedOn: '2024-10-01', partyOrganisation: 'Chi bộ Công ty An Phát' };
    const before = await writeCounts(env);
    expect((await officer.post(`/api/members/${m?.membershipId}/party-introductions`, body)).statusCode).toBe(403);
    expect((await officer.get('/api/party-introductions')).statusCode).toBe(403);
    expect(await writeCounts(env)).toEqual(before);
    const created = await adminA.post(`/api/members/${m?.membershipId}/party-introductions`, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.data).toMatchObject({ status: 'introduced', statusDate: '2024-10-01', unitId: t.cdcsA });
    expect(
      (
        await officer.patch(`/api/party-introductions/${created.data.id}`, {
          status: 'admitted',
          statusDate: '2024-12-01',
        })
      ).statusCode,
    ).toBe(403);
    const upd = await adminA.patch(`/api/party-introductions/${created.data.id}`, {
      status: 'in_training',
      statusDate: '2024-11-01',
    });
    expect(upd.data).toMatchObject({ status: 'in_training', statusDate: '2024-11-01' });
    // One introduction at a time: a second one waits for the outcome of the first (T4 counts each once).
    const again = await adminA.post(`/api/members/${m?.membershipId}/party-introductions`, {
      ...body,
      introducedOn: '2024-11-15',
    });
    expect(again.statusCode).toBe(400);
    expect(again.data.error?.issues).toEqual([
      {
        path: 'introducedOn',
        message:
          'Đoàn viên đã được giới thiệu cho Đảng ngày 01/10/2024 và đang chờ kết quả; hãy cập nhật kết quả lần đó trước khi giới thiệu lại',
      },
    ]);
    const listed = await adminA.get(`/api/party-introductions?unitId=${t.districtA}&from=2024-01-01&to=2024-12-31`);
    expect(listed.data.items.map((i: { id: number }) => i.id)).toEqual([created.data.id]);
    expect((await countsOf(officer, t.cdcsA)).partyIntroduced).toBe(1);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', 'like', 'member.party.%')
      .execute();
    expect(JSON.stringify(audit)).not.toContain('Chi bộ');
  });

  it('offers the dated code lists for forms', async () => {
    const { officer } = await setup();
    const r = await officer.get('/api/members/config');
    expect(r.data.codeLists.ethnicity).toHaveLength(54);
    expect(r.data.codeLists.ethnicity[0]).toMatchObject({ code: '01', nameVi: 'Kinh' });
    expect(r.data.codeLists.religion.map((c: { nameVi: string }) => c.nameVi)).toContain('Phật giáo Hòa Hảo');
    expect(r.data.codeLists.informal_trade).toHaveLength(9);
    expect(r.data.codeLists.education).toHaveLength(7);
    expect(r.data.foreignAllowedFrom).toBe('2025-07-01');
  });
});
