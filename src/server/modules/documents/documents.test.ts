import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { planBody } from '../plans/plans.fixture.js';
import { docxParts, type Para, para, paragraphs, runStyle } from './documents.fixture.js';
import { mm, TEXT_WIDTH, vnDateLine } from './documents.format.js';
import { docxToPdf } from './documents.pdf.js';
import { recipientLines } from './documents.signature.js';

let env: TestEnv;
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await makeTree(env);
});
afterAll(async () => {
  await env?.close();
});

describe('vnDateLine: the zero rules of the date line', () => {
  it('pads days below 10 and the months 1 and 2 only', () => {
    expect(vnDateLine('Phú Riềng', '2024-04-15')).toBe('Phú Riềng, ngày 15 tháng 4 năm 2024');
    expect(vnDateLine('Phú Riềng', '2024-02-05')).toBe('Phú Riềng, ngày 05 tháng 02 năm 2024');
    expect(vnDateLine('Phú Riềng', '2024-01-09')).toBe('Phú Riềng, ngày 09 tháng 01 năm 2024');
    expect(vnDateLine('Đồng Xoài', '2024-03-01')).toBe('Đồng Xoài, ngày 01 tháng 3 năm 2024');
    expect(vnDateLine(null, '2024-12-31')).toBe('ngày 31 tháng 12 năm 2024');
    expect(vnDateLine('Hà Nội', '2024-11-10')).toBe('Hà Nội, ngày 10 tháng 11 năm 2024');
  });
  it('lists recipients as "- …;" and ends with the archive and a full stop', () => {
    expect(recipientLines(['LĐLĐ tỉnh (b/c)', '- Huyện ủy;', 'Lưu: VT, BTC'])).toEqual([
      '- LĐLĐ tỉnh (b/c);',
      '- Huyện ủy;',
      '- Lưu: VT, BTC.',
    ]);
    expect(recipientLines(['Như trên'])).toEqual(['- Như trên;', '- Lưu: VT.']);
  });
});

async function download(unitId: number, extra: Record<string, unknown> = {}) {
  const created = await env.admin.post('/api/plans', planBody(unitId, extra));
  expect(created.statusCode, created.body).toBe(201);
  const r = await env.admin.get(`/api/plans/${created.data.id}/document.docx`);
  expect(r.statusCode, r.body).toBe(200);
  const parts = await docxParts(r.rawPayload);
  return { id: created.data.id as number, r, parts, doc: parts.get('word/document.xml') ?? '' };
}

const within = (v: number, lo: number, hi: number) => {
  expect(v).toBeGreaterThanOrEqual(lo);
  expect(v).toBeLessThanOrEqual(hi);
};
const attr = (xml: string, el: string, name: string) =>
  Number(new RegExp(`<${el} [^>]*w:${name}="(\\d+)"`).exec(xml)?.[1] ?? Number.NaN);

