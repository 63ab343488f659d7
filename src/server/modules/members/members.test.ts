import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeForUnits } from '../../platform/scope.js';
import {
  type Client,
  createTestEnv,
  makeTree,
  makeUnit,
  makeUser,
  type TestEnv,
  writeCounts,
} from '../../test/harness.js';
import { cccd, person } from '../../test/people.js';
import * as repo from './members.repository.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function setup() {
  const t = await makeTree(env);
  const officer = await makeUser(env, 'officer', t.districtA);
  const adminA = await makeUser(env, 'federation_admin', t.districtA);
  return { t, officer, adminA };
}

async function admit(c: Client, unitId: number, people: unknown[], extra: Record<string, unknown> = {}) {
  return c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo: '12/QĐ-CĐCS',
    decisionDate: '2024-03-15',
    ceremonyDate: '2024-03-20',
    people,
    ...extra,
  });
}
async function admitOk(c: Client, unitId: number, people: unknown[], extra: Record<string, unknown> = {}) {
  const r = await admit(c, unitId, people, extra);
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted as { membershipId: number; personId: number; readmitted: boolean; cccdMasked: string }[];
}
const countsOf = async (c: Client, unitId: number, from = '2024-01-01', to = '2024-12-31') => {
  const r = await c.get(`/api/members/counts?unitId=${unitId}&from=${from}&to=${to}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.data;
};

describe('members', () => {
  it('admits a group of five at once and counts them (informal, female) from the records', async () => {
    const { t, officer } = await setup();
    const ent = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      name: 'Công ty TNHH May Phú Riềng',
      ownershipCode: 'PRIVATE',
    });
    const people = [
      person('Nguyễn Văn Hùng', { employerEnterpriseId: ent.data.id, phone: '0912 345 678' }),
      person('Lê Thị Mai', { gender: 'female', birthDate: '1995-02-01', employerEnterpriseId: ent.data.id }),
      person('Phạm Văn Tài', { employerEnterpriseId: ent.data.id, ethnicityCode: '05', religionCode: 'BUDDHISM' }),
      person('Đỗ Văn Lực', { employerEnterpriseId: ent.data.id }),
      person('Hồ Văn Sáu', { informalTradeCode: 'RUBBER_TAPPER' }),
    ];
    const admitted = await admitOk(officer, t.cdcsA, people);
    expect(admitted).toHaveLength(5);
    expect(admitted[0]?.cccdMasked).toMatch(/^0790•••••\d{3}$/);
    expect(await countsOf(officer, t.cdcsA)).toMatchObject({
      admitted: 5,
      admittedInformal: 1,
      admittedFemale: 1,
      admittedForeign: 0,
      left: 0,
      net: 5,
      transfersIn: 0,
      transfersOut: 0,
      activeAtEnd: 5,
    });
    // Counted in the period of the decision only.
    expect((await countsOf(officer, t.cdcsA, '2025-01-01', '2025-12-31')).admitted).toBe(0);
    expect((await countsOf(officer, t.cdcsA, '2025-01-01', '2025-12-31')).activeAtEnd).toBe(5);
    // The number in clear is nowhere: neither in the person rows nor in the audit log.
    const stored = JSON.stringify(await env.ctx.db.selectFrom('person').selectAll().execute());
    const audited = JSON.stringify(
      await env.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'member.admit').execute(),
    );
    for (const p of people) {
      expect(stored).not.toContain(p.cccd);
      expect(audited).not.toContain(p.cccd);
    }
    expect(audited).toContain('0790•••••');
    const detail = await officer.get(`/api/members/${admitted[0]?.membershipId}`);
    expect(detail.data).toMatchObject({
      phone: '0912345678',
      status: 'active',
      informal: false,
      decisionNo: '12/QĐ-CĐCS',
    });
    expect(detail.data.events.map((e: { kind: string }) => e.kind)).toEqual(['admitted']);
  });

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

  it('asks to confirm a CCCD that disagrees with the birth year, and writes nothing until confirmed', async () => {
    const { t, officer } = await setup();
    const wrong = person('Trần Văn Nhầm', { cccd: cccd('male', 1988) });
    const people = [person('Người Đúng Một'), wrong];
    const before = await writeCounts(env);
    const r = await admit(officer, t.cdcsA, people);
    expect(r.statusCode).toBe(422);
    expect(r.data.error.code).toBe('MEMBER_WARNINGS_UNCONFIRMED');
    expect(r.data.error.issues).toEqual([
      { path: 'people.1.cccd', message: 'Số CCCD cho năm sinh 1988 nhưng ngày sinh là 12/05/1990' },
    ]);
    expect(r.data.error.message).toContain('people.1.cccd');
    expect(await writeCounts(env)).toEqual(before);
    const ok = await admit(officer, t.cdcsA, [people[0], { ...wrong, confirmWarnings: true }]);
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('names the field of every bad input in Vietnamese and writes nothing', async () => {
    const { t, officer, adminA } = await setup();
    const ent = await adminA.post('/api/enterprises', {
      unitId: t.districtA,
      name: 'Công ty X',
      ownershipCode: 'PRIVATE',
    });
    const before = await writeCounts(env);
    const shape = await admit(officer, t.cdcsA, [
      person('A', { birthDate: '12/05/1990' }),
      person('B', { gender: 'nam' }),
      { ...person('C'), fullName: '' },
      { ...person('D'), cccd: undefined },
      person('E', { nationality: 'Việt Nam' }),
    ]);
    expect(shape.statusCode).toBe(400);
    const shapePaths = shape.data.error.issues.map((i: { path: string }) => i.path);
    expect(shapePaths).toEqual(
      expect.arrayContaining([
        'people.0.birthDate',
        'people.1.gender',
        'people.2.fullName',
        'people.3.cccd',
        'people.4.nationality',
      ]),
    );
    const byPath = (issues: { path: string; message: string }[]) =>
      Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath(shape.data.error.issues)['people.0.birthDate']).toMatch(/^Ngày /);
    expect(byPath(shape.data.error.issues)['people.3.cccd']).toBe('Thiếu trường bắt buộc');

    const dup = person('Trùng Số');
    const r = await admit(officer, t.cdcsA, [
      person('Sai Số', { cccd: '07909012' }),
      person('Sai Điện Thoại', { phone: '0123' }),
      person('Sai Mã', { ethnicityCode: 'XX', religionCode: 'YY', educationCode: 'ZZ' }),
      person('Cả Hai', { informalTradeCode: 'PORTER', employerEnterpriseId: ent.data.id }),
      person('Người Hàn', { nationality: 'KR', cccd: 'M12345678' }),
      person('Quá Trẻ', { birthDate: '2012-01-01' }),
      dup,
      { ...dup, fullName: 'Trùng Số Hai' },
    ]);
    expect(r.statusCode).toBe(400);
    const m = byPath(r.data.error.issues);
    expect(m).toEqual({
      'people.0.cccd': 'Số CCCD phải có 12 chữ số (hoặc 9 chữ số với CMND cũ), số đã nhập có 8 chữ số',
      'people.1.phone': 'Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (máy bàn), số đã nhập có 4 chữ số',
      'people.2.ethnicityCode': 'Dân tộc "XX" không có trong danh mục',
      'people.2.religionCode': 'Tôn giáo "YY" không có trong danh mục',
      'people.2.educationCode': 'Trình độ học vấn "ZZ" không có trong danh mục',
      'people.3.informalTradeCode': 'Chọn doanh nghiệp nơi làm việc hoặc nghề lao động tự do, không chọn cả hai',
      'people.4.nationality': 'Người lao động nước ngoài chỉ được kết nạp từ ngày 01/07/2025 (Luật Công đoàn 2024)',
      'people.5.birthDate': 'Người được kết nạp phải đủ 15 tuổi vào ngày quyết định',
      'people.7.cccd': 'Trùng số giấy tờ với người ở dòng people.6',
    });
    const dates = await admit(officer, t.districtA, [person('Sai Đơn Vị')], {
      applicationDate: '2024-04-01',
      ceremonyDate: '2024-03-01',
    });
    expect(byPath(dates.data.error.issues)).toEqual({
      unitId: '"LĐLĐ huyện An Bình" không phải công đoàn cơ sở; chỉ công đoàn cơ sở mới có đoàn viên',
      applicationDate: 'Ngày nộp đơn không được sau ngày quyết định kết nạp',
      ceremonyDate: 'Ngày tổ chức lễ kết nạp không được trước ngày quyết định',
    });
    expect(await writeCounts(env)).toEqual(before);
  });

  it('admits a foreign worker from 01/07/2025, flagged foreign, identified by passport', async () => {
    const { t, officer } = await setup();
    const [a] = await admitOk(officer, t.cdcsA, [person('Kim Min Jun', { nationality: 'KR', cccd: 'M12345678' })], {
      applicationDate: '2025-07-01',
      decisionDate: '2025-07-10',
      ceremonyDate: null,
    });
    expect(a?.cccdMasked).toBe('M1•••••78');
    const c = await countsOf(officer, t.cdcsA, '2025-01-01', '2025-12-31');
    expect(c).toMatchObject({ admitted: 1, admittedForeign: 1 });
  });

  it('refuses the same CCCD in a second unit, naming the unit only inside the caller’s scope', async () => {
    const { t, officer } = await setup();
    const p = person('Võ Văn Chuyển');
    await admitOk(officer, t.cdcsA, [p]);
    // A province-level administrator sees both units: the message names the unit and suggests a transfer.
    const provinceAdmin = await makeUser(env, 'federation_admin', t.province);
    const officerB = await makeUser(env, 'officer', t.districtB);
    const before = await writeCounts(env);
    const seen = await admit(provinceAdmin, t.cdcsB, [person('Người Khác'), { ...p, fullName: 'Võ Văn Chuyển' }]);
    expect(seen.statusCode).toBe(409);
    expect(seen.data.error.code).toBe('MEMBER_ACTIVE_ELSEWHERE');
    expect(seen.data.error.message).toContain('people.1');
    expect(seen.data.error.message).toContain('CĐCS Công ty TNHH An Phát');
    expect(seen.data.error.message).toContain('chuyển sinh hoạt');
    expect(seen.data.error.issues[0].path).toBe('people.1.cccd');
    // District B's officer is told the fact, not where.
    const blind = await admit(officerB, t.cdcsB, [p]);
    expect(blind.statusCode).toBe(409);
    expect(blind.data.error.message).not.toContain('An Phát');
    expect(blind.data.error.message).toContain('ngoài phạm vi');
    // The same, typed with spaces and as an Excel number without its leading zero.
    const spaced = await admit(officer, t.cdcsA, [
      { ...p, cccd: ` ${p.cccd.slice(1, 4)} ${p.cccd.slice(4)}`, confirmWarnings: true },
    ]);
    expect(spaced.statusCode).toBe(409);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('transfers without counting an admission, counts leaving, and re-admits the same person later', async () => {
    const { t, officer } = await setup();
    const cdcsA2 = await makeUnit(env, { name: 'CĐCS Công ty Gỗ An Lộc', typeCode: 'CDCS', parentId: t.districtA });
    const p = person('Bùi Văn Đi');
    const [m] = await admitOk(officer, t.cdcsA, [p, person('Bùi Văn Ở')]);
    const card = await officer.post(`/api/members/${m?.membershipId}/card`, {
      cardNo: 'TDV-0001',
      issuedOn: '2024-04-01',
    });
    expect(card.statusCode, card.body).toBe(200);
    const tr = await officer.post(`/api/members/${m?.membershipId}/transfer`, {
      toUnitId: cdcsA2,
      date: '2024-06-01',
      decisionNo: '3/QĐ',
    });
    expect(tr.statusCode, tr.body).toBe(200);
    expect(tr.data).toMatchObject({
      unitId: cdcsA2,
      status: 'active',
      admittedOn: '2024-03-15',
      startedOn: '2024-06-01',
      cardNo: 'TDV-0001',
      transferredFromId: m?.membershipId,
    });
    expect(tr.data.events[0]).toMatchObject({ kind: 'transferred_in', relatedUnitId: t.cdcsA });
    const old = await officer.get(`/api/members/${m?.membershipId}`);
    expect(old.data).toMatchObject({ status: 'transferred', endedOn: '2024-06-01' });
    expect(await countsOf(officer, t.cdcsA)).toMatchObject({ admitted: 2, transfersOut: 1, activeAtEnd: 1 });
    expect(await countsOf(officer, cdcsA2)).toMatchObject({ admitted: 0, transfersIn: 1, activeAtEnd: 1 });
    // Inside district A the move is neither in nor out.
    expect(await countsOf(officer, t.districtA)).toMatchObject({
      admitted: 2,
      transfersIn: 0,
      transfersOut: 0,
      activeAtEnd: 2,
    });
    // Once transferred, the old membership takes no more events.
    expect(
      (await officer.post(`/api/members/${m?.membershipId}/leave`, { date: '2024-07-01', reason: 'x', kind: 'left' }))
        .statusCode,
    ).toBe(422);

    const left = await officer.post(`/api/members/${tr.data.id}/leave`, {
      date: '2024-09-30',
      reason: 'Nghỉ việc',
      kind: 'left',
    });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.data).toMatchObject({ status: 'left', endedOn: '2024-09-30' });
    const early = await officer.post(`/api/members/${tr.data.id}/leave`, {
      date: '2024-01-01',
      reason: 'x',
      kind: 'left',
    });
    expect(early.statusCode).toBe(422);
    expect(await countsOf(officer, t.districtA)).toMatchObject({ admitted: 2, left: 1, net: 1, activeAtEnd: 1 });
    expect((await countsOf(officer, t.districtA, '2024-01-01', '2024-09-29')).activeAtEnd).toBe(2);

    // Back a year later: the same person row, a new admission.
    const [again] = await admitOk(officer, t.cdcsA, [p], {
      applicationDate: '2025-02-01',
      decisionDate: '2025-02-10',
      decisionNo: '2/QĐ',
      ceremonyDate: null,
    });
    expect(again).toMatchObject({ personId: m?.personId, readmitted: true });
    expect((await countsOf(officer, t.districtA, '2025-01-01', '2025-12-31')).admitted).toBe(1);

    const hon = await officer.post(`/api/members/${again?.membershipId}/honorary`, {
      date: '2025-03-01',
      note: 'Được bổ nhiệm Giám đốc',
    });
    expect(hon.data).toMatchObject({ status: 'honorary', endedOn: '2025-03-01' });
    expect((await countsOf(officer, t.districtA, '2025-01-01', '2025-12-31')).left).toBe(0);
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

  it('counts equal a recomputation from the raw records', async () => {
    const { t, officer, adminA } = await setup();
    const cdcsA2 = await makeUnit(env, { name: 'CĐCS Hợp tác xã An Lạc', typeCode: 'CDCS', parentId: t.districtA });
    const provinceAdmin = await makeUser(env, 'federation_admin', t.province);
    const dates = ['2024-02-10', '2024-05-20', '2024-08-30', '2024-11-15'];
    const ids: number[] = [];
    for (const [i, d] of dates.entries()) {
      const people = Array.from({ length: 3 + i }, (_, k) =>
        person(`Người Thứ ${i}${k}`, {
          gender: k % 2 ? 'female' : 'male',
          ...(k === 0 ? { informalTradeCode: 'SMALL_TRADER' } : {}),
        }),
      );
      const admitted = await admitOk(i % 2 ? adminA : officer, i === 3 ? cdcsA2 : t.cdcsA, people, {
        applicationDate: d,
        decisionDate: d,
        ceremonyDate: null,
      });
      ids.push(...admitted.map((a) => a.membershipId));
    }
    const [x0, x1, x2, x3, x4] = ids;
    await officer.post(`/api/members/${x0}/transfer`, { toUnitId: cdcsA2, date: '2024-06-01' });
    await provinceAdmin.post(`/api/members/${x1}/transfer`, { toUnitId: t.cdcsB, date: '2024-07-01' });
    await officer.post(`/api/members/${x2}/leave`, { date: '2024-09-01', reason: 'Nghỉ việc', kind: 'left' });
    await officer.post(`/api/members/${x3}/leave`, { date: '2024-12-01', reason: 'Vi phạm', kind: 'expelled' });
    await adminA.post(`/api/members/${x4}/party-introductions`, {
      introducedOn: '2024-09-09',
      partyOrganisation: 'Chi bộ',
    });

    const db = env.ctx.db;
    const units = [t.cdcsA, cdcsA2];
    const rows = await db
      .selectFrom('membership as m')
      .innerJoin('person as p', 'p.id', 'm.person_id')
      .select([
        'm.id',
        'm.unit_id',
        'm.status',
        'm.informal',
        'm.foreign',
        'm.admitted_on',
        'm.started_on',
        'm.ended_on',
        'm.transferred_from_id',
        'p.gender',
      ])
      .execute();
    const party = await db.selectFrom('party_introduction').selectAll().execute();
    for (const [from, to] of [
      ['2024-01-01', '2024-12-31'],
      ['2024-03-01', '2024-06-30'],
      ['2024-06-01', '2024-09-01'],
    ] as const) {
      const inP = (d: string | null) => d !== null && d >= from && d <= to;
      const mine = rows.filter((r) => units.includes(r.unit_id));
      const adm = mine.filter((r) => r.transferred_from_id === null && inP(r.admitted_on));
      const byId = new Map(rows.map((r) => [r.id, r]));
      const left = mine.filter((r) => (r.status === 'left' || r.status === 'expelled') && inP(r.ended_on)).length;
      const expected = {
        admitted: adm.length,
        admittedInformal: adm.filter((r) => r.informal === 1).length,
        admittedFemale: adm.filter((r) => r.gender === 'female').length,
        admittedForeign: adm.filter((r) => r.foreign === 1).length,
        left,
        net: adm.length - left,
        transfersIn: mine.filter(
          (r) =>
            r.transferred_from_id !== null &&
            inP(r.started_on) &&
            !units.includes(byId.get(r.transferred_from_id)?.unit_id ?? -1),
        ).length,
        transfersOut: mine.filter(
          (r) =>
            r.status === 'transferred' &&
            inP(r.ended_on) &&
            !rows.some((n) => n.transferred_from_id === r.id && units.includes(n.unit_id)),
        ).length,
        partyIntroduced: party.filter((p) => units.includes(p.unit_id) && inP(p.introduced_on)).length,
        activeAtEnd: mine.filter((r) => r.started_on <= to && (r.ended_on === null || r.ended_on > to)).length,
      };
      const got = await countsOf(officer, t.districtA, from, to);
      expect({ ...got, period: undefined }).toEqual({ ...expected, period: undefined });
    }
    // And the figures are not trivially zero.
    expect(await countsOf(officer, t.districtA)).toMatchObject({
      admitted: 18,
      left: 2,
      transfersOut: 1,
      transfersIn: 0,
      partyIntroduced: 1,
      activeAtEnd: 15,
    });
    expect(await countsOf(provinceAdmin, t.cdcsB)).toMatchObject({ admitted: 0, transfersIn: 1, activeAtEnd: 1 });
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
