import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TReview } from '../../../shared/reviews/contract.js';
import { type Client, createTestEnv, makeTree, makeUser, rowCounts, type TestEnv } from '../../test/harness.js';
import { admitOk, byPath } from '../../test/members.js';
import { person } from '../../test/people.js';
import { docxParts, para, paragraphs, runStyle } from '../documents/documents.fixture.js';
import { mm } from '../documents/documents.format.js';
import { planBody } from '../plans/plans.fixture.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof makeTree>>;
let a: Client;
let b: Client;
let province: Client;
let planA: number;
let planP: number;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await makeTree(env);
  a = await makeUser(env, 'federation_admin', tree.districtA);
  b = await makeUser(env, 'federation_admin', tree.districtB);
  province = await makeUser(env, 'federation_admin', tree.province);
  const issued = async (c: Client, body: Record<string, unknown>) => {
    const r = await c.post('/api/plans', body);
    if (r.statusCode !== 201) throw new Error(r.body);
    await c.post(`/api/plans/${r.data.id}/issue`);
    return r.data;
  };
  const p = await issued(province, {
    ...planBody(tree.province, { number: '60', place: 'Đồng Xoài' }),
    targets: [{ code: 'T3', metric: 'members.admitted', goal: 10 }],
  });
  planP = p.id;
  const shares = await province.put(`/api/plans/${planP}/targets/${p.targets[0]?.id}/shares`, {
    shares: [
      { unitId: tree.districtA, goal: 4 },
      { unitId: tree.districtB, goal: 6 },
    ],
    assignment: { number: '175/QĐ-LĐLĐ', decidedOn: '2024-04-10' },
  });
  expect(shares.statusCode, shares.body).toBe(200);
  planA = (await issued(a, planBody(tree.districtA))).id;
  await admitOk(env.admin, tree.cdcsA, [person('Lê Thị An'), person('Lê Thị Bình')], on('2024-05-10'));
  const ent = await a.post('/api/enterprises', {
    unitId: tree.districtA,
    name: 'Công ty TNHH Chưa Tiếp Cận',
    ownershipCode: 'PRIVATE',
    survey: { surveyDate: '2024-05-01', workerCount: 40 },
  });
  expect(ent.statusCode, ent.body).toBe(201);
});
afterAll(async () => {
  await env?.close();
});

const on = (decisionDate: string) => ({ decisionDate, applicationDate: decisionDate, ceremonyDate: null });
const q2 = { kind: 'quarter', year: 2024, part: 2 };

const rows = () => rowCounts(env, ['plan_review', 'audit_log']);
/** A refused call answers `status` with a Vietnamese message on `path` and writes nothing. */
async function refused(
  call: () => Promise<{ statusCode: number; body: string; json: () => unknown }>,
  path: string,
  text: RegExp,
  status = 400,
) {
  const before = await rows();
  const r = await call();
  expect(r.statusCode, r.body).toBe(status);
  if (status === 400)
    expect(
      byPath((r.json() as { error: { issues: { path: string; message: string }[] } }).error.issues)[path],
      r.body,
    ).toMatch(text);
  expect(await rows()).toEqual(before);
}

