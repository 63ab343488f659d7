import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANONYMISED_MASK } from '../../../shared/members/contract.js';
import { todayIn } from '../../platform/dates.js';
import { type Client, createTestEnv, makeTree, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';
import { cccd, person } from '../../test/people.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function admitOk(c: Client, unitId: number, people: unknown[], decisionDate = '2024-03-15') {
  const r = await c.post('/api/members/admissions', {
    unitId,
    applicationDate: '2024-03-01',
    decisionNo: '9/QĐ-CĐCS',
    decisionDate,
    people,
  });
  if (r.statusCode !== 201) throw new Error(`${r.statusCode} ${r.body}`);
  return r.data.admitted as { membershipId: number; personId: number }[];
}
async function workbook(c: Client, url: string) {
  const r = await env.app.inject({ method: 'GET', url, headers: { cookie: c.cookie } });
  if (r.statusCode !== 200) return { status: r.statusCode, body: r.body, sheets: {} as Record<string, string[][]> };
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
  const sheets: Record<string, string[][]> = {};
  for (const ws of wb.worksheets) {
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
    sheets[ws.name] = rows;
  }
  return { status: 200, body: '', sheets, disposition: String(r.headers['content-disposition']) };
}
const counts = async (c: Client, unitId: number) =>
  (await c.get(`/api/members/counts?unitId=${unitId}&from=2024-01-01&to=2024-12-31`)).data;

describe('personal data export (data subject access request)', () => {
  it('is refused to an officer (403), hidden from a sibling (404), complete for an administrator', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const adminB = await makeUser(env, 'federation_admin', t.districtB);
    const p = person('Trịnh Thị Hoa', {
      gender: 'female',
      ethnicityCode: '02',
      religionCode: 'CATHOLIC',
      phone: '0987 111 222',
      address: 'Số 5, đường Hòa Bình',
      socialInsuranceNo: '7912345678',
    });
    const [m] = await admitOk(officer, t.cdcsA, [p]);
    const id = m?.membershipId as number;
    await adminA.post(`/api/members/${id}/card`, { cardNo: 'TH-0001', issuedOn: '2024-04-01' });
    await adminA.post(`/api/members/${id}/party-introductions`, {
      introducedOn: '2024-06-01',
      partyOrganisation: 'Chi bộ An Phát',
    });

    const before = await writeCounts(env);
    expect((await workbook(officer, `/api/members/${id}/personal-data`)).status).toBe(403);
    expect((await workbook(adminB, `/api/members/${id}/personal-data`)).status).toBe(404);
    expect(await writeCounts(env)).toEqual(before);

    const wb = await workbook(adminA, `/api/members/${id}/personal-data`);
    expect(wb.status).toBe(200);
    expect(Object.keys(wb.sheets)).toEqual(['Thông tin cá nhân', 'Quá trình', 'Giới thiệu Đảng', 'Đơn và sự đồng ý']);
    const info = Object.fromEntries((wb.sheets['Thông tin cá nhân'] ?? []).map((r) => [r[0], r[1] ?? '']));
    expect(info).toMatchObject({
      'Họ và tên': 'Trịnh Thị Hoa',
      'Ngày sinh': '12/05/1990',
      'Giới tính': 'Nữ',
      'Loại giấy tờ': 'Căn cước công dân',
      'Số giấy tờ': p.cccd,
      'Dân tộc': 'Tày',
      'Tôn giáo': 'Công giáo',
      'Điện thoại': '0987111222',
      'Địa chỉ': 'Số 5, đường Hòa Bình',
      'Số sổ BHXH': '7912345678',
    });
    const history = JSON.stringify(wb.sheets['Quá trình']);
    expect(history).toContain('CĐCS Công ty TNHH An Phát');
    expect(history).toContain('TH-0001');
    expect(history).toContain('Cấp thẻ đoàn viên');
    expect(JSON.stringify(wb.sheets['Giới thiệu Đảng'])).toContain('Chi bộ An Phát');
    const logged = await env.ctx.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'member.personal_data_export')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(logged.entity_id).toBe(String(m?.personId));
    expect(logged.after_json).not.toContain(p.cccd);
    expect(JSON.parse(logged.after_json ?? '{}')).toMatchObject({ membershipId: id });
  });
});

