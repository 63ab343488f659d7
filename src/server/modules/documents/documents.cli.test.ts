import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, type TestEnv } from '../../test/harness.js';
import { CliProblem } from '../plans/plans.cli.js';
import { planBody } from '../plans/plans.fixture.js';
import { documentPlan, documentReview } from './documents.cli.js';
import { docxParts, para, paragraphs } from './documents.fixture.js';

let env: TestEnv;
let dir: string;
beforeAll(async () => {
  env = await createTestEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doc-cli-'));
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('npm run cli -- document plan <plan> --out <file.docx|file.pdf>', () => {
  it('writes the same document as the web download, by reference or id', async () => {
    const t = await makeTree(env);
    const created = await env.admin.post('/api/plans', planBody(t.districtA, { number: '91' }));
    expect(created.statusCode, created.body).toBe(201);
    const out = path.join(dir, 'kh91.docx');
    const said = await documentPlan(env.ctx, '91/KH-LĐLĐ', { out });
    expect(said).toBe(
      `Đã ghi Kế hoạch số 91/KH-LĐLĐ ngày 15/04/2024 vào ${out} (${Math.ceil(fs.statSync(out).size / 1024)} kB).`,
    );
    const cli = paragraphs((await docxParts(fs.readFileSync(out))).get('word/document.xml') ?? '');
    para(cli, 'Số: 91/KH-LĐLĐ');
    const web = await env.admin.get(`/api/plans/${created.data.id}/document.docx`);
    const webText = paragraphs((await docxParts(web.rawPayload)).get('word/document.xml') ?? '').map((p) => p.text);
    expect(cli.map((p) => p.text)).toEqual(webText);
    await documentPlan(env.ctx, String(created.data.id), { out: path.join(dir, 'by-id.docx') });
    expect(fs.existsSync(path.join(dir, 'by-id.docx'))).toBe(true);
  });

  it('says what is wrong, in Vietnamese, and writes nothing', async () => {
    const t = await makeTree(env);
    await env.admin.post('/api/plans', planBody(t.districtA, { number: '92' }));
    await expect(documentPlan(env.ctx, '92', { out: path.join(dir, 'x.txt') })).rejects.toThrow(/\.docx hoặc \.pdf/);
    await expect(documentPlan(env.ctx, '999999/KH-X', { out: path.join(dir, 'y.docx') })).rejects.toThrow(CliProblem);
    const pdf = path.join(dir, 'z.pdf');
    await expect(documentPlan(env.ctx, '92', { out: pdf }, { binaries: ['khong-co-soffice'] })).rejects.toThrow(
      /Không tạo được bản PDF: máy chủ chưa cài LibreOffice.*Chưa ghi tệp nào/,
    );
    expect(fs.existsSync(pdf)).toBe(false);
  });
});

describe('npm run cli -- document review <id> --out <file.docx|file.xlsx|file.pdf>', () => {
  it('writes the report and its annex as the web does, and refuses what it cannot write', async () => {
    const t = await makeTree(env);
    const plan = await env.admin.post('/api/plans', planBody(t.districtA, { number: '93' }));
    await env.admin.post(`/api/plans/${plan.data.id}/issue`);
    const review = await env.admin.post(`/api/plans/${plan.data.id}/reviews`, { kind: 'half', year: 2024, part: 1 });
    expect(review.statusCode, review.body).toBe(201);
    await env.admin.post(`/api/reviews/${review.data.id}/freeze`);
    const out = path.join(dir, 'bc.docx');
    const said = await documentReview(env.ctx, String(review.data.id), { out });
    expect(said).toMatch(
      /^Đã ghi báo cáo 6 tháng đầu năm 2024 \(93\/KH-LĐLĐ, phiên bản 1, số liệu chốt đến ngày 30\/06\/2024\)/,
    );
    const cli = paragraphs((await docxParts(fs.readFileSync(out))).get('word/document.xml') ?? '').map((p) => p.text);
    const web = await env.admin.get(`/api/reviews/${review.data.id}/document.docx`);
    expect(cli).toEqual(
      paragraphs((await docxParts(web.rawPayload)).get('word/document.xml') ?? '').map((p) => p.text),
    );
    const xlsx = path.join(dir, 'bc.xlsx');
    await documentReview(env.ctx, String(review.data.id), { out: xlsx });
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    await expect(documentReview(env.ctx, String(review.data.id), { out: path.join(dir, 'x.txt') })).rejects.toThrow(
      /\.docx, \.xlsx hoặc \.pdf/,
    );
    await expect(documentReview(env.ctx, '999999', { out: path.join(dir, 'n.docx') })).rejects.toThrow(
      /Không có báo cáo số 999999/,
    );
    const pdf = path.join(dir, 'bc.pdf');
    await expect(
      documentReview(env.ctx, String(review.data.id), { out: pdf }, { binaries: ['khong-co-soffice'] }),
    ).rejects.toThrow(/Chưa ghi tệp nào/);
    expect(fs.existsSync(pdf)).toBe(false);
  });
});
