import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRICS, type MetricCode, type MetricFilters } from '../../../shared/metrics/catalogue.js';
import { todayIn } from '../../platform/dates.js';
import { uploadFile, writeXlsx } from '../../test/files.js';
import { createTestEnv, makeTree, makeUnit, type TestEnv } from '../../test/harness.js';
import { cccd, person } from '../../test/people.js';
import { tokenOf } from '../applications/applications.fixture.js';
import { figures, scratch } from './metrics.figures.js';
import type { FigureRequest } from './metrics.types.js';

/**
 * The summaries equal the from-scratch figures: seeded random rounds of the writes that change figures
 * (admissions, transfers, leaving, cards, Party, applications, imports and their undo, anonymisation,
 * backdated records, enterprises and outreach, unions founded, tree moves and a merge), each through
 * the API; after every step every metric with every filter it accepts is compared, for every unit of
 * the test tree and several periods and as-of dates.
 */
let env: TestEnv;
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-metrics-prop-'));
  env = await createTestEnv({ dataDir: dir } as never);
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** mulberry32: a small seeded generator, so a failure replays with the same seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = Number(process.env.METRICS_SEED ?? 20241030);
// PostgreSQL answers each of the thousands of comparisons slower: fewer steps there, the same kinds of step.
const stepsFor = (kind: string) => Number(process.env.METRICS_STEPS ?? (kind === 'postgres' ? 20 : 36));