describe('anonymisation on request', () => {
  it('erases the identity everywhere, keeps the counts, frees the CCCD for a new admission', async () => {
    const t = await makeTree(env);
    const officer = await makeUser(env, 'officer', t.districtA);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const gone = person('Quan Thị Riêng', {
      gender: 'female',
      ethnicityCode: '05',
      religionCode: 'BUDDHISM',
      phone: '0909 555 666',
      address: 'Ấp Bí Mật',
      occupation: 'Thợ may',
      socialInsuranceNo: '7900000001',
      adminAreaCode: '26734',
      adminAreaName: 'Phường Bến Nghé',
      nationality: 'VN',
    });
    const stays = person('Lâm Văn Ở');
    const [g, s] = await admitOk(officer, t.cdcsA, [gone, stays]);
    const id = g?.membershipId as number;
    const personId = g?.personId as number;
    await adminA.post(`/api/members/${id}/card`, { cardNo: 'QR-777', issuedOn: '2024-04-01' });
    await adminA.post(`/api/members/${id}/party-introductions`, {
      introducedOn: '2024-06-01',
      partyOrganisation: 'Chi bộ An Phát',
      note: 'Quan Thị Riêng gương mẫu',
    });
    await adminA.post(`/api/members/${id}/leave`, {
      date: '2024-09-01',
      kind: 'left',
      reason: 'Nghỉ việc vì bệnh của Quan Thị Riêng',
    });
    await adminA.post(`/api/members/${id}/reveal-cccd`);
    const before = await counts(adminA, t.cdcsA);
    const beforeProvince = await counts(env.admin, t.province);
    expect(before).toMatchObject({ admitted: 2, left: 1, admittedFemale: 1, partyIntroduced: 1, activeAtEnd: 1 });

    // An officer lacks person.erase; a reason is required.
    expect((await officer.post(`/api/members/${id}/anonymise`, { reason: 'Yêu cầu' })).statusCode).toBe(403);
    const noReason = await adminA.post(`/api/members/${id}/anonymise`, { reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.data.error?.issues?.[0]?.path).toBe('reason');

    const r = await adminA.post(`/api/members/${id}/anonymise`, { reason: 'Đơn yêu cầu xoá dữ liệu ngày 20/11/2026' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.data).toMatchObject({ personId, membershipsKept: 1 });

    expect(await counts(adminA, t.cdcsA)).toEqual(before);
    expect(await counts(env.admin, t.province)).toEqual(beforeProvince);

    const row = await env.ctx.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: `${ANONYMISED_MASK} #${personId}`,
      cccd_hash: null,
      cccd_enc: null,
      cccd_masked: ANONYMISED_MASK,
      birth_date: '1990-07-01',
      gender: 'female',
      nationality: 'VN',
      phone: null,
      address: null,
      admin_area_code: null,
      admin_area_name: null,
      social_insurance_no: null,
      ethnicity_code: null,
      religion_code: null,
      occupation: null,
    });
    expect(row.anonymised_at).toBeTruthy();

    // List, detail, search: the old name, number and phone lead nowhere.
    const list = await adminA.get(`/api/members?unitId=${t.cdcsA}&limit=100`);
    const listed = JSON.stringify(list.data);
    for (const needle of ['Quan Thị Riêng', gone.cccd, '0909555666', 'QR-777']) expect(listed).not.toContain(needle);
    expect(list.data.items.find((x: { id: number }) => x.id === id)).toMatchObject({
      fullName: `${ANONYMISED_MASK} #${personId}`,
      cccdMasked: ANONYMISED_MASK,
      phone: null,
    });
    const detail = await adminA.get(`/api/members/${id}`);
    const shown = JSON.stringify(detail.data);
    for (const needle of ['Quan Thị Riêng', 'Bí Mật', 'Thợ may', 'Bến Nghé', 'QR-777', 'gương mẫu', 'bệnh']) {
      expect(shown).not.toContain(needle);
    }
    expect(detail.data.sensitive).toMatchObject({ ethnicityCode: null, religionCode: null });
    expect(detail.data.sensitive?.partyIntroductions).toHaveLength(1);
    expect(detail.data.status).toBe('left');
    // A district's search and the national one (which may take another index path) alike.
    for (const c of [adminA, env.admin]) {
      for (const q of ['quan thi rieng', 'rieng', gone.cccd, '0909555']) {
        const found = await c.get(`/api/members?q=${encodeURIComponent(q)}&limit=500`);
        expect(found.data.items.map((x: { id: number }) => x.id)).not.toContain(id);
      }
    }
    const reveal = await adminA.post(`/api/members/${id}/reveal-cccd`);
    expect(reveal.statusCode).toBe(409);
    expect(reveal.data.error?.message).toContain('ẩn danh');
    const dsar = await workbook(adminA, `/api/members/${id}/personal-data`);
    expect(dsar.status).toBe(409);
    expect(JSON.parse(dsar.body).error.code).toBe('MEMBER_ANONYMISED');
    // The other member of the same decision is untouched.
    expect((await adminA.get(`/api/members/${s?.membershipId}`)).data.fullName).toBe('Lâm Văn Ở');

    // The audit trail keeps who did what, without the erased values; the erasure itself logs the reason only.
    const trail = await env.ctx.db.selectFrom('audit_log').selectAll().execute();
    const text = JSON.stringify(trail);
    for (const needle of ['Quan Thị Riêng', gone.cccd, 'QR-777', 'gương mẫu', 'bệnh'])
      expect(text).not.toContain(needle);
    expect(text).not.toContain(`${gone.cccd.slice(0, 4)}•••••${gone.cccd.slice(-3)}`);
    const entry = trail.filter((a) => a.action === 'member.anonymise');
    expect(entry).toHaveLength(1);
    expect(JSON.parse(entry[0]?.after_json ?? '{}')).toEqual({
      reason: 'Đơn yêu cầu xoá dữ liệu ngày 20/11/2026',
      membershipIds: [id],
    });
    expect(trail.filter((a) => a.entity === 'membership' && a.entity_id === String(id)).length).toBeGreaterThan(1);

    // Twice: 409, nothing written.
    const w = await writeCounts(env);
    const again = await adminA.post(`/api/members/${id}/anonymise`, { reason: 'Lần hai' });
    expect(again.statusCode).toBe(409);
    expect(again.data.error?.code).toBe('MEMBER_ALREADY_ANONYMISED');
    expect(await writeCounts(env)).toEqual(w);

    // The same CCCD may join again, as a new person (the old one keeps no link to it).
    const [back] = await admitOk(officer, t.cdcsA, [{ ...gone, fullName: 'Quan Thị Riêng' }], '2024-10-01');
    expect(back?.personId).not.toBe(personId);
    const found = await adminA.get(`/api/members?q=${gone.cccd}`);
    expect(found.data.items.map((x: { id: number }) => x.id)).toEqual([back?.membershipId]);
  });

  it('needs person.erase over every unit the person was a member of; a sibling gets 404', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const adminB = await makeUser(env, 'federation_admin', t.districtB);
    const [m] = await admitOk(adminA, t.cdcsA, [person('Khúc Văn Đi')]);
    const id = m?.membershipId as number;
    // Transferred to district B: now B's member, with history in A.
    const moved = await env.admin.post(`/api/members/${id}/transfer`, { toUnitId: t.cdcsB, date: '2024-05-01' });
    expect(moved.statusCode, moved.body).toBe(200);
    const newId = moved.data.id as number;
    const w = await writeCounts(env);
    const refused = await adminB.post(`/api/members/${newId}/anonymise`, { reason: 'Yêu cầu' });
    expect(refused.statusCode).toBe(403);
    expect(refused.data.error?.code).toBe('MEMBER_ERASE_OUT_OF_SCOPE');
    expect(refused.body).not.toContain('An Phát');
    expect(refused.body).not.toContain('An Bình');
    // A sibling's member does not exist for the caller.
    const other = await adminA.post(`/api/members/${newId}/anonymise`, { reason: 'Yêu cầu' });
    expect(other.statusCode).toBe(404);
    expect(await writeCounts(env)).toEqual(w);
    // The province (common superior) may.
    const province = await makeUser(env, 'federation_admin', t.province);
    expect((await province.post(`/api/members/${newId}/anonymise`, { reason: 'Yêu cầu' })).statusCode).toBe(200);
  });
});