describe('reviews: create, edit, freeze, send up, acknowledge, new version', () => {
  let review: TReview;
  it('creates the Q2/2024 review with live figures and draft sentences from them', async () => {
    const r = await a.post(`/api/plans/${planA}/reviews`, q2);
    expect(r.statusCode, r.body).toBe(201);
    review = r.data;
    expect(review).toMatchObject({
      status: 'draft',
      label: 'quý II năm 2024',
      periodFrom: '2024-04-01',
      periodTo: '2024-06-30',
      version: 1,
      live: true,
    });
    const t3 = review.figures.targets.find((t) => t.code === 'T3');
    expect(t3).toMatchObject({ goal: 4, actual: 2, percent: 50, inPeriod: 2 });
    expect(review.sections.results).toContain('Kết nạp 2/4 đoàn viên (50%)');
    // The union of the tree was founded before the period: both admissions are in an existing union.
    expect(review.figures.admissions).toEqual({ total: 2, newUnion: 0, existingUnion: 2, informal: 0 });
    expect(review.sections.situation).toContain('Tính đến ngày 30/06/2024');
    expect(review.parent).toEqual({ unitId: tree.province, name: 'LĐLĐ tỉnh Thử nghiệm' });
    // The frame's enterprise no outreach has reached is on the list the report hands on.
    expect(review.figures.outreach).toEqual({ frame: 1, reached: 0 });
    expect(review.figures.notReached).toEqual([{ name: 'Công ty TNHH Chưa Tiếp Cận', mst: null, workers: 40 }]);
  });

  it('refuses a period missing its part, outside the plan, or twice, and writes nothing', async () => {
    await refused(
      () => a.post(`/api/plans/${planA}/reviews`, { kind: 'quarter', year: 2024 }),
      'kind',
      /Kỳ báo cáo chưa đủ thông tin/,
    );
    await refused(
      () => a.post(`/api/plans/${planA}/reviews`, { kind: 'quarter', year: 2023, part: 4 }),
      'to',
      /nằm ngoài thời gian của kế hoạch/,
    );
    await refused(
      () => a.post(`/api/plans/${planA}/reviews`, { kind: 'custom', from: '2024-05-01', to: '2024-04-01' }),
      'kind',
      /chưa đủ thông tin/,
    );
    await refused(() => a.post(`/api/plans/${planA}/reviews`, q2), 'kind', /đã có báo cáo quý II năm 2024/);
    await refused(() => b.post(`/api/plans/${planA}/reviews`, q2), '', /./, 404);
  });

  it('edits sections with figure placeholders; refuses an unknown placeholder or a section over the limit', async () => {
    const ok = await a.patch(`/api/reviews/${review.id}`, {
      sections: { difficulties: 'Còn {T3.actual} đoàn viên mới, chưa đạt {T3.goal}.' },
      meeting: {
        date: '2024-07-05',
        chair: 'Nguyễn Văn Chủ',
        attendees: [{ name: 'Trần B', role: 'Ban Dân vận Huyện ủy' }],
      },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.data.sections.difficulties).toContain('{T3.actual}');
    expect(ok.data.sections.results).toContain('Kết nạp');
    await refused(
      () => a.patch(`/api/reviews/${review.id}`, { sections: { lessons: 'Đạt {T9.actual}' } }),
      'sections.lessons',
      /không tồn tại: \{T9\.actual\}/,
    );
    await refused(
      () => a.patch(`/api/reviews/${review.id}`, { sections: { proposals: 'x'.repeat(20_001) } }),
      'sections.proposals',
      /vượt giới hạn 20\.000/,
    );
  });

  it('freezes: later corrections show live and in the next version, never in the frozen one', async () => {
    const f = await a.post(`/api/reviews/${review.id}/freeze`);
    expect(f.statusCode, f.body).toBe(200);
    expect(f.data).toMatchObject({ status: 'frozen', live: false });
    expect(f.data.figures.asOf).toBe('2024-06-30');
    // An admission entered late with a date inside the period.
    await admitOk(env.admin, tree.cdcsA, [person('Lê Thị Cúc')], on('2024-06-01'));
    const again = await a.get(`/api/reviews/${review.id}`);
    expect(again.data.figures.targets[0]?.actual).toBe(2);
    const live = await a.get(`/api/plans/${planA}/progress?asOf=2024-06-30`);
    expect(live.data.targets[0]?.actual).toBe(3);
    await refused(
      () => a.patch(`/api/reviews/${review.id}`, { sections: { lessons: 'Sửa' } }),
      'status',
      /đã chốt số liệu/,
    );
  });

  it('is sent to the direct parent only; a sibling sees nothing of it', async () => {
    await refused(
      () => a.post(`/api/reviews/${review.id}/submit`, { toUnitId: tree.districtB }),
      'toUnitId',
      /LĐLĐ tỉnh Thử nghiệm/,
    );
    const s = await a.post(`/api/reviews/${review.id}/submit`, { toUnitId: tree.province });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.data).toMatchObject({ status: 'submitted', submittedToName: 'LĐLĐ tỉnh Thử nghiệm' });
    await refused(
      () => a.post(`/api/reviews/${review.id}/submit`, { toUnitId: tree.province }),
      'status',
      /đã được gửi lên/,
    );
    expect((await b.get(`/api/reviews/${review.id}`)).statusCode).toBe(404);
    await refused(() => b.post(`/api/reviews/${review.id}/acknowledge`), '', /./, 404);
    // The sender cannot acknowledge its own report.
    await refused(() => a.post(`/api/reviews/${review.id}/acknowledge`), '', /./, 404);
  });

  it("the parent's review sets each child's sent figures beside its live roll-up and flags who has not sent", async () => {
    const inbox = await province.get('/api/reviews/received');
    expect(inbox.data.items.map((x) => x.id)).toContain(review.id);
    const own = await province.get(`/api/reviews/received?unitId=${tree.province}`);
    expect(own.data.items.map((x) => [x.id, x.submittedToName])).toEqual([[review.id, 'LĐLĐ tỉnh Thử nghiệm']]);
    // A sibling district's inbox holds nothing of it.
    expect((await b.get('/api/reviews/received')).data.items.map((x) => x.id)).not.toContain(review.id);
    const p = await province.post(`/api/plans/${planP}/reviews`, q2);
    expect(p.statusCode, p.body).toBe(201);
    const child = p.data.figures.targets[0]?.children.find((c) => c.unitId === tree.districtA);
    expect(child).toMatchObject({ actual: 3, submitted: { reviewId: review.id, actual: 2 }, differs: true });
    expect(p.data.figures.targets[0]?.actual).toBe(3);
    expect(p.data.received.map((x) => x.id)).toEqual([review.id]);
    // District B holds a share and sent nothing; its due day (30/06 + 5) has long passed.
    expect(p.data.missing).toEqual([{ unitId: tree.districtB, unitName: 'LĐLĐ huyện Bình Minh', overdue: true }]);
    expect(p.data.dueOn).toBe('2024-07-05');
  });

  it('the parent returns or acknowledges; a returned or decided report is decided once', async () => {
    // The level above decides; it neither writes nor versions the district's report. The district does not decide.
    expect((await province.get(`/api/reviews/${review.id}`)).data.can).toEqual({
      edit: false,
      send: false,
      version: false,
      decide: true,
    });
    expect((await a.get(`/api/reviews/${review.id}`)).data.can).toEqual({
      edit: false,
      send: false,
      version: true,
      decide: false,
    });
    await refused(() => province.post(`/api/reviews/${review.id}/return`, { comment: ' ' }), 'comment', /lý do/);
    const ack = await province.post(`/api/reviews/${review.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.data.status).toBe('acknowledged');
    await refused(
      () => province.post(`/api/reviews/${review.id}/return`, { comment: 'Thiếu số liệu' }),
      'status',
      /không ở trạng thái chờ/,
    );
  });

  it('a new version carries the text, takes the corrected figures when frozen, and shows what changed', async () => {
    const v = await a.post(`/api/reviews/${review.id}/versions`);
    expect(v.statusCode, v.body).toBe(201);
    expect(v.data).toMatchObject({ version: 2, status: 'draft', supersedesId: review.id });
    expect(v.data.sections.difficulties).toContain('{T3.actual}');
    await refused(() => a.post(`/api/reviews/${review.id}/versions`), 'status', /Đã có phiên bản 2/);
    const f = await a.post(`/api/reviews/${v.data.id}/freeze`);
    expect(f.data.figures.targets[0]?.actual).toBe(3);
    expect(f.data.diff).toContainEqual({ code: 'T3', field: 'actual', before: 2, after: 3 });
    // Version 1 is unchanged.
    expect((await a.get(`/api/reviews/${review.id}`)).data.figures.targets[0]?.actual).toBe(2);
    const list = await a.get(`/api/plans/${planA}/reviews`);
    expect(list.data.items.map((x) => [x.version, x.status])).toEqual([
      [2, 'frozen'],
      [1, 'acknowledged'],
    ]);
  });

  it('counts on the tree as it was: after a union moves away, its new work is not the old parent’s', async () => {
    const moved = await env.admin.post(`/api/org/units/${tree.cdcsA}/move`, {
      effectiveDate: '2024-07-01',
      newParentId: tree.districtB,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await admitOk(env.admin, tree.cdcsA, [person('Lê Thị Dung')], on('2024-08-01'));
    const q3 = await a.post(`/api/plans/${planA}/reviews`, { kind: 'quarter', year: 2024, part: 3 });
    expect(q3.statusCode, q3.body).toBe(201);
    const t3 = q3.data.figures.targets[0];
    expect(t3).toMatchObject({ actual: 3, inPeriod: 0, previous: 3, change: 0 });
    expect(q3.data.figures.previous?.label).toBe('quý II năm 2024');
  });
});

describe('the report as an official document and its Excel annex', () => {
  it('prints the report in the official format with the frozen figures and the addressee', async () => {
    const list = await a.get(`/api/plans/${planA}/reviews`);
    const id = list.data.items.find((x) => x.version === 1 && x.label === 'quý II năm 2024')?.id as number;
    const r = await a.get(`/api/reviews/${id}/document.docx`);
    expect(r.statusCode, r.body).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('.docx');
    const parts = await docxParts(r.rawPayload);
    const doc = parts.get('word/document.xml') ?? '';
    const texts = paragraphs(doc).map((p) => p.text);
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toContain('w:ascii="Times New Roman"');
    expect(texts).toContain('BÁO CÁO');
    expect(
      texts.some((t) => t.startsWith('Sơ kết quý II năm 2024 thực hiện Kế hoạch số 8/KH-LĐLĐ ngày 15/4/2024')),
    ).toBe(true);
    expect(texts).toContain('Kính gửi: LĐLĐ tỉnh Thử nghiệm');
    expect(texts).toContain('Số liệu tính đến ngày 30/06/2024.');
    // The placeholders print the frozen figures: 2 of 4, not today's 3.
    expect(texts).toContain('Còn 2 đoàn viên mới, chưa đạt 4.');
    expect(texts.some((t) => t.startsWith('Hội nghị ngày 05/7/2024 do đồng chí Nguyễn Văn Chủ chủ trì'))).toBe(true);
    expect(texts.some((t) => /Số:\s+\/BC-LĐLĐ/.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('ngày') && t.includes('tháng') && t.includes('năm'))).toBe(true);
    // Page numbers from page 2: a title page with an empty first header.
    expect(doc).toContain('<w:titlePg');
    // The decree's margins and the styles of the header, the type, the summary and the addressee.
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)?.[0] ?? '';
    const margin = (side: string) => Number(new RegExp(`<w:pgMar [^>]*w:${side}="(\\d+)"`).exec(sect)?.[1]);
    expect(margin('top')).toBe(mm(20));
    expect(margin('left')).toBe(mm(30));
    expect(margin('right')).toBe(mm(15));
    const ps = paragraphs(doc);
    expect(runStyle(para(ps, 'LĐLĐ HUYỆN AN BÌNH'))).toMatchObject({ font: 'Times New Roman', size: 13, bold: true });
    expect(runStyle(para(ps, 'BÁO CÁO'))).toMatchObject({ size: 14, bold: true });
    expect(para(ps, 'BÁO CÁO').pPr).toContain('<w:jc w:val="center"/>');
    expect(para(ps, 'Kính gửi: LĐLĐ tỉnh Thử nghiệm').pPr).toContain('<w:jc w:val="center"/>');
    // The body is justified with the first-line indent.
    expect(para(ps, /^Thực hiện Kế hoạch số 8\/KH-LĐLĐ/).pPr).toMatch(/<w:jc w:val="both"\/>/);
    // The tables are no wider than the text.
    for (const t of [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])) {
      const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols.reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(11906 - mm(30) - mm(15));
    }
  });

  it('the annex has one sheet per table, the as-of line and totals as formulas', async () => {
    const p = (await province.get(`/api/plans/${planP}/reviews`)).data.items[0]?.id as number;
    const r = await province.get(`/api/reviews/${p}/annex.xlsx`);
    expect(r.statusCode, r.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Chỉ tiêu',
      'Theo đơn vị T3',
      'CĐCS thành lập',
      'DN chưa tiếp cận',
      'Đơn vị chậm tiến độ',
    ]);
    const ws = wb.getWorksheet('Theo đơn vị T3') as ExcelJS.Worksheet;
    expect(String(ws.getCell('A4').value)).toMatch(/^Số liệu tính đến ngày \d\d\/\d\d\/2024$/);
    const cells: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(c.value)));
    expect(cells).toContainEqual(expect.objectContaining({ formula: 'SUM(D7:D8)' }));
    expect(ws.pageSetup.paperSize).toBe(9);
  });
});
