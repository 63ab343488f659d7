import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planBody } from '../modules/plans/plans.fixture.js';
import { planScopeCases } from '../modules/plans/plans.scope-cases.js';
import { reviewScopeCases } from '../modules/reviews/reviews.scope-cases.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv, uniq, writeCounts } from '../test/harness.js';

/**
 * For every API route, a user of subtree A gets nothing of sibling subtree B: a 404 for B's records,
 * lists without them, and no way to create or move anything into B. The route list comes from the app
 * itself, so a new route without a case here fails this test: scope is proven by construction.
 * Longer than 400 lines on purpose: one case per route, in one table the completeness check can see.
 */
let env: TestEnv;
let fx: {
  a: Client & { password: string };
  tree: Awaited<ReturnType<typeof makeTree>>;
  bUserId: number;
  bRoleId: number;
  aUserId: number;
  bEnterprise: number;
  aEnterprise: number;
  bEvent: number;
  bBatch: number;
  bMember: number;
  aMember: number;
  bCccd: string;
  bParty: number;
};

beforeAll(async () => {
  env = await createTestEnv();
  const tree = await makeTree(env);
  const a = await makeUser(env, 'federation_admin', tree.districtA);
  const b = await makeUser(env, 'federation_admin', tree.districtB);
  // Some activity in B, so B has audit entries and events to leak if scoping failed.
  await env.admin.post(`/api/org/units/${tree.cdcsB}/rename`, {
    effectiveDate: '2024-01-01',
    name: 'CĐCS Bình Minh (đổi tên)',
  });
  const bUser = await b.get('/api/auth/me');
  const aUser = await a.get('/api/auth/me');
  const bRole = await env.ctx.db
    .selectFrom('user_role')
    .select('id')
    .where('user_id', '=', bUser.data.user.id)
    .executeTakeFirstOrThrow();
  const ent = async (c: Client, unitId: number, name: string) =>
    (
      await c.post('/api/enterprises', {
        unitId,
        name,
        ownershipCode: 'PRIVATE',
        survey: { surveyDate: '2024-05-01', workerCount: 40 },
      })
    ).data.id as number;
  const bEnterprise = await ent(b, tree.districtB, 'Công ty Bình Minh Bí Mật');
  const aEnterprise = await ent(a, tree.districtA, 'Công ty An Phát Công Khai');
  const bEvent = (
    await b.post('/api/outreach', {
      unitId: tree.districtB,
      eventDate: '2024-06-01',
      formCode: 'LEAFLETS',
      topics: ['LABOUR_CODE'],
      enterpriseIds: [bEnterprise],
      workersReached: 12,
    })
  ).data.id as number;
  // An import batch of B's (a committed CLI-style import through the service).
  const { importFile } = await import('../modules/imports/imports.service.js');
  const { loadActorForUser } = await import('./session.js');
  const bActor = await loadActorForUser(env.ctx.db, bUser.data.user.id, null);
  const file = path.join(os.tmpdir(), `scope-${process.pid}-${Date.now()}.csv`);
  fs.writeFileSync(file, 'Tên doanh nghiệp,Loại hình,Số lao động\nCông ty Bình Minh Nhập,TNHH,30\n');
  if (!bActor) throw new Error('no actor');
  const imported = await importFile(env.ctx, bActor, 'enterprises', {
    file,
    fileName: 'b.csv',
    unitId: tree.districtB,
    onDuplicate: 'update',
    mode: 'all',
    dryRun: false,
  });
  fs.rmSync(file, { force: true });
  // A member in each district, and a Party introduction in B.
  const admitOne = async (c: Client, unitId: number, fullName: string, cccd: string) => {
    const r = await c.post('/api/members/admissions', {
      unitId,
      applicationDate: '2024-03-01',
      decisionNo: '1/QĐ',
      decisionDate: '2024-03-10',
      people: [{ fullName, birthDate: '1990-01-01', gender: 'male', cccd, phone: '0912000222' }],
    });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.data.admitted[0]?.membershipId as number;
  };
  const bCccd = '079090123456';
  const bMember = await admitOne(b, tree.cdcsB, 'Bình Minh Bí Mật', bCccd);
  const aMember = await admitOne(a, tree.cdcsA, 'An Phát Công Khai', '079090654321');
  const bParty = (
    await b.post(`/api/members/${bMember}/party-introductions`, {
      introducedOn: '2024-09-01',
      partyOrganisation: 'Chi bộ Bình Minh',
    })
  ).data.id as number;
  fx = {
    bMember,
    aMember,
    bCccd,
    bParty,
    bBatch: imported.batchId ?? 0,
    a,
    tree,
    bUserId: bUser.data.user.id,
    bRoleId: bRole.id,
    aUserId: aUser.data.user.id,
    bEnterprise,
    aEnterprise,
    bEvent,
  };
});
afterAll(async () => {
  await env?.close();
});

