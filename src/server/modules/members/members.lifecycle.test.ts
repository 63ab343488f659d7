import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeUnit, makeUser, type TestEnv } from '../../test/harness.js';
import { admitOk, countsOf, membersSetup } from '../../test/members.js';
import { person } from '../../test/people.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const setup = () => membersSetup(env);

/** What happens to a membership after the admission, and the movement figures computed from it. */
describe('members: lifecycle and counts', () => {
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
});
