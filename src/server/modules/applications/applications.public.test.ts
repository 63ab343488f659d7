import { describe, expect, it } from 'vitest';
import { todayIn } from '../../platform/dates.js';
import { ruleAt } from '../../platform/rules.js';
import { makeUser } from '../../test/harness.js';
import { cccd } from '../../test/people.js';
import { applicationsFixture, form, tokenOf } from './applications.fixture.js';
import { APPLY_LIMIT_RULES } from './applications.public.js';
import { consentAt } from './applications.repository.js';

/** The worker's side: a unit's link and its poster, the public form, consent, limits and the honeypot. */
const fx = applicationsFixture();

describe('apply links', () => {
  it('are made once per unit, rotated on request, and an old link says it is no longer valid', async () => {
    const { t, officer, token } = await fx.setup();
    const again = await officer.post(`/api/applications/links/${t.cdcsA}`);
    expect(again.statusCode).toBe(200);
    expect(tokenOf(again.data.link?.url ?? '')).toBe(token);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(again.data.link?.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    const got = await officer.get(`/api/applications/links/${t.cdcsA}`);
    expect(got.data.link?.url).toBe(again.data.link?.url);
    expect((await officer.get(`/api/applications/links/${t.cdcsB}`)).statusCode).toBe(404);

    const info = await fx.env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` });
    expect(info.statusCode).toBe(200);
    expect(JSON.parse(info.body)).toMatchObject({ valid: true, unitName: 'CĐCS Công ty TNHH An Phát' });
    const consent = JSON.parse(info.body).consent;
    expect(consent.controller).toContain('CĐCS Công ty TNHH An Phát');
    expect(consent.rights).toMatch(/rút lại sự đồng ý/);
    expect(consent.rights).toContain('91/2025/QH15');
    // The consent text is dated: before the law took effect, the decree then in force is cited.
    expect((await consentAt(fx.env.ctx.db, '2025-09-01'))?.rights_vi).toContain('13/2023/NĐ-CP');
    expect((await consentAt(fx.env.ctx.db, '2026-01-01'))?.version).toBe('2026-01');

    const rotated = await officer.post(`/api/applications/links/${t.cdcsA}/rotate`);
    expect(rotated.statusCode).toBe(200);
    const fresh = tokenOf(rotated.data.link?.url ?? '');
    expect(fresh).not.toBe(token);
    const old = await fx.env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` });
    expect(JSON.parse(old.body)).toMatchObject({ valid: false, consent: null });
    const before = await fx.writeCounts();
    const r = await fx.apply(token, form());
    expect(r.statusCode).toBe(410);
    expect(r.data.error.message).toContain('Đường link này không còn hiệu lực');
    expect(await fx.writeCounts()).toEqual(before);
    expect((await fx.apply(fresh, form())).statusCode).toBe(201);

    const unknown = await fx.env.app.inject({ method: 'GET', url: '/api/public/apply/AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown.statusCode).toBe(404);
    expect(JSON.parse(unknown.body).error.code).toBe('APPLY_LINK_INVALID');
    const audit = await fx.env.ctx.db
      .selectFrom('audit_log')
      .select('action')
      .where('unit_id', '=', t.cdcsA)
      .where('action', 'like', 'apply_link.%')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['apply_link.create', 'apply_link.create', 'apply_link.revoke']);
  });

  it('a viewer may see the link but not make one', async () => {
    const { t } = await fx.setup();
    const viewer = await makeUser(fx.env, 'viewer', t.districtA);
    expect((await viewer.get(`/api/applications/links/${t.cdcsA}`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/applications/links/${t.cdcsA}/rotate`)).statusCode).toBe(403);
  });
});

describe('submitting an application', () => {
  it('stores it pending with the consent version and server time, the CCCD encrypted and masked', async () => {
    const { token } = await fx.setup();
    const info = JSON.parse((await fx.env.app.inject({ method: 'GET', url: `/api/public/apply/${token}` })).body);
    const number = cccd('male', 1990);
    const started = new Date().toISOString();
    const r = await fx.apply(
      token,
      form({ fullName: '  Trần   Văn Bình ', gender: 'male', birthDate: '1990-02-03', cccd: number, workplace: '' }),
    );
    expect(r.statusCode).toBe(400); // neither workplace nor trade
    expect(r.data.error.issues).toEqual([{ path: 'workplace', message: expect.stringMatching(/^Nơi làm việc: /) }]);
    const ok = await fx.apply(
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
    const row = await fx.env.ctx.db
      .selectFrom('application')
      .selectAll()
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'pending',
      full_name: 'Trần Văn Bình',
      informal_trade_code: 'RIDER',
      phone: '0912345678',
      consent_version: info.consent.version,
      submitted_on: fx.today,
      cccd_kind: 'cccd',
    });
    expect(row.consent_at >= started && row.consent_at <= new Date().toISOString()).toBe(true);
    expect(row.consent_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.cccd_masked).toBe(`${number.slice(0, 4)}•••••${number.slice(-3)}`);
    expect(row.cccd_enc).not.toContain(number);
    expect(JSON.stringify(row)).not.toContain(number);

    // The same person again at the same unit while the first is pending: a friendly 409, nothing new.
    const before = await fx.writeCounts();
    const dup = await fx.apply(token, form({ cccd: number, gender: 'male', birthDate: '1990-02-03' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.data.error.message).toMatch(/^Đơn của bạn đã được gửi, đang chờ xét/);
    expect(await fx.writeCounts()).toEqual(before);
  });

  it('without the consent box ticked nothing is written', async () => {
    const { token } = await fx.setup();
    const before = await fx.writeCounts();
    for (const consent of [false, undefined]) {
      const r = await fx.apply(token, form({ consent }));
      expect(r.statusCode).toBe(400);
      expect(r.data.error.issues).toEqual([
        { path: 'consent', message: expect.stringMatching(/^Đồng ý xử lý dữ liệu cá nhân: /) },
      ]);
    }
    const stale = await fx.apply(token, form({ consentVersion: '1999-01' }));
    expect(stale.data.error.issues[0]).toMatchObject({ path: 'consent' });
    expect(await fx.writeCounts()).toEqual(before);
  });

  it('bad input on every field gets a Vietnamese message naming the field and writes nothing', async () => {
    const { token } = await fx.setup();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ fullName: '' }, 'fullName', /^Họ và tên: vui lòng nhập/],
      [{ fullName: 'Nguyen 123' }, 'fullName', /^Họ và tên: /],
      [{ fullName: 42 }, 'fullName', /^Họ và tên: phải là chữ/],
      [{ fullName: 'x'.repeat(500) }, 'fullName', /^Họ và tên: quá dài/],
      [{ birthDate: '' }, 'birthDate', /^Ngày sinh: vui lòng nhập/],
      [{ birthDate: '1990-02-30' }, 'birthDate', /^Ngày sinh: ngày không đúng/],
      [{ birthDate: '12/04/1996' }, 'birthDate', /^Ngày sinh: /],
      [{ birthDate: `${Number(fx.today.slice(0, 4)) - 10}-01-01` }, 'birthDate', /^Ngày sinh: .*đủ 15 tuổi/],
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
    const before = await fx.writeCounts();
    for (const [patch, path, message] of cases) {
      const r = await fx.apply(token, form(patch));
      expect(r.statusCode, JSON.stringify(patch)).toBe(400);
      const issue = (r.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path);
      expect(issue?.message, `${JSON.stringify(patch).slice(0, 60)} → ${r.body}`).toMatch(message);
    }
    const extra = await fx.apply(token, { ...form(), isAdmin: true });
    expect(extra.data.error.issues[0].message).toBe('Trường không được phép: isAdmin');
    // All wrong at once: one answer naming every field.
    const all = await fx.apply(token, { consent: false });
    expect(all.data.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(
      ['birthDate', 'cccd', 'consent', 'fullName', 'gender', 'phone', 'workplace'].sort(),
    );
    expect(await fx.writeCounts()).toEqual(before);
  });

  it('an English browser reads the form, and every field message, in English', async () => {
    const { token } = await fx.setup();
    const en = { 'accept-language': 'en-GB,en;q=0.9,vi;q=0.5' };
    const info = await fx.env.app.inject({ method: 'GET', url: `/api/public/apply/${token}`, headers: en });
    expect(JSON.parse(info.body).consent.rights).toMatch(/^You may be informed of/);
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ fullName: '' }, 'fullName', /^Full name: please enter your full name$/],
      [{ fullName: 'Nguyen 123' }, 'fullName', /^Full name: letters only/],
      [{ fullName: 42 }, 'fullName', /^Full name: must be text$/],
      [{ fullName: 'x'.repeat(500) }, 'fullName', /^Full name: too long \(at most 200 characters\)$/],
      [{ birthDate: '' }, 'birthDate', /^Date of birth: please enter/],
      [{ birthDate: '1990-02-30' }, 'birthDate', /^Date of birth: no such date/],
      [{ birthDate: '2999-01-01' }, 'birthDate', /^Date of birth: cannot be after today$/],
      [{ birthDate: `${Number(fx.today.slice(0, 4)) - 10}-01-01` }, 'birthDate', /at least 15 years old$/],
      [{ birthDate: '1900-01-01' }, 'birthDate', /^Date of birth: 01\/01\/1900 is not plausible/],
      [{ gender: '' }, 'gender', /^Gender: please choose male or female$/],
      [{ gender: 'other' }, 'gender', /^Gender: choose male or female only$/],
      [{ cccd: '' }, 'cccd', /^CCCD number: please enter/],
      [{ cccd: '12345' }, 'cccd', /^CCCD number: must be exactly 12 digits \(5 characters entered\)$/],
      [{ phone: '' }, 'phone', /^Phone number: please enter/],
      [{ phone: '0111222333' }, 'phone', /^Phone number: not a Vietnamese mobile/],
      [{ workplace: '', informalTradeCode: '' }, 'workplace', /^Workplace: enter where you work/],
      [{ workplace: 'x'.repeat(301) }, 'workplace', /^Workplace: too long \(at most 300 characters\)$/],
      [{ informalTradeCode: 'ASTRONAUT' }, 'informalTradeCode', /^Informal trade: not in the list/],
      [{ consent: false }, 'consent', /^Consent to personal data processing: read the text/],
      [
        { consentVersion: '1999-01' },
        'consent',
        /^Consent to personal data processing: the text has just been updated/,
      ],
      [{ consent: 'yes' }, 'consent', /^Consent to data processing: must be true or false$/],
    ];
    const before = await fx.writeCounts();
    for (const [patch, path, message] of cases) {
      const r = await fx.apply(token, form(patch), undefined, en);
      expect(r.statusCode, JSON.stringify(patch)).toBe(400);
      expect(r.data.error.message).toBe('Invalid data');
      const issue = (r.data.error.issues as { path: string; message: string }[]).find((i) => i.path === path);
      expect(issue?.message, `${JSON.stringify(patch).slice(0, 60)} → ${r.body}`).toMatch(message);
    }
    const extra = await fx.apply(token, { ...form(), isAdmin: true }, undefined, en);
    expect(extra.data.error.issues[0].message).toBe('Field not allowed: isAdmin');
    // All wrong at once: not one Vietnamese word in any of the answers.
    const all = await fx.apply(token, { consent: false }, undefined, en);
    const messages = (all.data.error.issues as { message: string }[]).map((i) => i.message);
    expect(messages).toHaveLength(7);
    for (const m of messages)
      expect(m).not.toMatch(/[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i);
    expect(await fx.writeCounts()).toEqual(before);
  });

  it('a CCCD that disagrees with birth date or gender is accepted and kept as a warning for the reviewer', async () => {
    const { token, officer } = await fx.setup();
    const row = await fx.submitted(token, { cccd: cccd('male', 1980), gender: 'female', birthDate: '1996-04-12' });
    const warnings = JSON.parse(row.cccd_warnings) as string[];
    expect(warnings.join(' ')).toMatch(/năm sinh 1980/);
    expect(warnings.join(' ')).toMatch(/giới tính/);
    const shown = await officer.get(`/api/applications/${row.id}`);
    expect(shown.data.cccdWarnings).toEqual(warnings);
    const r = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody());
    expect(r.statusCode).toBe(422);
    expect(r.data.error?.code).toBe('MEMBER_WARNINGS_UNCONFIRMED');
    expect(r.data.error?.issues?.[0]?.path).toBe('cccd');
    const ok = await officer.post(`/api/applications/${row.id}/approve`, fx.approveBody({ confirmWarnings: true }));
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('the honeypot answers like a success and stores nothing', async () => {
    const { token } = await fx.setup();
    const before = await fx.writeCounts();
    const r = await fx.apply(token, form({ website: 'http://spam.example' }));
    expect(r.statusCode).toBe(201);
    expect(r.data).toEqual({ ok: true, unitName: 'CĐCS Công ty TNHH An Phát', phone: '0912345678' });
    expect(await fx.writeCounts()).toEqual(before);
  });

  it('the submission past the hourly limit of one address is refused; the limit is a dated rule', async () => {
    const { token } = await fx.setup();
    const ip = '203.0.113.9';
    const perIp = await ruleAt(fx.env.ctx.db, APPLY_LIMIT_RULES.perIpPerHour, todayIn(fx.env.ctx.config.timeZone));
    expect(perIp).toBe(5);
    for (let i = 0; i < perIp; i++) {
      expect((await fx.apply(token, form(), ip)).statusCode).toBe(201);
    }
    const before = await fx.writeCounts();
    const r = await fx.apply(token, form(), ip);
    expect(r.statusCode).toBe(429);
    expect(r.data.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: 'Quá nhiều yêu cầu. Vui lòng thử lại sau ít phút.',
    });
    expect(await fx.writeCounts()).toEqual(before);
    // A bot caught by the honeypot counts too, and another address is not affected.
    expect((await fx.apply(token, form({ website: 'x' }), ip)).statusCode).toBe(429);
    expect((await fx.apply(token, form(), '203.0.113.10')).statusCode).toBe(201);
    // Forms sent back with errors do not use up a worker's quota, up to a looser limit.
    const typo = '203.0.113.11';
    for (let i = 0; i < 8; i++) expect((await fx.apply(token, form({ phone: '1' }), typo)).statusCode).toBe(400);
    expect((await fx.apply(token, form(), typo)).statusCode).toBe(201);
    // A federation tightens the limit by a dated row: from that day one submission per address and hour.
    const today = todayIn(fx.env.ctx.config.timeZone);
    await fx.env.ctx.db
      .insertInto('rule_setting')
      .values({ key: APPLY_LIMIT_RULES.perIpPerHour, value: '1', valid_from: today, valid_to: null, note: 'test' })
      .execute();
    try {
      expect((await fx.apply(token, form(), '203.0.113.12')).statusCode).toBe(201);
      expect((await fx.apply(token, form(), '203.0.113.12')).statusCode).toBe(429);
    } finally {
      await fx.env.ctx.db
        .deleteFrom('rule_setting')
        .where('key', '=', APPLY_LIMIT_RULES.perIpPerHour)
        .where('valid_from', '=', today)
        .execute();
    }
  });

  it('a cross-site page cannot post the form', async () => {
    const { token } = await fx.setup();
    const r = await fx.env.app.inject({
      method: 'POST',
      url: `/api/public/apply/${token}`,
      headers: { origin: 'https://evil.example' },
      payload: form(),
    });
    expect(r.statusCode).toBe(403);
  });
});
