import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TTargetProgress } from '../../../shared/plans/contract.js';
import { createTestEnv, makeTree, type TestEnv } from '../../test/harness.js';
import { admitOk } from '../../test/members.js';
import { person } from '../../test/people.js';
import { planBody } from './plans.fixture.js';

/**
 * Clicking a figure of a Plan 8 lists exactly the records it counts: admissions (not memberships that
 * came by transfer) by the subtree as it was on the day, Party introductions, members who left.
 */
let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const people = (n: number, p: string) =>
  Array.from({ length: n }, (_, i) => person(`${p} Thị ${String.fromCharCode(65 + i)}`));
const on = (decisionDate: string) => ({ decisionDate, applicationDate: decisionDate, ceremonyDate: null });
const LISTS: Record<string, string> = { members: '/api/members', enterprises: '/api/enterprises' };
type Row = Pick<TTargetProgress, 'code' | 'metric' | 'actual' | 'numerator' | 'drill'>;

async function listTotal(drill: Row['drill']): Promise<number> {
  const url = LISTS[drill.page];
  if (!url) throw new Error(`no list for ${drill.page}`);
  const qs = new URLSearchParams({ ...drill.query, limit: '1' });
  const r = await env.admin.get(`${url}?${qs}` as '/api/members');
  expect(r.statusCode, r.body).toBe(200);
  return (r.data as { total: number }).total;
}

describe('drill-down of a plan: the list total equals the figure', () => {
  it('for each target of Plan 8, for the unit and each child, through a transfer, a move and a leave', async () => {
    const t = await makeTree(env);
    const admin = env.admin;
    const mk = async (unitId: number) => {
      const r = await admin.post('/api/plans', {
        ...planBody(unitId),
        targets: [
          ...planBody(unitId).targets,
          { code: 'T5', metric: 'members.left', goal: 1 },
          { code: 'T6', metric: 'party.admitted', goal: 1 },
          { code: 'T1', metric: 'outreach.coverage', goal: 100 },
        ],
      });
      if (r.statusCode !== 201) throw new Error(r.body);
      await admin.post(`/api/plans/${r.data.id}/issue`);
      return r.data.id as number;
    };
    const planA = await mk(t.districtA);
    const planB = await mk(t.districtB);
    const a = await admitOk(admin, t.cdcsA, people(3, 'Lê'), on('2024-05-10'));
    const b = await admitOk(admin, t.cdcsB, people(2, 'Hà'), on('2024-05-12'));
    // A member of B moves to A: a new membership of A that is no admission.
    const moved = await admin.post(`/api/members/${b[0]?.membershipId}/transfer`, {
      toUnitId: t.cdcsA,
      date: '2024-06-01',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const intro = await admin.post(`/api/members/${a[0]?.membershipId}/party-introductions`, {
      introducedOn: '2024-06-15',
      partyOrganisation: 'Chi bộ Công ty',
    });
    expect(intro.statusCode, intro.body).toBe(201);
    const admitted = await admin.patch(`/api/party-introductions/${intro.data.id}`, {
      status: 'admitted',
      statusDate: '2024-09-01',
    });
    const left = await admin.post(`/api/members/${a[1]?.membershipId}/leave`, {
      date: '2024-06-20',
      reason: 'Nghỉ việc',
      kind: 'left',
    });
    expect(left.statusCode, left.body).toBe(200);
    const expelled = await admin.post(`/api/members/${a[2]?.membershipId}/leave`, {
      date: '2024-06-21',
      reason: 'Vi phạm điều lệ',
      kind: 'expelled',
    });
    expect(expelled.statusCode, expelled.body).toBe(200);
    const move = await admin.post(`/api/org/units/${t.cdcsA}/move`, {
      effectiveDate: '2024-07-01',
      newParentId: t.districtB,
    });
    expect(move.statusCode, move.body).toBe(200);
    await admitOk(admin, t.cdcsA, people(2, 'Vũ'), on('2024-08-10'));

    // Two enterprises of A's frame: one reached in the period, the other only before it.
    const ent = async (name: string) => {
      const r = await admin.post('/api/enterprises', {
        unitId: t.districtA,
        mst: null,
        name,
        shortName: null,
        address: null,
        adminAreaCode: null,
        adminAreaName: null,
        ownershipCode: 'PRIVATE',
        industry: null,
        officerUserId: null,
        grassrootsUnitId: null,
        duplicateReason: null,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.data.id as number;
    };
    const reachedIn = await ent('Công ty TNHH Gạch men Phú Trung');
    const reachedBefore = await ent('Hợp tác xã Dịch vụ Bù Nho');
    for (const [eventDate, id] of [
      ['2024-05-14', reachedIn],
      ['2023-11-02', reachedBefore],
    ] as const) {
      const r = await admin.post('/api/outreach', {
        unitId: t.districtA,
        eventDate,
        formCode: 'LEAFLETS',
        topics: ['LABOUR_CODE'],
        title: 'Tuyên truyền Luật Công đoàn',
        enterpriseIds: [id],
        workersReached: 40,
        employerRepsReached: 1,
        officersPresent: null,
        cost: null,
        notes: null,
      });
      expect(r.statusCode, r.body).toBe(201);
    }

    const figures: Record<string, number> = {};
    for (const planId of [planA, planB]) {
      const progress = await admin.get(`/api/plans/${planId}/progress?asOf=2024-10-30`);
      expect(progress.statusCode, progress.body).toBe(200);
      const rows: (Row & { children?: TTargetProgress['children'] })[] = progress.data.targets.flatMap(
        (x: TTargetProgress) => [x, ...x.subTargets],
      );
      for (const row of rows) {
        // A ratio's list holds the records of its numerator (the enterprises reached).
        const of = (x: { actual: number; numerator: number | null }) =>
          row.metric === 'outreach.coverage' ? (x.numerator ?? 0) : x.actual;
        figures[`${planId === planA ? 'A' : 'B'} ${row.code}`] = of(row);
        expect(await listTotal(row.drill), `${row.code} ${row.metric}`).toBe(of(row));
        for (const c of row.children ?? [])
          expect(await listTotal(c.drill), `${row.code} ${row.metric} unit ${c.unitId}`).toBe(of(c));
      }
    }
    // The figures the lists matched (not all zero): A admitted 3 before the move, B 2 + 2 after it.
    expect(figures).toMatchObject({ 'A T3': 3, 'B T3': 4, 'A T4': 1, 'A T5': 2, 'B T5': 0, 'A T1': 1, 'B T1': 0 });
    if (admitted.statusCode === 200) expect(figures['A T6']).toBe(0);
  });
});
