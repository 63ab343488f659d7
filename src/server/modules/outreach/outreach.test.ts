import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_UNITS } from '../../demo/admin-units-data.js';
import { createTestEnv, type TestEnv, writeCounts } from '../../test/harness.js';
import { importLists } from '../admin-units/admin-units.service.js';
import { enterpriseSetup, survey } from '../enterprises/enterprises.fixtures.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
  // The communes the enterprises below name (coverage counts by the official list).
  await importLists(env.ctx.db, DEMO_ADMIN_UNITS);
});
afterAll(async () => {
  await env?.close();
});
const setup = () => enterpriseSetup(env);

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
    expect(r.data.error?.issues?.map((i: { path: string }) => i.path)).toEqual(['formCode', 'topics.0']);
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

describe('outreach messages in the reader’s language', () => {
  it('names bad fields and unknown forms and topics in English once the user chose English', async () => {
    const { officer, t } = await setup();
    expect((await officer.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const before = await writeCounts(env);
    const fields = await officer.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-05-15',
      formCode: 'LEAFLETS',
      topics: [],
      workersReached: 2.5,
      cost: -1,
    });
    expect(fields.statusCode).toBe(400);
    expect(Object.fromEntries((fields.data.error?.issues ?? []).map((i) => [i.path, i.message]))).toEqual({
      topics: 'Choose at least one topic',
      workersReached: 'The number of workers reached must be a whole number',
      cost: 'The cost cannot be negative',
    });
    const codes = await officer.post('/api/outreach', {
      unitId: t.districtA,
      eventDate: '2024-05-15',
      formCode: 'TELEPATHY',
      topics: ['LABOUR_CODE', 'NOPE'],
      workersReached: 3,
    });
    expect(codes.statusCode).toBe(400);
    expect(codes.data.error?.issues).toEqual([
      { path: 'formCode', message: 'Form "TELEPATHY" is not in the list' },
      { path: 'topics.1', message: 'Topic "NOPE" is not in the list' },
    ]);
    expect(await writeCounts(env)).toEqual(before);
  });
});