const bIds = () => [fx.tree.districtB, fx.tree.cdcsB];
const is404 = (r: { statusCode: number }) => expect(r.statusCode).toBe(404);

/** Runs a state-changing call and checks it wrote nothing. */
async function refused(call: () => Promise<{ statusCode: number; data: unknown }>, status = 404) {
  const before = await writeCounts(env);
  const r = await call();
  expect(r.statusCode, JSON.stringify(r.data)).toBe(status);
  expect(await writeCounts(env)).toEqual(before);
}

/** A pending self-application at B's grassroots union, made once through B's public link. */
let bApplicationId: number | null = null;
async function bApplication(): Promise<number> {
  if (bApplicationId !== null) return bApplicationId;
  const link = await env.admin.post(`/api/applications/links/${fx.tree.cdcsB}`);
  const token = String(link.data.link?.url).split('/apply/')[1];
  const r = await env.app.inject({
    method: 'POST',
    url: `/api/public/apply/${token}`,
    remoteAddress: '198.51.100.77',
    payload: {
      fullName: 'Bình Minh Ứng Viên',
      birthDate: '1992-05-05',
      gender: 'female',
      cccd: '079192123789',
      phone: '0912000333',
      workplace: 'Công ty Bình Minh',
      consent: true,
    },
  });
  if (r.statusCode !== 201) throw new Error(r.body);
  const row = await env.ctx.db
    .selectFrom('application')
    .select('id')
    .where('unit_id', '=', fx.tree.cdcsB)
    .executeTakeFirstOrThrow();
  bApplicationId = row.id;
  return row.id;
}

