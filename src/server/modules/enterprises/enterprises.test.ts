import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

// Fresh valid tax codes for each call (check digit by the rule in shared/domain/union-rules.md §5),
// so tests never collide on an MST and need not clear the table.
const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = Math.floor(Math.random() * 1_000_000);
const nextMst = (): string => {
  for (;;) {
    const base = `38${String(1_000_000 + (seq++ % 9_000_000)).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};

async function setup() {
  const t = await makeTree(env);
  const officer = await makeUser(env, 'officer', t.districtA);
  const mk = async (body: Record<string, unknown>) => {
    const r = await officer.post('/api/enterprises', { unitId: t.districtA, ownershipCode: 'PRIVATE', ...body });
    if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
    return r.data;
  };
  return { t, officer, mk };
}
const survey = (workerCount: number, extra: Record<string, unknown> = {}) => ({
  surveyDate: '2024-04-20',
  workerCount,
  ...extra,
});

describe('enterprises', () => {
  it('validates the MST check digit and names the field', async () => {
    const { officer, t } = await setup();
    const before = await writeCounts(env);
    const r = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Công ty Sai Mã',
      mst: '3800601239',
    });
    expect(r.statusCode).toBe(400);
    expect(r.data.error.issues).toEqual([{ path: 'mst', message: 'Mã số thuế 3800601239 sai chữ số kiểm tra' }]);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('catches a duplicate MST, and creates it only with a reason', async () => {
    const { mk, officer, t } = await setup();
    const mst = nextMst();
    const a = await mk({ name: 'Công ty TNHH Cao su Phú Thịnh', mst });
    expect(a.mst).toBe(mst);
    const dup = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Trùng',
      mst,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error.message).toContain('Công ty TNHH Cao su Phú Thịnh');
    const ok = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      ownershipCode: 'PRIVATE',
      name: 'Chi nhánh ghi riêng',
      mst,
      duplicateReason: 'Hai cơ sở sản xuất ở hai xã, báo cáo riêng',
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.data.duplicateReason).toContain('Hai cơ sở');
  });

  it('keeps dated surveys and derives the flags from the latest one and the thresholds', async () => {
    const { mk, officer } = await setup();
    const e = await mk({
      name: 'Công ty TNHH Hạt điều Hoà Phát',
      mst: nextMst(),
      survey: survey(18, { femaleCount: 10 }),
    });
    expect(e.inSurveyScope).toBe(true);
    expect(e.eligibleForFounding).toBe(false);
    const r = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-09-01',
      workerCount: 40,
      femaleCount: 22,
      memberCount: 0,
      employerAttitude: 'neutral',
      contactName: 'Trần Văn Tư',
      contactPhone: '0912345678',
    });
    expect(r.statusCode).toBe(200);
    expect(r.data.workerCount).toBe(40);
    expect(r.data.eligibleForFounding).toBe(true);
    expect(r.data.lastSurveyDate).toBe('2024-09-01');
    expect(r.data.surveys.map((s: { workerCount: number }) => s.workerCount)).toEqual([40, 18]);
    expect(r.data.timeline.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['survey', 'created']));
    const bad = await officer.post(`/api/enterprises/${e.id}/surveys`, {
      surveyDate: '2024-10-01',
      workerCount: 10,
      femaleCount: 12,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.error.issues[0]).toEqual({
      path: 'femaleCount',
      message: 'Số lao động nữ không được lớn hơn tổng số lao động',
    });
  });

  it('filters, searches without diacritics, sorts, and queues the eligible by oldest contact', async () => {
    const { mk, officer, t } = await setup();
    await mk({ name: 'Công ty Cao su Sông Bé', mst: null, survey: survey(120) });
    await mk({ name: 'Công ty TNHH Gỗ Minh Long', survey: { ...survey(30), surveyDate: '2024-02-01' } });
    await mk({ name: 'Công ty Nhà nước Điện lực', ownershipCode: 'STATE', survey: survey(300) });
    await mk({ name: 'Tiệm may Hạnh', ownershipCode: 'HOUSEHOLD', survey: survey(4) });
    await mk({ name: 'Công ty Có Công đoàn', survey: survey(80), grassrootsUnitId: t.cdcsA });
    const q = async (qs: string) =>
      (await officer.get(`/api/enterprises?unitId=${t.districtA}&${qs}`)).data.items.map(
        (e: { name: string }) => e.name,
      );
    expect(await q(`q=${encodeURIComponent('cong ty cao su')}`)).toEqual(['Công ty Cao su Sông Bé']);
    expect(await q('nonState=false')).toEqual(['Công ty Nhà nước Điện lực']);
    expect(await q('inSurveyScope=false')).toEqual(['Tiệm may Hạnh']);
    expect(await q('sizeBand=25_99')).toEqual(['Công ty Có Công đoàn', 'Công ty TNHH Gỗ Minh Long']);
    expect(await q('hasUnion=true')).toEqual(['Công ty Có Công đoàn']);
    expect(await q('sort=workerCount&order=desc&limit=2')).toEqual([
      'Công ty Nhà nước Điện lực',
      'Công ty Cao su Sông Bé',
    ]);
    const queue = await officer.get(`/api/enterprises/queue?unitId=${t.districtA}`);
    expect(queue.data.items.map((e: { name: string }) => e.name)).toEqual([
      'Công ty TNHH Gỗ Minh Long',
      'Công ty Cao su Sông Bé',
    ]);
  });

  it('exports exactly what is filtered to a real xlsx, and audits the export', async () => {
    const { mk, officer, t } = await setup();
    await mk({ name: 'Công ty Xuất Một', survey: survey(50) });
    await mk({ name: 'Công ty Xuất Hai', survey: survey(5) });
    const r = await env.app.inject({
      method: 'GET',
      url: `/api/enterprises/export.xlsx?unitId=${t.districtA}&inSurveyScope=true`,
      headers: { cookie: officer.cookie },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const names: string[] = [];
    ws?.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(3).value));
    });
    expect(names).toEqual(['Công ty Xuất Một']);
    expect(String(ws?.getRow(2).getCell(2).value)).toBe('Mã số thuế');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'enterprise.export')
      .execute();
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe('outreach and coverage', () => {
  it('records an event covering enterprises and moves the coverage, overall and by commune', async () => {
    const { mk, officer, t } = await setup();
    const a = await mk({ name: 'Công ty A', survey: survey(40), adminAreaCode: '25246', adminAreaName: 'Xã Bình Tân' });
    await mk({ name: 'Công ty B', survey: survey(60), adminAreaCode: '25252', adminAreaName: 'Xã Phú Riềng' });
    await mk({
      name: 'Công ty Nhà nước C',
      ownershipCode: 'STATE',
      survey: survey(90),
      adminAreaCode: '25252',
      adminAreaName: 'Xã Phú Riềng',
    });
    const cov = async () =>
      (await officer.get(`/api/outreach/coverage?unitId=${t.districtA}&from=2024-04-01&to=2024-10-30`)).data;
    const before = await cov();
    expect(before).toMatchObject({
      enterprisesInScope: 3,
      reached: 0,
      nonStateInScope: 2,
      nonStateReached: 0,
      workersReached: 0,
    });
    const ev = await officer.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-05-15',
      formCode: 'WORKPLACE_MEETING',
      topics: ['UNION_MEMBERSHIP', 'TRADE_UNION_LAW'],
      title: 'Tuyên truyền Luật Công đoàn tại Công ty A',
      enterpriseIds: [a.id],
      workersReached: 35,
      employerRepsReached: 2,
      cost: 1_500_000,
    });
    expect(ev.statusCode).toBe(201);
    expect(ev.data.enterprises.map((e: { name: string }) => e.name)).toEqual(['Công ty A']);
    const after = await cov();
    expect(after).toMatchObject({
      enterprisesInScope: 3,
      reached: 1,
      nonStateInScope: 2,
      nonStateReached: 1,
      workersReached: 35,
      events: 1,
    });
    expect(after.byCommune).toContainEqual(
      expect.objectContaining({
        adminAreaCode: '25246',
        enterprisesInScope: 1,
        reached: 1,
        workersInReachedEnterprises: 40,
      }),
    );
    const detail = await officer.get(`/api/enterprises/${a.id}`);
    expect(detail.data.lastContactDate).toBe('2024-05-15');
    expect(detail.data.timeline).toContainEqual(expect.objectContaining({ kind: 'outreach', date: '2024-05-15' }));
    const reached = await officer.get(
      `/api/enterprises?unitId=${t.districtA}&reached=true&from=2024-04-01&to=2024-10-30`,
    );
    expect(reached.data.items.map((e: { name: string }) => e.name)).toEqual(['Công ty A']);
  });

  it('refuses unknown forms and topics with Vietnamese messages, and writes nothing', async () => {
    const { officer, t } = await setup();
    const before = await writeCounts(env);
    const r = await officer.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-05-15',
      formCode: 'TELEPATHY',
      topics: ['NOPE'],
      workersReached: 3,
    });
    expect(r.statusCode).toBe(400);
    expect(r.data.error.issues.map((i: { path: string }) => i.path)).toEqual(['formCode', 'topics.0']);
    expect(await writeCounts(env)).toEqual(before);
  });
});

describe('outreach attachments', () => {
  const PNG = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const send = (c: { cookie: string; csrf: string }, eventId: number, name: string, data: Buffer) => {
    const b = '----att';
    const payload = Buffer.concat([
      Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      data,
      Buffer.from(`\r\n--${b}--\r\n`),
    ]);
    return env.app.inject({
      method: 'POST',
      url: `/api/outreach/${eventId}/attachments`,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${b}` },
      payload,
    });
  };

  it('stores a photo of the attendance sheet, lists and serves it; refuses what is not an image or PDF', async () => {
    const { officer, t } = await setup();
    const ev = await officer.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-05-20',
      formCode: 'CONFERENCE',
      topics: ['LABOUR_CODE'],
      workersReached: 50,
    });
    const ok = await send(officer, ev.data.id, 'danh-sach-ky-ten.png', PNG);
    expect(ok.statusCode).toBe(201);
    const att = JSON.parse(ok.body);
    expect(att).toMatchObject({ fileName: 'danh-sach-ky-ten.png', mime: 'image/png', size: PNG.length });
    const view = await officer.get(`/api/outreach/${ev.data.id}`);
    expect(view.data.attachments).toEqual([att]);
    const file = await env.app.inject({
      method: 'GET',
      url: `/api/outreach/${ev.data.id}/attachments/${att.id}`,
      headers: { cookie: officer.cookie },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.rawPayload.equals(PNG)).toBe(true);
    const before = await env.ctx.db.selectFrom('outreach_attachment').select('id').execute();
    const bad = await send(officer, ev.data.id, 'virus.png', Buffer.from('MZ this is not an image'));
    expect(bad.statusCode).toBe(415);
    expect(JSON.parse(bad.body).error.message).toBe('Tệp đính kèm phải là ảnh (JPEG, PNG, WebP) hoặc PDF');
    expect(await env.ctx.db.selectFrom('outreach_attachment').select('id').execute()).toHaveLength(before.length);
  });
});
