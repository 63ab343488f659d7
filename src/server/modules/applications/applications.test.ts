import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../platform/dates.js';
import { ruleAt } from '../../platform/rules.js';
import {
  writeCounts as baseWriteCounts,
  type Client,
  createTestEnv,
  makeTree,
  makeUser,
  type TestEnv,
} from '../../test/harness.js';
import { cccd } from '../../test/people.js';
import { APPLY_LIMIT_RULES } from './applications.public.js';
import { consentAt } from './applications.repository.js';

let env: TestEnv;
let today: string;
beforeAll(async () => {
  env = await createTestEnv();
  today = todayIn(env.ctx.config.timeZone);
});
afterAll(async () => {
  await env?.close();
});

/** The harness's counts plus this feature's tables: equal before and after means nothing was written. */
async function writeCounts() {
  const out = await baseWriteCounts(env);
  for (const t of ['application', 'apply_link'] as const) {
    const r = await env.ctx.db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

let ipSeq = 1;
const freshIp = () => `10.${Math.floor(ipSeq / 250) % 250}.${ipSeq++ % 250}.7`;

function form(extra: Record<string, unknown> = {}) {
  return {
    fullName: 'Nguyễn Thị Lan',
    birthDate: '1996-04-12',
    gender: 'female',
    cccd: cccd('female', 1996),
    phone: '0912 345 678',
    workplace: 'Công ty TNHH May Phú Riềng',
    consent: true,
    website: '',
    ...extra,
  };
}

const tokenOf = (url: string) => url.split('/apply/')[1] as string;

async function apply(token: string, body: unknown, ip = freshIp()) {
  const r = await env.app.inject({
    method: 'POST',
    url: `/api/public/apply/${token}`,
    payload: body as object,
    remoteAddress: ip,
  });
  return Object.assign(r, { data: r.body ? JSON.parse(r.body) : null });
}

async function setup() {
  const t = await makeTree(env);
  const officer = await makeUser(env, 'officer', t.districtA);
  const link = await officer.post(`/api/applications/links/${t.cdcsA}`);
  expect(link.statusCode, link.body).toBe(201);
  return { t, officer, token: tokenOf(link.data.link.url) };
}

async function submitted(token: string, extra: Record<string, unknown> = {}) {
  const r = await apply(token, form(extra));
  expect(r.statusCode, r.body).toBe(201);
  const row = await env.ctx.db.selectFrom('application').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  return row;
}

const approveBody = (extra: Record<string, unknown> = {}) => ({
  decisionNo: '21/QĐ-CĐCS',
  decisionDate: today,
  ...extra,
});

describe('apply links', () => {
  it('are made once per unit, rotated on request, and an old link says it is no longer valid', async () => {
    const { t, officer, token } = await setup();
    const again = await officer.post(`/api/applications/links/${t.cdcsA}`);
    expect(again.statusCode).toBe(200);
    expect(tokenOf(again.data.link.url)).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(again.data.link.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const got = await officer.get(`/api/applications/links/${t.cdcsA}`);
    expect(got.data.link.url).toBe(again.data.link.url);
    expect((await officer.get(`/api/applications/links/${t.cdcsB}`)).statusCode).toBe(404);

    const info = await env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` });
    expect(info.statusCode).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ valid: true, unitName: 'CĐCS Công ty TNHH An Phát' });
    const consent = JSON.parse(info.body).consent;
    expect(consent.controller).toContain('CĐCS Công ty TNHH An Phát');
    expect(consent.rights).toMatch(/rút lại sự đồng ý/);
    expect(consent.rights).toContain('91/2025/QH15');
    // The consent text is dated: before the law took effect, the decree then in force is cited.
    expect((await consentAt(env.ctx.db, '2025-09-01'))?.rights_vi).toContain('13/2023/NĐ-CP');
    expect((await consentAt(env.ctx.db, '2026-01-01'))?.version).toBe('2026-01');

    const rotated = await officer.post(`/api/applications/links/${t.cdcsA}/rotate`);
    expect(rotated.statusCode).toBe(200);
    const fresh = tokenOf(rotated.data.link.url);
    expect(fresh).not.toBe(token);
    const old = await env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` });
    expect(JSON.parse(old.body)).toMatchObject({ valid: false, consent: null });
    const before = await writeCounts();
    const r = await apply(token, form());
    expect(r.statusCode).toBe(410);
    expect(r.data.error.message).toContain('Đường link này không còn hiệu lực');
    expect(await writeCounts()).toEqual(before);
    expect((await apply(fresh, form())).statusCode).toBe(201);

    const unknown = await env.app.inject({ method: 'GET', url: '/api/public/apply/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('APPLY_LINK_INVALID');
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('unit_id', '=', t.cdcsA)
      .where('action', 'like', 'apply_link.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['apply_link.create', 'apply_link.create', 'apply_link.revoke']);
  });

  it('a viewer may see the link but not make one', async () => {
    const { t } = await setup();
    const viewer = await makeUser(env, 'viewer', t.districtA);
    expect((await viewer.get(`/api/applications/links/${t.cdcsA}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/applications/links/${t.cdcsA}/rotate`)).statusCode).toBe(403);
  });
});

describe('submitting an application', () => {
  it('stores it pending with the consent version and server time, the CCCD encrypted and masked', async () => {
    const { token } = await setup();
    const info = JSON.parse((await env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` })).body);
    const number = cccd('male', 1990);
    const started = new Date().toISOString();
    const r = await apply(
      token,
      form({ fullName: '  Trần   Văn Bình ', gender: 'male', birthDate: '1990-02-03', cccd: number, workplace: '' }),
    );
    expect(r.statusCode).toBe(400); // neither workplace nor trade
    expect(r.data.error.issues).toEqual([{ path: 'workplace', message: expect.stringMatching(/^Nơi làm việc: /) }]);
    const ok = await apply(
      token,
      form({
        fullName: '  Trần   Văn Bình ',
        gender: 'male',
        birthDate: '1990-02-03',
        cccd: number,
        workplace: undefined,
        informalTradeCode: 'RIDER',
        consentVersion: info.consent.version,
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.data).toEqual({ ok: true, unitName: 'CĐCS Công ty TNHH An Phát', phone: '0912345678' });
    const row = await env.ctx.db.selectFrom('application').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'pending',
      full_name: 'Trần Văn Bình',
      informal_trade_code: 'RIDER',
      phone: '0912345678',
      consent_version: info.consent.version,
      submitted_on: today,
      cccd_kind: 'cccd',
    });
    expect(row.consent_at >= started && row.consent_at <= new Date().toISOString()).toBe(true);
    expect(row.consent_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.cccd_masked).toBe(`${number.slice(0, 4)}•••••${number.slice(-3)}`);
    expect(row.cccd_enc).not.toContain(number);
    expect(JSON.stringify(row)).not.toContain(number);

    // The same person again at the same unit while the first is pending: a friendly 409, nothing new.
    const before = await writeCounts();
    const dup = await apply(token, form({ cccd: number, gender: 'male', birthDate: '1990-02-03' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error.message).toMatch(/^Đơn của bạn đã được gửi, đang chờ xét/);
    expect(await writeCounts()).toEqual(before);
  });

  it('without the consent box ticked nothing is written', async () => {
    const { token } = await setup();
    const before = await writeCounts();
    for (const consent of [false, undefined]) {
      const r = await apply(token, form({ consent }));
      expect(r.statusCode).toBe(400);
      expect(r.data.error.issues).toEqual([
        { path: 'consent', message: expect.stringMatching(/^Đồng ý xử lý dữ liệu cá nhân: /) },
      ]);
    }
    const stale = await apply(token, form({ consentVersion: '1999-01' }));
    expect(stale.data.error.issues[0]).toMatchObject({ path: 'consent' });
    expect(await writeCounts()).toEqual(before);
  });

  it('bad input on every field gets a Vietnamese message naming the field and writes nothing', async () => {
    const { token } = await setup();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ fullName: '' }, 'fullName', /^Họ và tên: vui lòng nhập/],
      [{ fullName: 'Nguyen 123' }, 'fullName', /^Họ và tên: /],
      [{ fullName: 42 }, 'fullName', /^Họ và tên: phải là chữ/],
      [{ fullName: 'x'.repeat(500) }, 'fullName', /^Họ và tên: quá dài/],
      [{ birthDate: '' }, 'birthDate', /^Ngày sinh: vui lòng nhập/],
      [{ birthDate: '1990-02-30' }, 'birthDate', /^Ngày sinh: ngày không đúng/],
      [{ birthDate: '12/04/1996' }, 'birthDate', /^Ngày sinh: /],
      [{ birthDate: `${Number(today.slice(0, 4)) - 10}-01-01` }, 'birthDate', /^Ngày sinh: .*đủ 15 tuổi/],
      [{ gender: '' }, 'gender', /^Giới tính: /],
      [{ gender: 'other' }, 'gender', /^Giới tính: /],
      [{ cccd: '' }, 'cccd', /^Số CCCD: vui lòng nhập/],
      [{ cccd: '12345' }, 'cccd', /^Số CCCD: phải gồm đúng 12 chữ số/],
      [{ cccd: '079196ABCDEF' }, 'cccd', /^Số CCCD: /],
      [{ phone: '' }, 'phone', /^Số điện thoại: /],
      [{ phone: '0123' }, 'phone', /^Số điện thoại: /],
      [{ phone: '0111222333' }, 'phone', /^Số điện thoại: Đầu số/],
      [{ workplace: '', informalTradeCode: '' }, 'workplace', /^Nơi làm việc: /],
      [{ workplace: 'x'.repeat(301) }, 'workplace', /^Nơi làm việc: quá dài/],
      [{ informalTradeCode: 'ASTRONAUT' }, 'informalTradeCode', /^Nghề lao động tự do: /],
      [{ consent: 'yes' }, 'consent', /^Đồng ý xử lý dữ liệu: /],
    ];
    const before = await writeCounts();
    for (const [patch, path, message] of cases) {
      const r = await apply(token, form(patch));
      expect(r.statusCode, JSON.stringify(patch)).toBe(400);
      const issue = (r.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path);
      expect(issue?.message, `${JSON.stringify(patch).slice(0, 60)} → ${r.body}`).toMatch(message);
    }
    const extra = await apply(token, { ...form(), isAdmin: true });
    expect(extra.data.error.issues[0].message).toBe('Trường không được phép: isAdmin');
    // All wrong at once: one answer naming every field.
    const all = await apply(token, { consent: false });
    expect(all.data.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['birthDate', 'cccd', 'consent', 'fullName', 'gender', 'phone', 'workplace'].sort(),
    );
    expect(await writeCounts()).toEqual(before);
  });

  it('a CCCD that disagrees with birth date or gender is accepted and kept as a warning for the reviewer', async () => {
    const { token, officer } = await setup();
    const row = await submitted(token, { cccd: cccd('male', 1980), gender: 'female', birthDate: '1996-04-12' });
    const warnings = JSON.parse(row.cccd_warnings) as string[];
    expect(warnings.join(' ')).toMatch(/năm sinh 1980/);
    expect(warnings.join(' ')).toMatch(/giới tính/);
    const shown = await officer.get(`/api/applications/${row.id}`);
    expect(shown.data.cccdWarnings).toEqual(warnings);
    const r = await officer.post(`/api/applications/${row.id}/approve`, approveBody());
    expect(r.statusCode).toBe(422);
    expect(r.data.error.code).toBe('MEMBER_WARNINGS_UNCONFIRMED');
    expect(r.data.error.issues[0].path).toBe('cccd');
    const ok = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ confirmWarnings: true }));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('the honeypot answers like a success and stores nothing', async () => {
    const { token } = await setup();
    const before = await writeCounts();
    const r = await apply(token, form({ website: 'http://spam.example' }));
    expect(r.statusCode).toBe(201);
    expect(r.data).toEqual({ ok: true, unitName: 'CĐCS Công ty TNHH An Phát', phone: '0912345678' });
    expect(await writeCounts()).toEqual(before);
  });

  it('the submission past the hourly limit of one address is refused; the limit is a dated rule', async () => {
    const { token } = await setup();
    const ip = '203.0.113.9';
    const perIp = await ruleAt(env.ctx.db, APPLY_LIMIT_RULES.perIpPerHour, todayIn(env.ctx.config.timeZone));
    expect(perIp).toBe(5);
    for (let i = 0; i < perIp; i++) {
      expect((await apply(token, form(), ip)).statusCode).toBe(201);
    }
    const before = await writeCounts();
    const r = await apply(token, form(), ip);
    expect(r.statusCode).toBe(429);
    expect(r.data.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    });
    expect(await writeCounts()).toEqual(before);
    // A bot caught by the honeypot counts too, and another address is not affected.
    expect((await apply(token, form({ website: 'x' }), ip)).statusCode).toBe(429);
    expect((await apply(token, form(), '203.0.113.10')).statusCode).toBe(201);
    // Forms sent back with errors do not use up a worker's quota, up to a looser limit.
    const typo = '203.0.113.11';
    for (let i = 0; i < 8; i++) expect((await apply(token, form({ phone: '1' }), typo)).statusCode).toBe(400);
    expect((await apply(token, form(), typo)).statusCode).toBe(201);
    // A federation tightens the limit by a dated row: from that day one submission per address and hour.
    const today = todayIn(env.ctx.config.timeZone);
    await env.ctx.db
      .insertInto('rule_setting')
      .values({ key: APPLY_LIMIT_RULES.perIpPerHour, value: '1', valid_from: today, valid_to: null, note: 'test' })
      .execute();
    try {
      expect((await apply(token, form(), '203.0.113.12')).statusCode).toBe(201);
      expect((await apply(token, form(), '203.0.113.12')).statusCode).toBe(429);
    } finally {
      await env.ctx.db
        .deleteFrom('rule_setting')
        .where('key', '=', APPLY_LIMIT_RULES.perIpPerHour)
        .where('valid_from', '=', today)
        .execute();
    }
  });

  it('a cross-site page cannot post the form', async () => {
    const { token } = await setup();
    const r = await env.app.inject({
      method: 'POST',
      url: `/api/public/apply/${token}`,
      headers: { origin: 'https://evil.example' },
      payload: form(),
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('reviewing applications', () => {
  const countsOf = async (c: Client, unitId: number) =>
    (await c.get(`/api/members/counts?unitId=${unitId}`)).data as { admitted: number; activeAtEnd: number };

  it('approving admits through the same admission: member listed and counted; no second decision', async () => {
    const { t, officer, token } = await setup();
    const row = await submitted(token, { fullName: 'Lê Thị Hồng' });
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
    const r = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ ceremonyDate: today }));
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data.application).toMatchObject({ status: 'approved', activeElsewhere: null });
    const membershipId = r.data.application.membershipId as number;
    expect(membershipId).toBe(r.data.admission.admitted[0].membershipId);
    const after = await countsOf(officer, t.cdcsA);
    expect(after.admitted).toBe(before.admitted + 1);
    expect(after.activeAtEnd).toBe(before.activeAtEnd + 1);
    const member = await officer.get(`/api/members/${membershipId}`);
    expect(member.data).toMatchObject({
      fullName: 'Lê Thị Hồng',
      unitId: t.cdcsA,
      applicationDate: today,
      decisionNo: '21/QĐ-CĐCS',
      phone: '0912345678',
    });
    const members = await officer.get(`/api/members?unitId=${t.cdcsA}`);
    expect(members.data.items.map((m: { id: number }) => m.id)).toContain(membershipId);

    const beforeAgain = await writeCounts();
    const twice = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ decisionNo: 'x' }));
    expect(twice.statusCode).toBe(409);
    expect(twice.data.error.code).toBe('APPLICATION_DECIDED');
    expect((await officer.post(`/api/applications/${row.id}/reject`, { reason: 'muộn' })).statusCode).toBe(409);
    expect(await writeCounts()).toEqual(beforeAgain);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}`)).data.total).toBe(0);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}&status=approved`)).data.total).toBe(1);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('entity', '=', 'application')
      .where('entity_id', '=', String(row.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['application.submit', 'application.approve']);
  });

  it('the reviewer may tie the typed workplace to an enterprise of the scope, not to another subtree’s', async () => {
    const { t, officer, token } = await setup();
    const ent = await officer.post('/api/enterprises', {
      unitId: t.districtA,
      name: 'Công ty TNHH May An Phát',
      ownershipCode: 'PRIVATE',
    });
    expect(ent.statusCode, ent.body).toBe(201);
    const other = await makeUser(env, 'officer', t.districtB);
    const foreign = await other.post('/api/enterprises', {
      unitId: t.districtB,
      name: 'Công ty Bình Minh',
      ownershipCode: 'PRIVATE',
    });
    const row = await submitted(token, { workplace: 'May An Phát' });
    const refused = await officer.post(
      `/api/applications/${row.id}/approve`,
      approveBody({ employerEnterpriseId: foreign.data.id }),
    );
    expect(refused.statusCode).toBe(404);
    const r = await officer.post(
      `/api/applications/${row.id}/approve`,
      approveBody({ employerEnterpriseId: ent.data.id }),
    );
    expect(r.statusCode, r.body).toBe(200);
    const member = await officer.get(`/api/members/${r.data.application.membershipId}`);
    expect(member.data).toMatchObject({ employerEnterpriseId: ent.data.id, employerName: 'Công ty TNHH May An Phát' });
  });

  it('rejecting needs a reason and is final', async () => {
    const { t, officer, token } = await setup();
    const number = cccd('female', 1996);
    const row = await submitted(token, { cccd: number });
    const before = await writeCounts();
    const missing = await officer.post(`/api/applications/${row.id}/reject`, { reason: '   ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.data.error.issues[0].path).toBe('reason');
    expect(await writeCounts()).toEqual(before);
    const r = await officer.post(`/api/applications/${row.id}/reject`, {
      reason: 'Là giám đốc doanh nghiệp, không thuộc đối tượng kết nạp',
    });
    expect(r.statusCode).toBe(200);
    expect(r.data).toMatchObject({ status: 'rejected', rejectReason: expect.stringMatching(/giám đốc/) });
    expect((await officer.post(`/api/applications/${row.id}/approve`, approveBody())).statusCode).toBe(409);
    expect((await officer.get(`/api/applications?unitId=${t.cdcsA}&status=rejected`)).data.total).toBe(1);
    // After a rejection the person may apply again.
    expect((await apply(token, form({ cccd: number }))).statusCode).toBe(201);
  });

  it('flags a possible transfer, naming the other unit only inside the caller scope', async () => {
    const { t, officer, token } = await setup();
    const number = cccd('male', 1988);
    const admitted = await env.admin.post('/api/members/admissions', {
      unitId: t.cdcsB,
      applicationDate: '2024-03-01',
      decisionNo: '3/QĐ',
      decisionDate: '2024-03-10',
      people: [{ fullName: 'Võ Văn Tâm', birthDate: '1988-01-01', gender: 'male', cccd: number }],
    });
    expect(admitted.statusCode, admitted.body).toBe(201);
    const row = await submitted(token, {
      fullName: 'Võ Văn Tâm',
      gender: 'male',
      birthDate: '1988-01-01',
      cccd: number,
    });
    const mine = await officer.get(`/api/applications/${row.id}`);
    expect(mine.data.activeElsewhere).toEqual({ unitId: null, unitName: null });
    expect(mine.body).not.toContain('Bình Minh');
    const top = await env.admin.get(`/api/applications/${row.id}`);
    expect(top.data.activeElsewhere).toEqual({ unitId: t.cdcsB, unitName: 'CĐCS Công ty Cổ phần Bình Minh' });
    const before = await writeCounts();
    const r = await officer.post(`/api/applications/${row.id}/approve`, approveBody());
    expect(r.statusCode).toBe(409);
    expect(r.data.error.code).toBe('MEMBER_ACTIVE_ELSEWHERE');
    expect(r.data.error.message).toContain('Võ Văn Tâm');
    expect(r.body).not.toContain('Bình Minh');
    expect(await writeCounts()).toEqual(before);
    // The union holding the member learnt of it when the worker applied, once.
    const holding = await makeUser(env, 'officer', t.districtB);
    const notes = await holding.get('/api/members/possible-transfers');
    expect(notes.data.items).toHaveLength(1);
    expect(notes.data.items[0]).toMatchObject({ source: 'application', side: 'holding', fullName: 'Võ Văn Tâm' });
  });

  it('a sibling subtree cannot see or decide the application', async () => {
    const { t, token } = await setup();
    const row = await submitted(token);
    const other = await makeUser(env, 'federation_admin', t.districtB);
    const before = await writeCounts();
    expect((await other.get(`/api/applications/${row.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/applications/${row.id}/approve`, approveBody())).statusCode).toBe(404);
    expect((await other.post(`/api/applications/${row.id}/reject`, { reason: 'x' })).statusCode).toBe(404);
    expect((await other.get(`/api/applications?unitId=${t.cdcsA}`)).statusCode).toBe(404);
    expect((await other.get('/api/applications')).data.items.map((a: { id: number }) => a.id)).not.toContain(row.id);
    expect((await other.post(`/api/applications/links/${t.cdcsA}/rotate`)).statusCode).toBe(404);
    expect(await writeCounts()).toEqual(before);
    // A viewer of the unit reads the queue but does not decide.
    const viewer = await makeUser(env, 'viewer', t.districtA);
    expect((await viewer.get(`/api/applications?unitId=${t.cdcsA}`)).data.total).toBe(1);
    expect((await viewer.post(`/api/applications/${row.id}/approve`, approveBody())).statusCode).toBe(403);
  });

  it("a federation unit's link: approve into a chosen grassroots union of the caller's scope", async () => {
    const { t, officer } = await setup();
    const link = await officer.post(`/api/applications/links/${t.districtA}`);
    expect(link.statusCode).toBe(201);
    const info = JSON.parse(
      (await env.app.inject({ method: 'GET', url: `/api/public/apply/${tokenOf(link.data.link.url)}` })).body,
    );
    expect(info).toMatchObject({ unitName: 'LĐLĐ huyện An Bình', parentName: 'LĐLĐ tỉnh Thử nghiệm' });
    const row = await submitted(tokenOf(link.data.link.url), {
      workplace: undefined,
      informalTradeCode: 'STREET_VENDOR',
    });
    const shown = await officer.get(`/api/applications/${row.id}`);
    expect(shown.data).toMatchObject({ unitIsGrassroots: false, informalTradeName: 'Bán hàng rong' });
    const before = await writeCounts();
    const noUnit = await officer.post(`/api/applications/${row.id}/approve`, approveBody());
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.data.error.issues[0]).toMatchObject({
      path: 'unitId',
      message: expect.stringMatching(/công đoàn cơ sở/),
    });
    const federation = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ unitId: t.districtA }));
    expect(federation.statusCode).toBe(400);
    expect(federation.data.error.issues[0].path).toBe('unitId');
    const sibling = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ unitId: t.cdcsB }));
    expect(sibling.statusCode).toBe(404);
    expect(await writeCounts()).toEqual(before);
    const ok = await officer.post(`/api/applications/${row.id}/approve`, approveBody({ unitId: t.cdcsA }));
    expect(ok.statusCode, ok.body).toBe(200);
    const member = await officer.get(`/api/members/${ok.data.application.membershipId}`);
    expect(member.data).toMatchObject({ unitId: t.cdcsA, informal: true, informalTradeCode: 'STREET_VENDOR' });
  });

  it('several applications by one decision: all admitted and counted, or none', async () => {
    const { t, officer, token } = await setup();
    const rows = [
      await submitted(token, { fullName: 'Phan Văn Một' }),
      await submitted(token, { fullName: 'Phan Thị Hai' }),
      await submitted(token, { fullName: 'Phan Văn Ba', cccd: cccd('female', 1980) }),
    ];
    const ids = rows.map((r) => r.id);
    const body = { ...approveBody({ decisionNo: '30/QĐ-CĐCS' }), ids };
    const other = await setup();
    const foreign = await submitted(other.token);
    const before = await writeCounts();
    // The third's CCCD disagrees with gender and birth year: nothing is written until it is confirmed.
    const unconfirmed = await officer.post('/api/applications/approve', body);
    expect(unconfirmed.statusCode).toBe(422);
    expect(unconfirmed.data.error.issues[0]).toMatchObject({
      path: 'ids.2',
      message: expect.stringMatching(/^Phan Văn Ba: /),
    });
    const duplicated = await officer.post('/api/applications/approve', { ...body, ids: [ids[0], ids[0]] });
    expect(duplicated.statusCode).toBe(400);
    // Another subtree's application among them: 404 for the lot (the sibling officer cannot see A's).
    const mixed = await other.officer.post('/api/applications/approve', { ...body, ids: [foreign.id, ids[0]] });
    expect(mixed.statusCode).toBe(404);
    expect(await writeCounts()).toEqual(before);

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
    const { officer, token } = await setup();
    const pending = await submitted(token, { fullName: 'Đoàn Thị Rút' });
    const before = await writeCounts();
    expect((await officer.post(`/api/applications/${pending.id}/erase`, { reason: ' ' })).statusCode).toBe(400);
    expect(await writeCounts()).toEqual(before);
    const r = await officer.post(`/api/applications/${pending.id}/erase`, {
      reason: 'Người nộp rút lại sự đồng ý qua điện thoại',
    });
    expect(r.statusCode).toBe(200);
    expect(await env.ctx.db.selectFrom('application').select('id').where('id', '=', pending.id).execute()).toEqual([]);
    expect((await officer.get(`/api/applications/${pending.id}`)).statusCode).toBe(404);
    const entry = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'application.erase')
      .where('entity_id', '=', String(pending.id))
      .executeTakeFirstOrThrow();
    expect(entry.after_json).toContain('rút lại');
    expect(`${entry.before_json}${entry.after_json}`).not.toContain('Đoàn Thị Rút');

    const admitted = await submitted(token);
    expect((await officer.post(`/api/applications/${admitted.id}/approve`, approveBody())).statusCode).toBe(200);
    const refused = await officer.post(`/api/applications/${admitted.id}/erase`, { reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.data.error.code).toBe('APPLICATION_ADMITTED');
  });

  it('a decision dated in the future or before the application is refused at its field', async () => {
    const { officer, token } = await setup();
    const row = await submitted(token);
    const future = await officer.post(
      `/api/applications/${row.id}/approve`,
      approveBody({ decisionDate: '2999-01-01' }),
    );
    expect(future.statusCode).toBe(400);
    expect(future.data.error.issues.map((i: { path: string }) => i.path)).toContain('decisionDate');
    const early = await officer.post(
      `/api/applications/${row.id}/approve`,
      approveBody({ decisionDate: '2020-01-01' }),
    );
    expect(early.statusCode).toBe(400);
    expect(early.data.error.issues.map((i: { path: string }) => i.path)).toContain('decisionDate');
  });
});