/** A scan of B's admission decision, uploaded once (by the system administrator) when first needed. */
let bDocumentId: number | null = null;
async function bDocument(): Promise<number> {
  if (bDocumentId !== null) return bDocumentId;
  const r = await uploadDocument(env.admin, { unitId: fx.tree.cdcsB, decisionNo: '1/QĐ', kind: 'decision' });
  if (r.statusCode !== 201) throw new Error(r.body);
  bDocumentId = r.data.id as number;
  return bDocumentId;
}
function uploadDocument(c: Client, fields: Record<string, string | number>) {
  const boundary = '----scopedoc';
  const text = Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('');
  const body = Buffer.from(
    `${text}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="qd.pdf"\r\n\r\n%PDF-1.4 quyết định\r\n--${boundary}--\r\n`,
  );
  return env.app
    .inject({
      method: 'POST',
      url: '/api/members/admission-documents',
      headers: {
        cookie: c.cookie,
        'x-csrf-token': c.csrf,
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: body,
    })
    .then((r) => Object.assign(r, { data: JSON.parse(r.body) }));
}

/** A possible transfer wholly inside B (its member asked for by another of B's units), made once. */
let bNoticeId: number | null = null;
async function bNotice(): Promise<number> {
  if (bNoticeId !== null) return bNoticeId;
  const m = await env.ctx.db
    .selectFrom('membership')
    .select(['id', 'person_id'])
    .where('id', '=', fx.bMember)
    .executeTakeFirstOrThrow();
  const row = await env.ctx.db
    .insertInto('possible_transfer')
    .values({
      person_id: m.person_id,
      holding_membership_id: m.id,
      holding_unit_id: fx.tree.cdcsB,
      requesting_unit_id: fx.tree.districtB,
      source: 'admission',
      requested_by: null,
      requested_at: new Date().toISOString(),
      closed_at: null,
      resolution: null,
      closed_by: null,
      note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  bNoticeId = row.id;
  return row.id;
}

const CASES: Record<string, () => Promise<void>> = {
  ...planScopeCases(() => ({ env, a: fx.a, tree: fx.tree })),
  ...reviewScopeCases(() => ({ env, a: fx.a, tree: fx.tree })),
  'GET /api/plans/:id/document.docx': async () => {
    // B's plan as a document (Word or PDF): 404 for A, as the plan itself.
    const b = await env.admin.post('/api/plans', planBody(fx.tree.districtB, { number: '41' }));
    for (const q of ['', '?format=pdf']) is404(await fx.a.get(`/api/plans/${b.data.id}/document.docx${q}`));
  },
  'GET /api/org/units/:id/document-header': async () => {
    is404(await fx.a.get(`/api/org/units/${fx.tree.districtB}/document-header`));
  },
  'PUT /api/org/units/:id/document-header': async () => {
    const count = async () =>
      Number(
        (
          await env.ctx.db
            .selectFrom('document_header')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    is404(await fx.a.put(`/api/org/units/${fx.tree.cdcsB}/document-header`, { validFrom: '2024-01-01', issuer: 'X' }));
    expect(await count()).toBe(before);
  },
  'GET /api/auth/me': async () => {
    const r = await fx.a.get('/api/auth/me');
    expect(r.data.roles.map((x: { unitId: number }) => x.unitId)).toEqual([fx.tree.districtA]);
  },
  'PUT /api/auth/me/locale': async () => {
    // Acts on the caller only: there is no parameter that could name another user.
    expect((await fx.a.put('/api/auth/me/locale', { locale: 'vi' })).statusCode).toBe(200);
  },
  'POST /api/auth/me/password': async () => {
    await refused(
      () => fx.a.post('/api/auth/me/password', { currentPassword: 'not-it', newPassword: 'khong-doi-duoc' }),
      422,
    );
  },
  'GET /api/org/unit-types': async () => {
    // Configuration shared by all, holding no unit of any subtree.
    const r = await fx.a.get('/api/org/unit-types');
    expect(r.statusCode).toBe(200);
    expect(JSON.stringify(r.data)).not.toContain('Bình Minh');
  },
  'GET /api/org/roots': async () => {
    for (const asOf of ['2012-01-01', '2024-06-01', '2030-01-01']) {
      const r = await fx.a.get(`/api/org/roots?asOf=${asOf}`);
      for (const u of r.data.units) expect(bIds()).not.toContain(u.id);
    }
  },
  'GET /api/org/units': async () => {
    const r = await fx.a.get(`/api/org/units?q=${encodeURIComponent('binh minh')}`);
    expect(r.statusCode).toBe(200);
    expect(r.data).toEqual([]);
    const all = await fx.a.get('/api/org/units?limit=200');
    for (const u of all.data) expect(bIds()).not.toContain(u.id);
  },
  'GET /api/org/units/:id': async () => {
    for (const id of bIds()) is404(await fx.a.get(`/api/org/units/${id}`));
    is404(await fx.a.get(`/api/org/units/${fx.tree.province}`));
  },
  'GET /api/org/units/:id/children': async () => {
    is404(await fx.a.get(`/api/org/units/${fx.tree.districtB}/children`));
    is404(await fx.a.get(`/api/org/units/${fx.tree.province}/children`));
  },
  'GET /api/org/founded': async () => {
    is404(await fx.a.get(`/api/org/founded?unitId=${fx.tree.districtB}&foundedFrom=2000-01-01&foundedTo=2030-12-31`));
    // From A's own unit, none of B's unions (B's CĐCS is founded in the period too).
    const own = await fx.a.get(
      `/api/org/founded?unitId=${fx.tree.districtA}&foundedFrom=2000-01-01&foundedTo=2030-12-31`,
    );
    expect(own.statusCode, own.body).toBe(200);
    expect(own.data.items.map((u: { id: number }) => u.id)).not.toContain(fx.tree.cdcsB);
    expect(own.data.items.map((u: { id: number }) => u.id)).toContain(fx.tree.cdcsA);
  },
  'GET /api/org/units/:id/events': async () => {
    is404(await fx.a.get(`/api/org/units/${fx.tree.cdcsB}/events`));
  },
  'GET /api/org/units/:id/later-parents': async () => {
    is404(await fx.a.get(`/api/org/units/${fx.tree.districtB}/later-parents?date=2024-01-01`));
    is404(await fx.a.get(`/api/org/units/${fx.tree.province}/later-parents?date=2024-01-01`));
  },
  'POST /api/org/units': async () => {
    await refused(() =>
      fx.a.post('/api/org/units', {
        code: uniq('X'),
        name: 'CĐCS lạc',
        typeCode: 'CDCS',
        parentId: fx.tree.districtB,
        validFrom: '2024-01-01',
      }),
    );
  },
  'PATCH /api/org/units/:id': async () => {
    await refused(() => fx.a.patch(`/api/org/units/${fx.tree.cdcsB}`, { address: 'Không được' }));
  },
  'POST /api/org/units/:id/rename': async () => {
    await refused(() =>
      fx.a.post(`/api/org/units/${fx.tree.cdcsB}/rename`, { effectiveDate: '2025-01-01', name: 'Không được' }),
    );
  },
  'POST /api/org/units/:id/move': async () => {
    await refused(() =>
      fx.a.post(`/api/org/units/${fx.tree.cdcsB}/move`, {
        effectiveDate: '2025-01-01',
        newParentId: fx.tree.districtA,
      }),
    );
    await refused(() =>
      fx.a.post(`/api/org/units/${fx.tree.cdcsA}/move`, {
        effectiveDate: '2025-01-01',
        newParentId: fx.tree.districtB,
      }),
    );
  },
  'POST /api/org/units/:id/dissolve': async () => {
    await refused(() => fx.a.post(`/api/org/units/${fx.tree.cdcsB}/dissolve`, { effectiveDate: '2025-01-01' }));
  },
  'POST /api/org/units/:id/merge': async () => {
    await refused(() =>
      fx.a.post(`/api/org/units/${fx.tree.cdcsB}/merge`, { effectiveDate: '2025-01-01', targetId: fx.tree.cdcsA }),
    );
    await refused(() =>
      fx.a.post(`/api/org/units/${fx.tree.cdcsA}/merge`, { effectiveDate: '2025-01-01', targetId: fx.tree.cdcsB }),
    );
  },
  'GET /api/users': async () => {
    const r = await fx.a.get('/api/users?limit=200');
    expect(r.data.items.map((u: { id: number }) => u.id)).not.toContain(fx.bUserId);
    is404(await fx.a.get(`/api/users?unitId=${fx.tree.districtB}`));
  },
  'GET /api/users/:id': async () => {
    is404(await fx.a.get(`/api/users/${fx.bUserId}`));
  },
  'POST /api/users': async () => {
    await refused(() =>
      fx.a.post('/api/users', {
        username: `x${Date.now()}`,
        fullName: 'Lạc Sang',
        roles: [{ unitId: fx.tree.districtB, role: 'officer' }],
      }),
    );
  },
  'PATCH /api/users/:id': async () => {
    await refused(() => fx.a.patch(`/api/users/${fx.bUserId}`, { active: false }));
  },
  'POST /api/users/:id/roles': async () => {
    await refused(() => fx.a.post(`/api/users/${fx.bUserId}/roles`, { unitId: fx.tree.cdcsA, role: 'viewer' }));
    await refused(() => fx.a.post(`/api/users/${fx.aUserId}/roles`, { unitId: fx.tree.districtB, role: 'viewer' }));
  },
  'DELETE /api/users/:id/roles/:roleId': async () => {
    await refused(() => fx.a.delete(`/api/users/${fx.bUserId}/roles/${fx.bRoleId}`));
  },
  'POST /api/users/:id/unlock-login': async () => {
    // B's administrator slowed at sign-in from some address: A can neither see it nor clear it.
    const b = await env.ctx.db
      .selectFrom('app_user')
      .select('username')
      .where('id', '=', fx.bUserId)
      .executeTakeFirstOrThrow();
    const slowed = {
      username: b.username,
      source: '192.0.2.50',
      failures: 9,
      last_failure_at: new Date().toISOString(),
    };
    await env.ctx.db
      .insertInto('login_throttle')
      .values({ ...slowed, slowed_until: new Date(Date.now() + 600_000).toISOString() })
      .execute();
    await refused(() => fx.a.post(`/api/users/${fx.bUserId}/unlock-login`));
    const left = await env.ctx.db
      .selectFrom('login_throttle')
      .select('failures')
      .where('username', '=', b.username)
      .execute();
    expect(left).toEqual([{ failures: 9 }]);
  },
  'POST /api/users/:id/reset-password': async () => {
    await refused(() => fx.a.post(`/api/users/${fx.bUserId}/reset-password`));
  },
  'GET /api/enterprises/config': async () => {
    const r = await fx.a.get('/api/enterprises/config');
    expect(r.statusCode).toBe(200);
    expect(JSON.stringify(r.data)).not.toContain('Bình Minh');
  },
  'GET /api/enterprises': async () => {
    const r = await fx.a.get('/api/enterprises?limit=500');
    expect(r.data.items.map((e: { id: number }) => e.id)).toEqual([fx.aEnterprise]);
    is404(await fx.a.get(`/api/enterprises?unitId=${fx.tree.districtB}`));
  },
  'GET /api/enterprises/officers': async () => {
    const r = await fx.a.get('/api/enterprises/officers');
    expect(r.data.map((o: { id: number }) => o.id)).toContain(fx.aUserId);
    expect(r.data.map((o: { id: number }) => o.id)).not.toContain(fx.bUserId);
    is404(await fx.a.get(`/api/enterprises/officers?unitId=${fx.tree.districtB}`));
  },
  'GET /api/enterprises/queue': async () => {
    const r = await fx.a.get('/api/enterprises/queue');
    expect(r.data.items.map((e: { id: number }) => e.id)).not.toContain(fx.bEnterprise);
    is404(await fx.a.get(`/api/enterprises/queue?unitId=${fx.tree.districtB}`));
  },
  'GET /api/enterprises/export.xlsx': async () => {
    is404(await fx.a.get(`/api/enterprises/export.xlsx?unitId=${fx.tree.districtB}`));
    const r = await env.app.inject({
      method: 'GET',
      url: '/api/enterprises/export.xlsx',
      headers: { cookie: fx.a.cookie },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const text: string[] = [];
    wb.worksheets[0]?.eachRow((row) => text.push(JSON.stringify(row.values)));
    expect(text.join()).toContain('An Phát Công Khai');
    expect(text.join()).not.toContain('Bí Mật');
  },
  'GET /api/enterprises/:id': async () => {
    is404(await fx.a.get(`/api/enterprises/${fx.bEnterprise}`));
  },
  'POST /api/enterprises': async () => {
    await refused(() =>
      fx.a.post('/api/enterprises', { unitId: fx.tree.districtB, name: 'Lạc', ownershipCode: 'PRIVATE' }),
    );
    await refused(() =>
      fx.a.post('/api/enterprises', {
        unitId: fx.tree.districtA,
        name: 'Lạc',
        ownershipCode: 'PRIVATE',
        grassrootsUnitId: fx.tree.cdcsB,
      }),
    );
  },
  'PATCH /api/enterprises/:id': async () => {
    await refused(() => fx.a.patch(`/api/enterprises/${fx.bEnterprise}`, { name: 'Đổi trộm' }));
    await refused(() => fx.a.patch(`/api/enterprises/${fx.aEnterprise}`, { grassrootsUnitId: fx.tree.cdcsB }));
  },
  'POST /api/enterprises/:id/surveys': async () => {
    await refused(() =>
      fx.a.post(`/api/enterprises/${fx.bEnterprise}/surveys`, { surveyDate: '2024-07-01', workerCount: 3 }),
    );
  },
  'GET /api/outreach/config': async () => {
    expect((await fx.a.get('/api/outreach/config')).statusCode).toBe(200);
  },
  'GET /api/outreach/coverage': async () => {
    is404(await fx.a.get(`/api/outreach/coverage?unitId=${fx.tree.districtB}`));
    const r = await fx.a.get('/api/outreach/coverage?from=2024-01-01&to=2024-12-31');
    expect(r.data).toMatchObject({ enterprisesInScope: 1, reached: 0, workersReached: 0, events: 0 });
  },
  'GET /api/outreach': async () => {
    expect((await fx.a.get('/api/outreach')).data.items).toEqual([]);
    is404(await fx.a.get(`/api/outreach?unitId=${fx.tree.districtB}`));
  },
  'GET /api/outreach/:id': async () => {
    is404(await fx.a.get(`/api/outreach/${fx.bEvent}`));
  },
  'POST /api/outreach/:id/attachments': async () => {
    const b = '----att';
    const payload = Buffer.concat([
      Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-1.4 test`),
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    await refused(() =>
      env.app
        .inject({
          method: 'POST',
          url: `/api/outreach/${fx.bEvent}/attachments`,
          headers: {
            cookie: fx.a.cookie,
            'x-csrf-token': fx.a.csrf,
            'content-type': `multipart/form-data; boundary=${b}`,
          },
          payload,
        })
        .then((r) => Object.assign(r, { data: JSON.parse(r.body) })),
    );
  },
  'GET /api/outreach/:id/attachments/:attachmentId': async () => {
    is404(await fx.a.get(`/api/outreach/${fx.bEvent}/attachments/1`));
  },
  'POST /api/outreach': async () => {
    const body = { eventDate: '2024-06-02', formCode: 'LEAFLETS', topics: ['LABOUR_CODE'], workersReached: 1 };
    await refused(() => fx.a.post('/api/outreach', { ...body, unitId: fx.tree.districtB }));
    await refused(() =>
      fx.a.post('/api/outreach', { ...body, unitId: fx.tree.districtA, enterpriseIds: [fx.bEnterprise] }),
    );
  },
  'GET /api/imports/:kind/template.xlsx': async () => {
    // A blank template: no records of anyone.
    expect((await fx.a.get('/api/imports/enterprises/template.xlsx')).statusCode).toBe(200);
    expect((await fx.a.get('/api/imports/members/template.xlsx')).statusCode).toBe(200);
  },
  'POST /api/imports/:kind': async () => {
    const boundary = '----scope';
    const send = (kind: string, unitId: number, csv: string) =>
      env.app
        .inject({
          method: 'POST',
          url: `/api/imports/${kind}`,
          headers: {
            cookie: fx.a.cookie,
            'x-csrf-token': fx.a.csrf,
            'content-type': `multipart/form-data; boundary=${boundary}`,
          },
          payload: Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="unitId"\r\n\r\n${unitId}\r\n` +
              `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="x.csv"\r\nContent-Type: text/csv\r\n\r\n` +
              `${csv}\r\n--${boundary}--\r\n`,
          ),
        })
        .then((r) => Object.assign(r, { data: JSON.parse(r.body) }));
    await refused(() => send('enterprises', fx.tree.districtB, 'Tên doanh nghiệp,Loại hình\nCông ty Lạc,TNHH'));
    await refused(() =>
      send('members', fx.tree.cdcsB, 'Họ và tên,Số CCCD,Ngày vào công đoàn\nNguyễn Văn Lạc,079090000001,01/03/2024'),
    );
  },
  'POST /api/imports/:id/preview': async () => {
    await refused(() => fx.a.post(`/api/imports/${fx.bBatch}/preview`, {}));
  },
  'POST /api/imports/:id/commit': async () => {
    await refused(() => fx.a.post(`/api/imports/${fx.bBatch}/commit`, {}));
  },
  'POST /api/imports/:id/undo': async () => {
    await refused(() => fx.a.post(`/api/imports/${fx.bBatch}/undo`));
  },
  'GET /api/imports/:id/rejected.xlsx': async () => {
    is404(await fx.a.get(`/api/imports/${fx.bBatch}/rejected.xlsx`));
  },
  'GET /api/imports': async () => {
    expect((await fx.a.get('/api/imports')).data.items).toEqual([]);
    is404(await fx.a.get(`/api/imports?unitId=${fx.tree.districtB}`));
  },
  'GET /api/imports/:id': async () => {
    is404(await fx.a.get(`/api/imports/${fx.bBatch}`));
  },
  'GET /api/members/config': async () => {
    // Code lists shared by all, holding no member of any subtree.
    const r = await fx.a.get('/api/members/config');
    expect(r.statusCode).toBe(200);
    expect(JSON.stringify(r.data)).not.toContain('Bình Minh');
  },
  'POST /api/members/admissions': async () => {
    const person = { fullName: 'Lạc Sang', birthDate: '1990-01-01', gender: 'male', cccd: '079090111222' };
    const body = { applicationDate: '2024-03-01', decisionNo: 'x', decisionDate: '2024-03-10', people: [person] };
    await refused(() => fx.a.post('/api/members/admissions', { ...body, unitId: fx.tree.cdcsB }));
    await refused(() =>
      fx.a.post('/api/members/admissions', {
        ...body,
        unitId: fx.tree.cdcsA,
        people: [{ ...person, employerEnterpriseId: fx.bEnterprise }],
      }),
    );
    // B's member cannot be admitted again from A either, and A is not told where they are.
    await refused(
      () =>
        fx.a.post('/api/members/admissions', {
          ...body,
          unitId: fx.tree.cdcsA,
          people: [{ ...person, cccd: fx.bCccd }],
        }),
      409,
    );
    const r = await fx.a.post('/api/members/admissions', {
      ...body,
      unitId: fx.tree.cdcsA,
      people: [{ ...person, cccd: fx.bCccd }],
    });
    expect(r.body).not.toContain('Bình Minh');
  },
  'GET /api/members': async () => {
    const all = await fx.a.get('/api/members?limit=500');
    expect(all.data.items.map((m: { id: number }) => m.id)).toEqual([fx.aMember]);
    is404(await fx.a.get(`/api/members?unitId=${fx.tree.cdcsB}`));
    expect((await fx.a.get(`/api/members?q=${fx.bCccd}`)).data.items).toEqual([]);
    expect((await fx.a.get(`/api/members?q=${encodeURIComponent('bi mat')}`)).data.items).toEqual([]);
  },
  'GET /api/members/counts': async () => {
    is404(await fx.a.get(`/api/members/counts?unitId=${fx.tree.cdcsB}`));
    const r = await fx.a.get('/api/members/counts?from=2024-01-01&to=2024-12-31');
    expect(r.data).toMatchObject({ admitted: 1, activeAtEnd: 1, partyIntroduced: 0 });
  },
  'GET /api/members/possible-transfers': async () => {
    const id = await bNotice();
    // A sees only requests it made itself (B's member asked for by A): B's unit stays unnamed.
    const items = (await fx.a.get('/api/members/possible-transfers')).data.items as Record<string, unknown>[];
    expect(items.map((i) => i.id)).not.toContain(id);
    for (const i of items)
      expect(i).toMatchObject({ side: 'requesting', holdingUnit: null, holdingMembershipId: null });
    is404(await fx.a.get(`/api/members/possible-transfers?unitId=${fx.tree.districtB}`));
  },
  'POST /api/members/possible-transfers/:id/dismiss': async () => {
    const id = await bNotice();
    is404(await fx.a.post(`/api/members/possible-transfers/${id}/dismiss`, { note: 'không phải chuyển' }));
    const row = await env.ctx.db
      .selectFrom('possible_transfer')
      .select('closed_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.closed_at).toBeNull();
  },
  'GET /api/members/:membershipId': async () => {
    is404(await fx.a.get(`/api/members/${fx.bMember}`));
  },
  'POST /api/members/:membershipId/reveal-cccd': async () => {
    await refused(() => fx.a.post(`/api/members/${fx.bMember}/reveal-cccd`));
  },
  'POST /api/members/:membershipId/card': async () => {
    await refused(() => fx.a.post(`/api/members/${fx.bMember}/card`, { cardNo: 'X', issuedOn: '2024-05-01' }));
  },
  'POST /api/members/:membershipId/transfer': async () => {
    await refused(() =>
      fx.a.post(`/api/members/${fx.bMember}/transfer`, { toUnitId: fx.tree.cdcsA, date: '2024-06-01' }),
    );
    await refused(() =>
      fx.a.post(`/api/members/${fx.aMember}/transfer`, { toUnitId: fx.tree.cdcsB, date: '2024-06-01' }),
    );
  },
  'POST /api/members/:membershipId/leave': async () => {
    await refused(() =>
      fx.a.post(`/api/members/${fx.bMember}/leave`, { date: '2024-06-01', reason: 'x', kind: 'expelled' }),
    );
  },
  'POST /api/members/:membershipId/honorary': async () => {
    await refused(() => fx.a.post(`/api/members/${fx.bMember}/honorary`, { date: '2024-06-01', note: 'x' }));
  },
  'POST /api/members/:membershipId/party-introductions': async () => {
    await refused(() =>
      fx.a.post(`/api/members/${fx.bMember}/party-introductions`, {
        introducedOn: '2024-09-01',
        partyOrganisation: 'x',
      }),
    );
  },
  'PATCH /api/party-introductions/:id': async () => {
    await refused(() =>
      fx.a.patch(`/api/party-introductions/${fx.bParty}`, { status: 'admitted', statusDate: '2024-12-01' }),
    );
  },
  'GET /api/party-introductions': async () => {
    expect((await fx.a.get('/api/party-introductions')).data.items).toEqual([]);
    is404(await fx.a.get(`/api/party-introductions?unitId=${fx.tree.districtB}`));
  },
  'GET /api/members/export': async () => {
    await refused(() => fx.a.get(`/api/members/export?unitId=${fx.tree.cdcsB}`));
    const sheet = async (url: string) => {
      const r = await env.app.inject({ method: 'GET', url, headers: { cookie: fx.a.cookie } });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const text: string[] = [];
      wb.worksheets[0]?.eachRow((row) => text.push(JSON.stringify(row.values)));
      return text;
    };
    const all = (await sheet('/api/members/export')).join();
    expect(all).toContain('An Phát Công Khai');
    expect(all).not.toContain('Bí Mật');
    // Title rows and header only: B's member is not found by number either.
    expect(await sheet(`/api/members/export?q=${fx.bCccd}`)).toHaveLength(5);
  },
  'GET /api/members/:membershipId/personal-data': async () => {
    await refused(() => fx.a.get(`/api/members/${fx.bMember}/personal-data`));
  },
  'POST /api/members/:membershipId/anonymise': async () => {
    await refused(() => fx.a.post(`/api/members/${fx.bMember}/anonymise`, { reason: 'Yêu cầu' }));
  },
  'POST /api/members/admission-documents': async () => {
    await refused(() => uploadDocument(fx.a, { unitId: fx.tree.cdcsB, decisionNo: '1/QĐ', kind: 'decision' }));
  },
  'GET /api/members/:membershipId/documents': async () => {
    await bDocument();
    await refused(() => fx.a.get(`/api/members/${fx.bMember}/documents`));
  },
  'GET /api/admission-documents/:id/file': async () => {
    const id = await bDocument();
    await refused(() => fx.a.get(`/api/admission-documents/${id}/file`));
  },
  'GET /api/applications/links/:unitId': async () => {
    for (const id of bIds()) is404(await fx.a.get(`/api/applications/links/${id}`));
  },
  'POST /api/applications/links/:unitId': async () => {
    for (const id of bIds()) await refused(() => fx.a.post(`/api/applications/links/${id}`));
  },
  'POST /api/applications/links/:unitId/rotate': async () => {
    await bApplication();
    await refused(() => fx.a.post(`/api/applications/links/${fx.tree.cdcsB}/rotate`));
  },
  'GET /api/applications': async () => {
    const id = await bApplication();
    const r = await fx.a.get('/api/applications?limit=200');
    expect(r.data.items.map((x: { id: number }) => x.id)).not.toContain(id);
    expect((await fx.a.get(`/api/applications?q=${encodeURIComponent('ung vien')}`)).data.items).toEqual([]);
    is404(await fx.a.get(`/api/applications?unitId=${fx.tree.cdcsB}`));
  },
  'GET /api/applications/:id': async () => {
    is404(await fx.a.get(`/api/applications/${await bApplication()}`));
  },
  'POST /api/applications/:id/approve': async () => {
    const id = await bApplication();
    const body = { decisionNo: 'x', decisionDate: new Date().toISOString().slice(0, 10) };
    await refused(() => fx.a.post(`/api/applications/${id}/approve`, body));
    // Nor can A pull B's applicant into A's own union.
    await refused(() => fx.a.post(`/api/applications/${id}/approve`, { ...body, unitId: fx.tree.cdcsA }));
  },
  'POST /api/applications/approve': async () => {
    const id = await bApplication();
    const body = { decisionNo: 'x', decisionDate: new Date().toISOString().slice(0, 10), ids: [id] };
    await refused(() => fx.a.post('/api/applications/approve', body));
    await refused(() => fx.a.post('/api/applications/approve', { ...body, unitId: fx.tree.cdcsA }));
  },
  'POST /api/applications/:id/erase': async () => {
    await refused(async () => fx.a.post(`/api/applications/${await bApplication()}/erase`, { reason: 'x' }));
  },
  'POST /api/applications/:id/reject': async () => {
    await refused(async () => fx.a.post(`/api/applications/${await bApplication()}/reject`, { reason: 'x' }));
  },
  'GET /api/audit': async () => {
    const r = await fx.a.get('/api/audit?limit=200');
    for (const e of r.data.items) expect(bIds()).not.toContain(e.unitId);
    is404(await fx.a.get(`/api/audit?unitId=${fx.tree.cdcsB}`));
  },
};

describe('scope matrix: a sibling subtree is invisible and untouchable', () => {
  it('every session route has a case', () => {
    const missing = env.app.apiRoutes
      .filter((r) => !r.public)
      .map((r) => `${r.method} ${r.url}`)
      .filter((k) => !(k in CASES));
    expect(missing, 'add a scope-matrix case for each new route').toEqual([]);
  });

  it('no case is stale', () => {
    const routes = new Set(env.app.apiRoutes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(CASES).filter((k) => !routes.has(k))).toEqual([]);
  });

  for (const [route, run] of Object.entries(CASES)) {
    it(route, run);
  }
});