describe('GET /api/plans/:id/document.docx: the plan in the official format', () => {
  it('lays out an A4 page, the header, the body and the signature as the decree says', async () => {
    const { r, doc, parts } = await download(tree.districtA, { number: '8' });
    expect(r.headers['content-type']).toContain('wordprocessingml.document');
    // The file name is the plan's reference and date, never the signer's name.
    expect(String(r.headers['content-disposition'])).toContain('ke-hoach-8-kh-ldld-ngay-2024-04-15.docx');
    expect(String(r.headers['content-disposition'])).not.toMatch(/Chu|Nguyen/i);

    // A4 and the margins within the ranges (twips).
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc)?.[0] ?? '';
    within(attr(sect, 'w:pgMar', 'top'), mm(20) - 1, mm(25) + 1);
    within(attr(sect, 'w:pgMar', 'bottom'), mm(20) - 1, mm(25) + 1);
    within(attr(sect, 'w:pgMar', 'left'), mm(30) - 1, mm(35) + 1);
    within(attr(sect, 'w:pgMar', 'right'), mm(15) - 1, mm(20) + 1);

    const ps = paragraphs(doc);
    const style = (want: string | RegExp) => runStyle(para(ps, want));
    // Header, left: the superior body derived from the tree (abbreviated), regular; the issuer bold.
    expect(style('LĐLĐ TỈNH THỬ NGHIỆM')).toEqual({ font: 'Times New Roman', size: 13, bold: false, italics: false });
    expect(style('LĐLĐ HUYỆN AN BÌNH')).toMatchObject({ font: 'Times New Roman', size: 13, bold: true });
    expect(style('Số: 8/KH-LĐLĐ')).toMatchObject({ font: 'Times New Roman', size: 13, bold: false });
    // Right: the Quốc hiệu and Tiêu ngữ (union documents carry them), then the date line in italics.
    expect(style('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toMatchObject({ size: 12, bold: true });
    expect(style('Độc lập - Tự do - Hạnh phúc')).toMatchObject({ size: 13, bold: true });
    expect(style('Phú Riềng, ngày 15 tháng 4 năm 2024')).toMatchObject({ size: 14, italics: true, bold: false });
    // The rules are paragraph borders: one under the issuer, shorter than half its column, and one under the Tiêu ngữ.
    const rules = ps.filter((p) => p.pPr.includes('<w:pBdr><w:top w:val="single"'));
    expect(rules.length).toBe(3);
    const ruleWidth = (p: Para, column: number) =>
      column - attr(p.pPr, 'w:ind', 'left') - attr(p.pPr, 'w:ind', 'right');
    const issuerRule = ruleWidth(rules[0] as Para, 3900);
    expect(issuerRule).toBeGreaterThan(600);
    expect(issuerRule).toBeLessThan(3900 / 2);
    within(ruleWidth(rules[1] as Para, TEXT_WIDTH - 3900), 2800, 4200);
    // The number and the date share the header's second row: the same line.
    const rows = [...doc.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.some((row) => row.includes('Số: 8/KH-LĐLĐ') && row.includes('ngày 15 tháng 4 năm 2024'))).toBe(true);

    // Document type and summary, centred bold 14.
    for (const t of ['KẾ HOẠCH', 'Phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024']) {
      expect(style(t)).toMatchObject({ size: 14, bold: true });
      expect(para(ps, t).pPr).toContain('<w:jc w:val="center"/>');
    }
    // Body: justified, first line indented 1.27 cm, 14 pt; the basis and the section text.
    const purpose = para(ps, 'Đưa người lao động vào tổ chức công đoàn.');
    expect(purpose.pPr).toContain('<w:jc w:val="both"/>');
    expect(purpose.pPr).toContain('w:firstLine="720"');
    expect(runStyle(purpose)).toMatchObject({ font: 'Times New Roman', size: 14, bold: false });
    para(ps, '- Căn cứ Kế hoạch số 60/KH-LĐLĐ ngày 17/4/2024 của Ban Thường vụ LĐLĐ tỉnh.');
    expect(style('II. CHỈ TIÊU')).toMatchObject({ bold: true, size: 14 });
    para(
      ps,
      /^1\. Đoàn viên kết nạp mới: ít nhất 4 đoàn viên; trong đó lao động phi chính thức: ít nhất 1 đoàn viên\.$/,
    );
    para(ps, '- Thời gian: thực hiện từ ngày 01/4/2024 đến ngày 30/10/2024.');

    // Signature: authority and position on separate lines, bold capitals; the name; "Nơi nhận:" and the list.
    expect(style('TM. BAN THƯỜNG VỤ')).toMatchObject({ size: 14, bold: true });
    expect(style('CHỦ TỊCH')).toMatchObject({ size: 14, bold: true });
    expect(style('Nguyễn Văn Chủ')).toMatchObject({ size: 14, bold: true });
    expect(style('Nơi nhận:')).toEqual({ font: 'Times New Roman', size: 12, bold: true, italics: true });
    expect(para(ps, 'Nơi nhận:').pPr).toContain('<w:jc w:val="left"/>');
    expect(style('- LĐLĐ tỉnh (b/c);')).toMatchObject({ size: 11, bold: false });
    expect(style('- Lưu: VT.')).toMatchObject({ size: 11 });
    const signature = rows.find((row) => row.includes('Nơi nhận:')) ?? '';
    expect(signature).toContain('TM. BAN THƯỜNG VỤ');

    // Page numbers from page 2: a different first page, a PAGE field in the default header only.
    expect(sect).toContain('<w:titlePg/>');
    const rels = parts.get('word/_rels/document.xml.rels') ?? '';
    const headerOf = (type: string) => {
      const rid = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)?.[1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
      return parts.get(`word/${target}`) ?? '';
    };
    expect(headerOf('default')).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(headerOf('default')).toContain('<w:jc w:val="center"/>');
    expect(headerOf('first')).not.toContain('PAGE');

    // Every table: fixed layout, explicit widths in twips, no wider than the text.
    const tables = [...doc.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables.length).toBe(3);
    for (const t of tables) {
      expect(t).toContain('<w:tblLayout w:type="fixed"/>');
      expect(t).toMatch(/<w:tblW w:type="dxa" w:w="\d+"\/>/);
      const cols = [...t.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
      expect(cols.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
      expect(t).not.toMatch(/<w:tcW w:type="(auto|pct)"/);
    }
    // The targets table lists each target and sub-target with its goal.
    expect(tables[1]).toContain('Trong đó: lao động phi chính thức');
    expect(tables[1]).toContain('≥ 4');
  });

  it('prints the date with its zeros, and the header configured for the unit on the plan date', async () => {
    await env.ctx.db
      .insertInto('document_header')
      .values({
        unit_id: tree.cdcsA,
        valid_from: '2024-01-01',
        valid_to: '2024-03-01',
        superior_text: 'LĐLĐ HUYỆN AN BÌNH',
        issuer_text: 'BCH CĐCS CÔNG TY AN PHÁT',
        national_text: null,
        motto_text: null,
        signer_authority: 'TM. BAN CHẤP HÀNH',
        signer_position: 'CHỦ TỊCH',
        recipients: JSON.stringify(['Ban Giám đốc công ty', 'Lưu: VT, CĐCS']),
        created_at: new Date().toISOString(),
      })
      .execute();
    const { doc } = await download(tree.cdcsA, {
      number: '02',
      symbol: 'KH-CĐCS',
      issuedOn: '2024-02-05',
      signerAuthority: null,
      signerPosition: null,
      recipients: [],
    });
    const ps = paragraphs(doc);
    para(ps, 'Phú Riềng, ngày 05 tháng 02 năm 2024');
    para(ps, 'Số: 02/KH-CĐCS');
    para(ps, 'BCH CĐCS CÔNG TY AN PHÁT');
    para(ps, 'LĐLĐ HUYỆN AN BÌNH');
    para(ps, 'TM. BAN CHẤP HÀNH');
    para(ps, '- Ban Giám đốc công ty;');
    para(ps, '- Lưu: VT, CĐCS.');
    // After the row's end the header is derived from the tree again: the unit's own name in capitals.
    const later = await download(tree.cdcsA, { number: '03', symbol: 'KH-CĐCS', issuedOn: '2024-03-01' });
    para(paragraphs(later.doc), 'CĐCS CÔNG TY TNHH AN PHÁT');
  });

  it('is 404 for a plan of a sibling subtree, and for no plan at all', async () => {
    const created = await env.admin.post('/api/plans', planBody(tree.districtA, { number: '9' }));
    const b = await makeUser(env, 'federation_admin', tree.districtB);
    const r = await b.get(`/api/plans/${created.data.id}/document.docx`);
    expect(r.statusCode, r.body).toBe(404);
    expect(r.headers['content-type']).toContain('application/json');
    expect((await env.admin.get('/api/plans/999999/document.docx')).statusCode).toBe(404);
    const a = await makeUser(env, 'federation_admin', tree.districtA);
    expect((await a.get(`/api/plans/${created.data.id}/document.docx`)).statusCode).toBe(200);
  });
});

const hasOffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
})();

describe('/api/org/units/:id/document-header: the header texts per unit, dated', () => {
  it('sets the header from a day on, keeps the older texts for older documents, and prints it', async () => {
    const unit = tree.districtB;
    const before = await env.admin.get(`/api/org/units/${unit}/document-header?date=2024-06-01`);
    expect(before.data).toMatchObject({
      configured: null,
      printed: { issuer: 'LĐLĐ huyện Bình Minh', superior: 'LĐLĐ tỉnh Thử nghiệm' },
    });
    const put = await env.admin.put(`/api/org/units/${unit}/document-header`, {
      validFrom: '2024-01-01',
      superior: 'LĐLĐ TỈNH THỬ NGHIỆM',
      issuer: 'BAN THƯỜNG VỤ LĐLĐ HUYỆN BÌNH MINH',
      signerAuthority: 'TM. BAN THƯỜNG VỤ',
      signerPosition: 'CHỦ TỊCH',
      recipients: ['LĐLĐ tỉnh (b/c)', 'Lưu: VT'],
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.data.printed.issuer).toBe('BAN THƯỜNG VỤ LĐLĐ HUYỆN BÌNH MINH');
    // A new header from 2025 on: documents of 2024 keep the first one.
    const later = await env.admin.put(`/api/org/units/${unit}/document-header`, {
      validFrom: '2025-07-01',
      superior: '',
    });
    expect(later.statusCode, later.body).toBe(200);
    expect(later.data.printed.superior).toBeNull();
    const mid = await env.admin.get(`/api/org/units/${unit}/document-header?date=2024-06-01`);
    expect(mid.data.configured).toMatchObject({ validFrom: '2024-01-01', signerAuthority: 'TM. BAN THƯỜNG VỤ' });
    const { doc } = await download(unit, { number: '15', signerAuthority: null, signerPosition: null, recipients: [] });
    const texts = paragraphs(doc).map((p) => p.text);
    expect(texts).toContain('BAN THƯỜNG VỤ LĐLĐ HUYỆN BÌNH MINH');
    expect(texts).toContain('TM. BAN THƯỜNG VỤ');
    expect(texts).toContain('- LĐLĐ tỉnh (b/c);');
    // A wrong date is a clear error and writes nothing.
    const bad = await env.admin.put(`/api/org/units/${unit}/document-header`, { validFrom: '31/12/2024' });
    expect(bad.statusCode).toBe(400);
    const rows = await env.ctx.db
      .selectFrom('document_header')
      .select('valid_from')
      .where('unit_id', '=', unit)
      .execute();
    expect(rows.map((r) => r.valid_from).sort()).toEqual(['2024-01-01', '2025-07-01']);
  });
});

describe('?format=pdf through LibreOffice', () => {
  it('says in Vietnamese that LibreOffice is missing, naming the way out', async () => {
    const err = await docxToPdf(Buffer.from('x'), { binaries: ['khong-co-soffice-o-day'] }).catch((e) => e);
    expect(err.code).toBe('PDF_UNAVAILABLE');
    expect(err.params.reason.vi).toContain('chưa cài LibreOffice');
  });
  it.skipIf(!hasOffice)('answers a PDF when LibreOffice is installed', async () => {
    const created = await env.admin.post('/api/plans', planBody(tree.districtA, { number: '10' }));
    const r = await env.admin.get(`/api/plans/${created.data.id}/document.docx?format=pdf`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toContain('application/pdf');
    expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(String(r.headers['content-disposition'])).toContain('.pdf');
  });
});