describe('self-applications and their consent', () => {
  it('appear in the personal data export, and are anonymised with the person', async () => {
    const t = await makeTree(env);
    const adminA = await makeUser(env, 'federation_admin', t.districtA);
    const link = await adminA.post(`/api/applications/links/${t.cdcsA}`);
    expect(link.statusCode, link.body).toBe(201);
    const token = String(link.data.link?.url).split('/apply/')[1];
    const number = cccd('female', 1996);
    const sent = await env.app.inject({
      method: 'POST',
      url: `/api/public/apply/${token}`,
      remoteAddress: '10.99.0.7',
      payload: {
        fullName: 'Kiều Thị Đơn',
        birthDate: '1996-04-12',
        gender: 'female',
        cccd: number,
        phone: '0912 777 888',
        workplace: 'Công ty TNHH Kiều Gia',
        consent: true,
        website: '',
      },
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const application = await env.ctx.db
      .selectFrom('application')
      .selectAll()
      .where('unit_id', '=', t.cdcsA)
      .executeTakeFirstOrThrow();
    const today = todayIn(env.ctx.config.timeZone);
    const approved = await adminA.post(`/api/applications/${application.id}/approve`, {
      decisionNo: '3/QĐ-CĐCS',
      decisionDate: today,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const membershipId = approved.data.admission.admitted[0]?.membershipId as number;

    const wb = await workbook(adminA, `/api/members/${membershipId}/personal-data`);
    const consent = wb.sheets['Đơn và sự đồng ý'] ?? [];
    expect(consent).toHaveLength(2);
    expect(consent[1]?.[1]).toBe('approved');
    expect(consent[1]?.[2]).toBe(application.consent_version);
    expect(consent[1]?.[4]).toBe(application.consent_hash);

    const r = await adminA.post(`/api/members/${membershipId}/anonymise`, { reason: 'Rút lại sự đồng ý' });
    expect(r.statusCode, r.body).toBe(200);
    const after = await env.ctx.db
      .selectFrom('application')
      .selectAll()
      .where('id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(after).toMatchObject({
      full_name: `${ANONYMISED_MASK} #${r.data.personId}`,
      cccd_hash: null,
      cccd_enc: null,
      cccd_masked: ANONYMISED_MASK,
      phone: '',
      workplace: null,
      birth_date: '1996-07-01',
      status: 'approved',
      consent_hash: application.consent_hash,
    });
    const listed = await adminA.get(`/api/applications?unitId=${t.cdcsA}&status=approved`);
    expect(JSON.stringify(listed.data)).not.toContain('Kiều Thị Đơn');
    const trail = JSON.stringify(await env.ctx.db.selectFrom('audit_log').selectAll().execute());
    expect(trail).not.toContain('Kiều Thị Đơn');
  });
});