function variants(code: MetricCode): MetricFilters[] {
  const m = METRICS.find((x) => x.code === code);
  const out: MetricFilters[] = [{}];
  for (const f of m?.filters ?? []) {
    if (f === 'minWorkers') out.push({ minWorkers: 25 }, { minWorkers: 30, nonState: true }, { minWorkers: 40 });
    else out.push({ [f]: true }, { [f]: false });
  }
  return out;
}

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe('metrics: the summaries equal the figures from scratch', () => {
  it(`after seeded random steps (seed ${SEED}), for every unit, period, as-of date, metric and filter`, async () => {
    const STEPS = stepsFor(env.ctx.dbKind);
    const rand = rng(SEED);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
    const day2024 = () => addDays('2024-01-02', Math.floor(rand() * 300));
    const today = todayIn(env.ctx.config.timeZone);
    const a = env.admin;
    const t = await makeTree(env);
    const districtC = await makeUnit(env, { name: 'LĐLĐ huyện Cẩm Mỹ', typeCode: 'LDLD_HUYEN', parentId: t.province });
    const cdcs = [t.cdcsA, t.cdcsB];
    cdcs.push(await makeUnit(env, { name: 'CĐCS Công ty May Cẩm', typeCode: 'CDCS', parentId: districtC }));
    const districts = [t.districtA, t.districtB, districtC];
    const units = () => [t.province, ...districts, ...cdcs];
    const active: { id: number; started: string; unit: number }[] = [];
    const imports: number[] = [];
    const enterprises: number[] = [];
    let reachedFrame = false;
    const merged = new Set<number>();
    let treeDay = '2024-02-01';
    const seen = new Map<string, number>();
    const counts: Record<string, number> = {};

    /** Every window at the end; two of them (chosen by the seed) after each step, to keep the run short. */
    async function check(step: string, all = false) {
      const reqs: FigureRequest[] = [];
      const windows = [
        { from: '2024-01-01', to: '2024-12-31', asOf: '2024-12-31' },
        { from: '2024-04-15', to: '2024-10-30', asOf: day2024() },
        { from: '2024-06-01', to: '2024-06-30', asOf: '2025-01-01' },
        { from: `${today.slice(0, 4)}-01-01`, to: `${today.slice(0, 4)}-12-31`, asOf: today },
      ];
      const chosen = all ? windows : env.ctx.dbKind === 'postgres' ? [pick(windows)] : [pick(windows), pick(windows)];
      for (const unitId of units())
        for (const w of chosen)
          for (const m of METRICS)
            for (const filters of variants(m.code)) reqs.push({ unitId, metric: m.code, filters, ...w });
      const got = await figures(env.ctx.db, reqs);
      for (const [i, r] of reqs.entries()) {
        const want = await scratch(env.ctx.db, r);
        expect(got[i], `${step}: ${JSON.stringify(r)}`).toEqual(want);
        if (want.value !== 0) seen.set(r.metric, (seen.get(r.metric) ?? 0) + 1);
      }
    }

    const live = () => cdcs.filter((u) => !merged.has(u));
    async function admit(unitId: number, date: string, n: number) {
      const people = Array.from({ length: n }, (_, i) => {
        const female = rand() < 0.5;
        return person(`Người Thử ${i}`, {
          gender: female ? 'female' : 'male',
          ...(rand() < 0.3 ? { informalTradeCode: 'RIDER' } : {}),
          ...(rand() < 0.15 ? { nationality: 'LA', cccd: `P${Math.floor(rand() * 1e8)}` } : {}),
        });
      });
      const r = await a.post('/api/members/admissions', {
        unitId,
        applicationDate: addDays(date, -5),
        decisionNo: `${Math.floor(rand() * 1e6)}/QĐ`,
        decisionDate: date,
        people,
      });
      if (r.statusCode !== 201) return false;
      for (const m of r.data.admitted) active.push({ id: m.membershipId, started: date, unit: unitId });
      return true;
    }

    const ops: Record<string, () => Promise<boolean>> = {
      admit: () => admit(pick(live()), day2024(), 1 + Math.floor(rand() * 3)),
      transfer: async () => {
        const m = pick(active);
        const to = pick(live().filter((u) => u !== m?.unit));
        if (!m || !to) return false;
        const date = addDays(m.started, 1 + Math.floor(rand() * 60));
        const r = await a.post(`/api/members/${m.id}/transfer`, { toUnitId: to, date, decisionNo: '1/QĐ' });
        if (r.statusCode !== 200) return false;
        active.splice(active.indexOf(m), 1, { id: r.data.id, started: date, unit: to });
        return true;
      },
      leave: async () => {
        const m = pick(active);
        // Nobody active yet (the seed's order): admit some, so the retry has someone.
        if (!m) return admit(pick(live()), day2024(), 2).then(() => false);
        const r = await a.post(`/api/members/${m.id}/leave`, {
          date: addDays(m.started, 1 + Math.floor(rand() * 90)),
          reason: 'Nghỉ việc',
          kind: rand() < 0.8 ? 'left' : 'expelled',
        });
        if (r.statusCode === 200) active.splice(active.indexOf(m), 1);
        return r.statusCode === 200;
      },
      card: async () => {
        const m = pick(active);
        // Nobody active yet (the seed's order): admit some, so the retry has someone.
        if (!m) return admit(pick(live()), day2024(), 2).then(() => false);
        const r = await a.post(`/api/members/${m.id}/card`, {
          cardNo: `TDV-${Math.floor(rand() * 1e7)}`,
          issuedOn: addDays(m.started, Math.floor(rand() * 30)),
        });
        return r.statusCode === 200;
      },
      party: async () => {
        const m = pick(active);
        // Nobody active yet (the seed's order): admit some, so the retry has someone.
        if (!m) return admit(pick(live()), day2024(), 2).then(() => false);
        const on = addDays(m.started, Math.floor(rand() * 30));
        const r = await a.post(`/api/members/${m.id}/party-introductions`, {
          introducedOn: on,
          partyOrganisation: 'Chi bộ Công ty',
        });
        if (r.statusCode !== 201) return false;
        if (rand() < 0.6)
          await a.patch(`/api/party-introductions/${r.data.id}`, { status: 'admitted', statusDate: addDays(on, 20) });
        return true;
      },
      application: async () => {
        const unitId = pick(live());
        const link = await a.post(`/api/applications/links/${unitId}`);
        const token = tokenOf(link.data.link?.url ?? '');
        const female = rand() < 0.5;
        const r = await env.app.inject({
          method: 'POST',
          url: `/api/public/apply/${token}`,
          remoteAddress: `10.9.${Math.floor(rand() * 250)}.${Math.floor(rand() * 250)}`,
          payload: {
            fullName: 'Nguyễn Thị Lan',
            birthDate: '1996-04-12',
            gender: female ? 'female' : 'male',
            cccd: cccd(female ? 'female' : 'male', 1996),
            phone: '0912 345 678',
            workplace: 'Công ty TNHH May',
            consent: true,
            website: '',
          },
        });
        if (r.statusCode !== 201) return false;
        const app = await env.ctx.db
          .selectFrom('application')
          .select('id')
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        const roll = rand();
        if (roll < 0.3) await a.post(`/api/applications/${app.id}/reject`, { reason: 'Không đủ điều kiện' });
        else if (roll < 0.6)
          await a.post(`/api/applications/${app.id}/approve`, { decisionNo: '9/QĐ', decisionDate: today });
        return true;
      },
      importMembers: async () => {
        const unitId = pick(live());
        const rows: unknown[][] = [
          ['STT', 'Họ và tên', 'Ngày sinh', '', 'Số CCCD', 'Dân tộc', 'Số điện thoại', 'Ngày vào công đoàn', 'Ghi chú'],
          ['', '', 'Nam', 'Nữ', '', '', '', '', ''],
        ];
        for (let i = 0; i < 3; i++) {
          const female = rand() < 0.5;
          const admitted = day2024();
          const [y, mo, d] = admitted.split('-');
          rows.push([
            i + 1,
            `Người Nhập ${i}`,
            female ? '' : '12/05/1990',
            female ? '12/05/1990' : '',
            cccd(female ? 'female' : 'male', 1990),
            'Kinh',
            '',
            `${d}/${mo}/${y}`,
            rand() < 0.4 ? 'LĐ tự do' : '',
          ]);
        }
        const file = await writeXlsx(dir, `ds-${Math.floor(rand() * 1e9)}.xlsx`, rows, [
          'A1:A2',
          'B1:B2',
          'C1:D1',
          'E1:E2',
          'F1:F2',
          'G1:G2',
          'H1:H2',
          'I1:I2',
        ]);
        const up = await uploadFile(env, a, '/api/imports/members', file, {
          unitId: String(unitId),
          source: 'Danh sách',
        });
        if (up.statusCode !== 200) return false;
        const c = await a.post(`/api/imports/${up.data.batchId}/commit`, { mode: 'valid' });
        if (c.statusCode !== 200) return false;
        imports.push(up.data.batchId);
        return true;
      },
      undoImport: async () => {
        const id = imports.pop();
        if (!id) return false;
        return (await a.post(`/api/imports/${id}/undo`)).statusCode === 200;
      },
      anonymise: async () => {
        const m = pick(active);
        // Nobody active yet (the seed's order): admit some, so the retry has someone.
        if (!m) return admit(pick(live()), day2024(), 2).then(() => false);
        const r = await a.post(`/api/members/${m.id}/anonymise`, { reason: 'Yêu cầu xoá dữ liệu' });
        return r.statusCode === 200;
      },
      enterprise: async () => {
        const unitId = pick(districts);
        const linked = rand() < 0.6 ? pick(live()) : null;
        const r = await a.post('/api/enterprises', {
          unitId,
          name: `Công ty Thử ${Math.floor(rand() * 1e6)}`,
          // The first one is non-state, so that the first outreach below reaches the frame (coverage > 0).
          ownershipCode: rand() < 0.8 || enterprises.length === 0 ? 'PRIVATE' : 'STATE',
          grassrootsUnitId: linked,
          survey: { surveyDate: day2024(), workerCount: 5 + Math.floor(rand() * 60) },
        });
        if (r.statusCode !== 201) return false;
        enterprises.push(r.data.id);
        if (rand() < 0.5)
          await a.post(`/api/enterprises/${r.data.id}/surveys`, {
            surveyDate: day2024(),
            workerCount: 5 + Math.floor(rand() * 60),
          });
        return true;
      },
      outreach: async () => {
        const ids = enterprises.filter(() => rand() < 0.5);
        // Every seed reaches the frame once: the first outreach also reaches the first (non-state) enterprise.
        if (!reachedFrame && enterprises[0] !== undefined && !ids.includes(enterprises[0])) ids.push(enterprises[0]);
        const r = await a.post('/api/outreach', {
          unitId: pick(units()),
          eventDate: day2024(),
          formCode: 'WORKPLACE_MEETING',
          topics: ['UNION_MEMBERSHIP'],
          enterpriseIds: ids,
          workersReached: 10 + Math.floor(rand() * 90),
        });
        if (r.statusCode === 201 && ids.includes(enterprises[0] ?? -1)) reachedFrame = true;
        return r.statusCode === 201;
      },
      found: async () => {
        const date = day2024();
        const id = await makeUnit(env, {
          name: `CĐCS Mới ${Math.floor(rand() * 1e6)}`,
          typeCode: 'CDCS',
          parentId: pick(districts),
          from: date,
        });
        const fd = addDays(date, -Math.floor(rand() * 10));
        await a.patch(`/api/org/units/${id}`, { foundingDecisionNo: '5/QĐ', foundingDecisionDate: fd });
        cdcs.push(id);
        if (enterprises.length > 0 && rand() < 0.7)
          await a.patch(`/api/enterprises/${pick(enterprises)}`, { grassrootsUnitId: id });
        await admit(id, addDays(date, 3), 2);
        return true;
      },
      move: async () => {
        const u = pick(live());
        const v = await env.ctx.db
          .selectFrom('org_unit_version')
          .select('parent_id')
          .where('unit_id', '=', u)
          .where('valid_to', 'is', null)
          .executeTakeFirst();
        const to = pick(districts.filter((d) => d !== v?.parent_id));
        treeDay = addDays(treeDay, 10 + Math.floor(rand() * 25));
        const r = await a.post(`/api/org/units/${u}/move`, { newParentId: to, effectiveDate: treeDay });
        return r.statusCode === 200;
      },
      merge: async () => {
        if (merged.size > 0 || live().length < 3) return false;
        // Between the units of 2015 and 2020: a merge dated before a unit began is refused, rightly.
        const old = live().slice(0, 3);
        const [from, into] = [pick(old), pick(old)];
        if (from === into) return false;
        treeDay = addDays(treeDay, 10 + Math.floor(rand() * 25));
        const r = await a.post(`/api/org/units/${from}/merge`, { targetId: into, effectiveDate: treeDay });
        if (r.statusCode !== 200) return false;
        merged.add(from);
        return true;
      },
    };
    const weights: [string, number][] = [
      ['admit', 5],
      ['transfer', 3],
      ['leave', 2],
      ['card', 2],
      ['party', 2],
      ['application', 2],
      ['importMembers', 2],
      ['undoImport', 1],
      ['anonymise', 1],
      ['enterprise', 2],
      ['outreach', 2],
      ['found', 2],
      ['move', 2],
      ['merge', 1],
    ];
    const total = weights.reduce((s, [, w]) => s + w, 0);
    // Every kind of step at least once, then the seeded mix.
    const plan = [...weights.map(([k]) => k)];
    while (plan.length < STEPS) {
      let x = rand() * total;
      for (const [k, w] of weights) {
        x -= w;
        if (x < 0) {
          plan.push(k);
          break;
        }
      }
    }
    for (const [i, op] of plan.entries()) {
      // The first pass (each kind once) retries a step the random pick made impossible (no member to card yet).
      let did = false;
      for (let k = 0; k < (i < weights.length ? 4 : 1) && !did; k++) did = await (ops[op] as () => Promise<boolean>)();
      counts[op] = (counts[op] ?? 0) + (did ? 1 : 0);
      if (did) await check(`step ${i} ${op}`);
    }
    await check('end', true);
    // The random run exercised the writes it claims to, and every metric was non-zero somewhere.
    for (const op of [
      'admit',
      'transfer',
      'leave',
      'card',
      'party',
      'application',
      'importMembers',
      'undoImport',
      'anonymise',
      'move',
      'merge',
    ])
      expect(counts[op], `${op} ran`).toBeGreaterThan(0);
    for (const m of METRICS) expect(seen.get(m.code) ?? 0, `${m.code} non-zero somewhere`).toBeGreaterThan(0);
  }, 1_800_000);
});
