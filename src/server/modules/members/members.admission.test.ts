import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeUser, type TestEnv, writeCounts } from '../../test/harness.js';
import { admit, admitOk, byPath, countsOf, membersSetup } from '../../test/members.js';
import { cccd, person } from '../../test/people.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

const setup = () => membersSetup(env);

/** Admission decisions: who may be admitted, what is checked, and what is written. */
describe('members: admission', () => {
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

  it('asks to confirm a CCCD that disagrees with the birth year, and writes nothing until confirmed', async () => {
    const { t, officer } = await setup();
    const wrong = person('Trần Văn Nhầm', { cccd: cccd('male', 1988) });
    const people = [person('Người Đúng Một'), wrong];
    const before = await writeCounts(env);
    const r = await admit(officer, t.cdcsA, people);
    expect(r.statusCode).toBe(422);
    expect(r.data.error?.code).toBe('MEMBER_WARNINGS_UNCONFIRMED');
    expect(r.data.error?.issues).toEqual([
      { path: 'people.1.cccd', message: 'Số CCCD cho năm sinh 1988 nhưng ngày sinh là 12/05/1990' },
    ]);
    expect(r.data.error?.message).toContain('people.1.cccd');
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
    const shapePaths = shape.data.error?.issues?.map((i: { path: string }) => i.path);
    expect(shapePaths).toEqual(
      expect.arrayContaining([
        'people.0.birthDate',
        'people.1.gender',
        'people.2.fullName',
        'people.3.cccd',
        'people.4.nationality',
      ]),
    );
    expect(byPath(shape.data.error?.issues)['people.0.birthDate']).toMatch(/^Ngày /);
    expect(byPath(shape.data.error?.issues)['people.3.cccd']).toBe('Thiếu trường bắt buộc');

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
    const m = byPath(r.data.error?.issues);
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
    expect(byPath(dates.data.error?.issues)).toEqual({
      unitId: '"LĐLĐ huyện An Bình" không phải công đoàn cơ sở; chỉ công đoàn cơ sở mới có đoàn viên',
      applicationDate: 'Ngày nộp đơn không được sau ngày quyết định kết nạp',
      ceremonyDate: 'Ngày tổ chức lễ kết nạp không được trước ngày quyết định',
    });
    expect(await writeCounts(env)).toEqual(before);
  });

  it('names the same fields in English for a user who reads English', async () => {
    const { t } = await setup();
    const officer = await makeUser(env, 'officer', t.districtA);
    expect((await officer.put('/api/auth/me/locale', { locale: 'en' })).statusCode).toBe(200);
    const before = await writeCounts(env);
    const r = await admit(officer, t.cdcsA, [
      person('Sai Số', { cccd: '07909012' }),
      person('Sai Mã', { ethnicityCode: 'XX' }),
      person('Người Hàn', { nationality: 'KR', cccd: 'M1' }),
      person('Quá Trẻ', { birthDate: '2012-01-01' }),
    ]);
    expect(r.statusCode).toBe(400);
    expect(byPath(r.data.error?.issues)).toEqual({
      'people.0.cccd': 'A CCCD number has 12 digits (or 9 for an old CMND); this one has 8',
      'people.1.ethnicityCode': 'Ethnicity "XX" is not in the list',
      'people.2.cccd': 'A passport number has 6–20 letters or digits',
      'people.2.nationality': 'Foreign workers may be admitted from 01/07/2025 on (Trade Union Law 2024)',
      'people.3.birthDate': 'A new member must be at least 15 years old on the decision date',
    });
    const shape = await admit(officer, t.cdcsA, [person('A', { birthDate: '12/05/1990', gender: 'nam' })]);
    const shapeIssues = shape.data.error?.issues ?? [];
    expect(shapeIssues).toContainEqual({ path: 'people.0.birthDate', message: 'A date must be written YYYY-MM-DD' });
    expect(shapeIssues).toContainEqual({ path: 'people.0.gender', message: 'Gender must be male or female' });
    const warned = await admit(officer, t.cdcsA, [person('Trần Văn Nhầm', { cccd: cccd('male', 1988) })]);
    expect(warned.statusCode).toBe(422);
    expect(warned.data.error?.issues).toEqual([
      { path: 'people.0.cccd', message: 'The CCCD number gives birth year 1988 but the date of birth is 12/05/1990' },
    ]);
    expect(warned.data.error?.message).toContain('The CCCD number gives birth year 1988');
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
    expect(seen.data.error?.code).toBe('MEMBER_ACTIVE_ELSEWHERE');
    expect(seen.data.error?.message).toContain('people.1');
    expect(seen.data.error?.message).toContain('CĐCS Công ty TNHH An Phát');
    expect(seen.data.error?.message).toContain('chuyển sinh hoạt');
    expect(seen.data.error?.issues?.[0]?.path).toBe('people.1.cccd');
    // District B's officer is told the fact, not where.
    const blind = await admit(officerB, t.cdcsB, [p]);
    expect(blind.statusCode).toBe(409);
    expect(blind.data.error?.message).not.toContain('An Phát');
    expect(blind.data.error?.message).toContain('ngoài phạm vi');
    // The same, typed with spaces and as an Excel number without its leading zero.
    const spaced = await admit(officer, t.cdcsA, [
      { ...p, cccd: ` ${p.cccd.slice(1, 4)} ${p.cccd.slice(4)}`, confirmWarnings: true },
    ]);
    expect(spaced.statusCode).toBe(409);
    expect(await writeCounts(env)).toEqual(before);
  });
});
