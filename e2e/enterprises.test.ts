import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viPercent } from '../src/web/components/format.js';
import { login, pick, shot } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * (One journey file over 400 lines on purpose: the steps share one browser session and build on each other.)
 *
 * The enterprise survey frame through the built app: a commune union's administrator imports a
 * real .xlsx (title rows, renamed headers, a lost leading zero, a wrong check digit, and a workers
 * column the detector cannot name, so the mapping is corrected by hand), finds an imported
 * enterprise by accent-free search, records an outreach event covering it, and watches the
 * coverage figure move; then the list on a phone.
 */

const USER = 'cdxa.phurieng';
const UNIT = 'Công đoàn xã Phú Riềng';
const TARGET = 'Công ty Cao su Thuận Lợi';

const WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
/** A valid tax code from nine digits (the next nine when the remainder is 0, which is never issued). */
function mst(nine: string): string {
  for (let n = Number(nine); ; n++) {
    const base = String(n).padStart(9, '0');
    const rem = WEIGHTS.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
}

const WRONG = '3800601246'; // 3800601245 with its check digit changed
const ROWS: unknown[][] = [
  ['LIÊN ĐOÀN LAO ĐỘNG TỈNH ĐỒNG NAI'],
  ['DANH SÁCH DOANH NGHIỆP TRÊN ĐỊA BÀN XÃ PHÚ RIỀNG (số liệu BHXH)'],
  [],
  ['STT', 'MST', 'Tên DN', 'Địa chỉ', 'Mã xã', 'Xã', 'Loại hình DN', 'Quân số', 'LĐ nữ', 'Ngày khảo sát'],
  // 0312345673 stored as a number: the leading zero is lost, the import puts it back (a warning).
  [1, 312345673, TARGET, 'Ấp 2, xã Phú Riềng', '25252', 'Xã Phú Riềng', 'Ngoài nhà nước', 180, 95, '20/04/2026'],
  [
    2,
    '3800601245',
    'Công ty Cổ phần Gỗ Phú Riềng',
    'Ấp 5, xã Phú Riềng',
    '25252',
    'Xã Phú Riềng',
    'Cổ phần',
    60,
    20,
    '20/04/2026',
  ],
  [3, WRONG, 'Công ty TNHH Sai Mã Số', 'Ấp 7, xã Phú Riềng', '25252', 'Xã Phú Riềng', 'TNHH', 30, 10, '20/04/2026'],
  [
    4,
    mst('380123456'),
    'Công ty TNHH Điện tử Sao Việt',
    'Ấp 1, xã Bình Tân',
    '25246',
    'Xã Bình Tân',
    'FDI',
    450,
    300,
    '20/04/2026',
  ],
  [
    5,
    mst('380765432'),
    'Công ty TNHH MTV Nông trường Phú Riềng',
    'Ấp 3, xã Phú Riềng',
    '25252',
    'Xã Phú Riềng',
    'Doanh nghiệp nhà nước',
    320,
    150,
    '20/04/2026',
  ],
  [
    6,
    mst('380555111'),
    'Hợp tác xã Nông nghiệp Phú Trung',
    'Ấp 4, xã Phú Riềng',
    '25252',
    'Xã Phú Riềng',
    'Hợp tác xã',
    14,
    6,
    '20/04/2026',
  ],
];

async function writeXlsx(file: string) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of ROWS) ws.addRow(r);
  ws.mergeCells('A1:J1');
  ws.mergeCells('A2:J2');
  await wb.xlsx.writeFile(file);
}

async function failureShot(page: Page, name: string) {
  await shot(page, `FAILED-enterprises-${name}.png`).catch(() => {});
}

const available = chromiumAvailable();

/** The coverage strip's figures, read as a user reads them; the demo has work of its own in the commune. */
type Strip = { reached: number; scope: number; nsReached: number; nsScope: number; workers: number };
const STRIP =
  /^Đã tuyên truyền (\d+)\/(\d+) doanh nghiệp \([^)]*\) · ngoài nhà nước (\d+)\/(\d+) · ([\d.]+) người lao động$/;
const stripText = (c: Strip) =>
  `Đã tuyên truyền ${c.reached}/${c.scope} doanh nghiệp (${viPercent(c.reached, c.scope)}) · ngoài nhà nước ${c.nsReached}/${c.nsScope} · ${c.workers.toLocaleString('vi-VN')} người lao động`;
async function readStrip(page: Page): Promise<Strip> {
  const strip = page.getByTestId('coverage-text');
  await expect.poll(() => strip.textContent()).toMatch(STRIP);
  const m = STRIP.exec((await strip.textContent()) ?? '') ?? [];
  const n = (i: number) => Number((m[i] ?? '').replaceAll('.', ''));
  return { reached: n(1), scope: n(2), nsReached: n(3), nsScope: n(4), workers: n(5) };
}
async function listTotal(page: Page): Promise<number> {
  const total = page.getByText(/^Tổng số: \d+$/);
  await total.waitFor();
  return Number(/\d+/.exec((await total.textContent()) ?? '')?.[0]);
}
/** A row's cells of the coverage-by-commune table: commune, enterprises, reached, %, non-state. */
const cells = async (row: ReturnType<Page['locator']>) =>
  (await row.locator('td').allTextContents()).map((c) => c.trim());

describe.skipIf(!available)('enterprise survey frame, import and outreach coverage', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    clearScreenshots('enterprises-');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-e2e-xlsx-'));
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commune administrator: imports an Excel list, fixes the mapping, reaches an enterprise, coverage moves', async () => {
    const file = path.join(dir, 'ds-doanh-nghiep-bhxh.xlsx');
    await writeXlsx(file);
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, USER, server.passwordOf(USER));

      // What the demo already holds in the commune: every figure below moves from it.
      await page.goto('/enterprises');
      const before = await readStrip(page);
      const listBefore = await listTotal(page);

      // ---- Import wizard, step 1: unit (the user's own by default), source, file.
      await page.getByTestId('main-menu').getByText('Nhập từ Excel').click();
      await page.getByRole('heading', { name: 'Nhập danh sách doanh nghiệp từ Excel' }).waitFor();
      const upload = page.getByTestId('import-upload');
      await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain(UNIT);
      expect(await page.getByTestId('import-template').getAttribute('href')).toBe(
        '/api/imports/enterprises/template.xlsx',
      );
      await page.getByTestId('import-source').fill('BHXH xã Phú Riềng');
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
      await upload.getByText('ds-doanh-nghiep-bhxh.xlsx').waitFor();
      await page.getByTestId('import-upload-submit').click();

      // Step 2: the header was found under the title rows; renamed headers are mapped, "Quân số" is not.
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      await mapping.getByText('Dòng tiêu đề: 4; dữ liệu bắt đầu từ dòng 5.').waitFor();
      expect(await page.getByTestId('map-mst').textContent()).toContain('Cột B: MST');
      expect(await page.getByTestId('map-name').textContent()).toContain('Cột C: Tên DN');
      expect(await page.getByTestId('map-ownership').textContent()).toContain('Cột G: Loại hình DN');
      expect(await page.getByTestId('map-femaleCount').textContent()).toContain('Cột I: LĐ nữ');
      expect(await page.getByTestId('map-workerCount').textContent()).toContain('Không nhập');
      expect(await page.getByTestId('import-unused').textContent()).toContain('Cột H: Quân số');
      // The user fixes it: workers are in column H.
      await pick(page, page.getByTestId('map-workerCount'), 'Cột H: Quân số', 'quan so');
      await expect.poll(() => page.getByTestId('import-unused').textContent()).not.toContain('Quân số');
      await page.getByTestId('import-mode').getByText('Chỉ ghi các dòng hợp lệ').click();
      await shot(page, 'enterprises-import-mapping.png');

      // Step 3: preview: counts, the error naming row and column, the warning, the first rows' fate.
      await page.getByTestId('import-preview-submit').click();
      await page.getByTestId('import-preview').waitFor();
      const count = async (key: string) => (await page.getByTestId(`count-${key}`).textContent()) ?? '';
      expect(await count('rows')).toContain('6');
      expect(await count('insert')).toContain('5');
      expect(await count('reject')).toContain('1');
      expect(await count('warn')).toContain('1');
      const issues = page.getByTestId('import-issues');
      const errorRow = issues.locator('tr').filter({ hasText: `Mã số thuế «${WRONG}» sai chữ số kiểm tra` });
      await errorRow.waitFor();
      expect(await errorRow.textContent()).toMatch(/Lỗi\s*7\s*MST \(cột B\)/);
      const warningRow = issues.locator('tr').filter({ hasText: 'MST được bổ sung số 0 ở đầu' });
      expect(await warningRow.textContent()).toMatch(/Cảnh báo\s*5\s*MST \(cột B\)/);
      const firstRows = page.getByTestId('import-preview-rows');
      expect(await firstRows.locator('tr').filter({ hasText: '0312345673' }).textContent()).toContain('Thêm mới');
      expect(await firstRows.locator('tr').filter({ hasText: 'sai chữ số kiểm tra' }).textContent()).toMatch(
        /^7\s*Lỗi/,
      );
      await shot(page, 'enterprises-import-preview.png');

      // Step 4: commit only the valid rows; the rejected rows can be downloaded.
      await page.getByTestId('import-commit').click();
      const done = page.getByTestId('import-done');
      await done.waitFor();
      await done.getByText('Đã ghi dữ liệu').waitFor();
      await done.getByText('Đã thêm 5 và cập nhật 0 doanh nghiệp.').waitFor();
      const rejected = page.getByTestId('import-rejected-link');
      expect(await rejected.textContent()).toContain('Tải các dòng lỗi');
      const href = (await rejected.getAttribute('href')) ?? '';
      expect(href).toMatch(/^\/api\/imports\/\d+\/rejected\.xlsx$/);
      const xlsx = await page.request.get(href);
      expect(xlsx.status()).toBe(200);
      expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
      const history = page.getByTestId('import-history');
      await history.locator('tr').filter({ hasText: 'ds-doanh-nghiep-bhxh.xlsx' }).getByText('Đã ghi').waitFor();
      await shot(page, 'enterprises-import-done.png');

      // ---- Enterprises: the coverage strip counts the 5 in-scope enterprises, none reached yet.
      await page.getByTestId('main-menu').getByText('Doanh nghiệp').click();
      await page.getByRole('heading', { name: 'Doanh nghiệp' }).waitFor();
      const table = page.getByTestId('enterprises-table');
      await table.getByText(TARGET).waitFor();
      const strip = page.getByTestId('coverage-text');
      const imported = { ...before, scope: before.scope + 5, nsScope: before.nsScope + 4 };
      await expect.poll(() => strip.textContent()).toBe(stripText(imported));
      const targetRow = table.locator('tr').filter({ hasText: TARGET });
      expect(await targetRow.textContent()).toContain('0312345673');
      expect(await targetRow.textContent()).toContain('Ngoài NN');
      expect(await targetRow.textContent()).toContain('Đủ ĐK thành lập');
      expect(await targetRow.textContent()).toContain('20/04/2026');
      await page.getByText(`Tổng số: ${listBefore + 5}`, { exact: true }).waitFor();
      await shot(page, 'enterprises-list.png');

      // The work queue: non-state, ≥25 workers, no union (the cooperative has 14, the state farm is state).
      await page.getByTestId('enterprise-view').getByText('Chưa có công đoàn ≥25 LĐ').click();
      await expect.poll(() => table.getByText('Hợp tác xã Nông nghiệp Phú Trung').count()).toBe(0);
      await table.getByText(TARGET).waitFor();
      await page.getByTestId('enterprise-view').getByText('Tất cả doanh nghiệp').click();
      await page.getByText(`Tổng số: ${listBefore + 5}`, { exact: true }).waitFor();

      // Accent-free search finds the imported enterprise (and only it).
      await page.getByTestId('enterprise-search').locator('input').fill('cong ty cao su');
      await page.getByText('Tổng số: 1', { exact: true }).waitFor();
      // "Xuất Excel" downloads exactly the filtered list: the link carries the filters.
      const exportHref = (await page.getByTestId('enterprise-export').getAttribute('href')) ?? '';
      const exportQuery = new URLSearchParams(exportHref.split('?')[1]);
      expect(exportHref.startsWith('/api/enterprises/export.xlsx?')).toBe(true);
      expect(exportQuery.get('q')).toBe('cong ty cao su');
      expect(exportQuery.get('unitId')).toMatch(/^\d+$/);
      const exported = await page.request.get(exportHref);
      expect(exported.status()).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
      const sheetText = JSON.stringify(wb.worksheets[0]?.getSheetValues() ?? []);
      expect(sheetText).toContain(TARGET);
      expect(sheetText).not.toContain('Công ty Cổ phần Gỗ Phú Riềng');
      await table.getByText(TARGET).click();
      const detail = page.getByTestId('enterprise-detail');
      await detail.getByRole('heading', { name: TARGET }).waitFor();
      await detail.getByText('180 lao động · nữ 95 · đoàn viên —').waitFor();
      expect(await page.getByTestId('survey-table').textContent()).toContain('20/04/2026');
      await page.getByTestId('enterprise-timeline').getByText('Khảo sát').waitFor();
      // Its commune as found in the official list (code and name of the file, 2026: the new list).
      expect(await detail.getByTestId('enterprise-commune').textContent()).toContain(
        'Xã Phú Riềng, Tỉnh Đồng Nai (25252) — theo mã',
      );
      await shot(page, 'enterprises-detail.png', false);
      await page.locator('.ant-drawer-close').click();
      await detail.waitFor({ state: 'hidden' });

      // ---- Outreach: record an event covering it.
      await page.getByTestId('main-menu').getByText('Tuyên truyền').click();
      await page.getByRole('heading', { name: 'Tuyên truyền, vận động' }).waitFor();
      const coverage = page.getByTestId('coverage-enterprises');
      const byCommune = page.getByTestId('coverage-by-commune');
      const communeRow = byCommune.locator('tr').filter({ hasText: 'Xã Phú Riềng' });
      await expect.poll(() => coverage.textContent()).toContain(`${imported.reached}/${imported.scope}`);
      const rowBefore = await cells(communeRow);
      await page.getByTestId('outreach-create').click();
      const form = page.getByTestId('outreach-form');
      await expect.poll(() => form.locator('.ant-select').first().textContent()).toContain(UNIT);
      await pick(page, page.getByTestId('outreach-form-code'), 'Gặp gỡ người lao động tại nơi làm việc');
      await pick(page, page.getByTestId('outreach-topics'), 'Vận động gia nhập công đoàn');
      await page.locator('.ant-modal-title').click();
      await form.getByLabel('Tên hoạt động').fill('Gặp gỡ công nhân ca chiều');
      await pick(page, page.getByTestId('outreach-enterprises'), TARGET, 'cao su');
      await page.locator('.ant-modal-title').click();
      await form.getByLabel('Số NLĐ được tuyên truyền').fill('120');
      await form.getByLabel('Số đại diện NSDLĐ').fill('2');
      const cost = form.getByLabel('Kinh phí (đồng)');
      await cost.fill('1500000');
      await cost.blur();
      await expect.poll(() => cost.inputValue()).toBe('1.500.000');
      await shot(page, 'enterprises-outreach-form.png', false);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await form.waitFor({ state: 'hidden' });

      // The coverage moves by one enterprise and 120 workers, in the commune's row too; the event is listed.
      const reached = {
        ...imported,
        reached: imported.reached + 1,
        nsReached: imported.nsReached + 1,
        workers: imported.workers + 120,
      };
      await expect.poll(() => coverage.textContent()).toContain(`${reached.reached}/${reached.scope}`);
      await expect.poll(() => coverage.textContent()).toContain(viPercent(reached.reached, reached.scope));
      expect(await page.getByTestId('coverage-non-state').textContent()).toContain(
        `${reached.nsReached}/${reached.nsScope}`,
      );
      expect(await page.getByTestId('coverage-workers').textContent()).toContain(
        reached.workers.toLocaleString('vi-VN'),
      );
      const communeReached = Number(rowBefore[2]) + 1;
      expect((await cells(communeRow)).slice(1, 4)).toEqual([
        rowBefore[1],
        String(communeReached),
        viPercent(communeReached, Number(rowBefore[1])),
      ]);
      // A commune's row opens the enterprise list filtered to it.
      const communeLink = byCommune.getByRole('link', { name: 'Xem các doanh nghiệp của Xã Phú Riềng' });
      expect(await communeLink.getAttribute('href')).toMatch(/^\/enterprises\?commune=\d+$/);
      const events = page.getByTestId('outreach-table');
      await events.getByText('Gặp gỡ công nhân ca chiều').waitFor();
      expect(await events.locator('tr').filter({ hasText: TARGET }).count()).toBe(1);
      await shot(page, 'enterprises-coverage.png');

      // A photo of the signed attendance list is attached to the event; its link opens the file.
      const photo = path.join(dir, 'ds-ky-ten.png');
      const PNG_1X1 =
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
      fs.writeFileSync(photo, Buffer.from(PNG_1X1, 'base64'));
      const eventRow = events.locator('tr').filter({ hasText: 'Gặp gỡ công nhân ca chiều' });
      await eventRow.getByRole('button', { name: 'Đính kèm ảnh danh sách ký tên' }).waitFor();
      await eventRow.locator('input[type=file]').setInputFiles(photo);
      const link = eventRow.getByTestId('outreach-attachment').filter({ hasText: 'ds-ky-ten.png' });
      await link.waitFor();
      expect(await link.getAttribute('target')).toBe('_blank');
      const served = await page.request.get(new URL((await link.getAttribute('href')) ?? '', server.url).href);
      expect(served.status()).toBe(200);
      expect(served.headers()['content-type']).toContain('image/png');
      await shot(page, 'enterprises-outreach-attachment.png');

      // Back on the list: the strip and the enterprise's tag follow.
      await page.getByTestId('main-menu').getByText('Doanh nghiệp').click();
      await expect.poll(() => page.getByTestId('coverage-text').textContent()).toBe(stripText(reached));
      await table.locator('tr').filter({ hasText: TARGET }).getByText('Đã tuyên truyền').waitFor();

      // Adding one by hand: a wrong check digit lands on the MST field; a listed MST asks for a reason.
      await page.getByTestId('enterprise-create').click();
      const create = page.getByTestId('enterprise-form');
      await expect.poll(() => create.locator('.ant-select').first().textContent()).toContain(UNIT);
      await create.getByLabel('Mã số thuế', { exact: true }).fill(WRONG);
      await create.getByLabel('Tên doanh nghiệp', { exact: true }).fill('Công ty TNHH Gỗ Phú Riềng 2');
      const ownership = create.locator('.ant-form-item').filter({ hasText: 'Loại hình' }).locator('.ant-select');
      await pick(page, ownership, 'Doanh nghiệp ngoài nhà nước (trong nước)');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await create.getByText(`Mã số thuế ${WRONG} sai chữ số kiểm tra`).waitFor();
      await create.getByLabel('Mã số thuế', { exact: true }).fill('3800601245');
      await expect.poll(() => create.getByText('sai chữ số kiểm tra').count()).toBe(0);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page
        .locator('.ant-modal-body .ant-alert-error')
        .getByText('Mã số thuế 3800601245 đã có trong danh sách (Công ty Cổ phần Gỗ Phú Riềng)', { exact: false })
        .waitFor();
      await create.getByLabel('Lý do ghi trùng mã số thuế').fill('Chi nhánh sản xuất riêng, hạch toán độc lập');
      await create.getByText('Ghi kết quả khảo sát lần đầu').click();
      await create.getByLabel('Số lao động', { exact: true }).fill('40');
      await shot(page, 'enterprises-create-duplicate.png', false);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await detail.getByRole('heading', { name: 'Công ty TNHH Gỗ Phú Riềng 2' }).waitFor();
      await detail.getByText('Chi nhánh sản xuất riêng, hạch toán độc lập').waitFor();

      // A dated survey: the server's field error lands on the field; the figures follow the latest survey.
      await page.getByTestId('survey-create').click();
      const survey = page.getByTestId('survey-form');
      await survey.getByLabel('Số lao động', { exact: true }).fill('45');
      await survey.getByLabel('Số đoàn viên', { exact: true }).fill('50');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await survey.getByText('Số đoàn viên không được lớn hơn tổng số lao động').waitFor();
      await survey.getByLabel('Số đoàn viên', { exact: true }).fill('5');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await survey.waitFor({ state: 'hidden' });
      await detail.getByText('45 lao động · nữ — · đoàn viên 5').waitFor();
      await expect.poll(() => page.getByTestId('survey-table').locator('tr.ant-table-row').count()).toBe(2);
      await page.getByTestId('enterprise-edit').click();
      const edit = page.getByTestId('enterprise-form');
      await edit.getByLabel('Ngành nghề').fill('Chế biến gỗ');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await edit.waitFor({ state: 'hidden' });
      await detail.getByText('Chế biến gỗ').waitFor();
      await page.locator('.ant-drawer-close').click();
      await detail.waitFor({ state: 'hidden' });

      // The import cannot be undone now that an outreach event depends on one of its enterprises.
      await page.getByTestId('main-menu').getByText('Nhập từ Excel').click();
      await history.locator('tr').filter({ hasText: 'ds-doanh-nghiep-bhxh.xlsx' }).getByText('Hoàn tác').click();
      await page.locator('.ant-modal-confirm').getByRole('button', { name: 'Hoàn tác' }).click();
      await page.locator('.ant-modal-confirm-error').getByText('Không thể hoàn tác', { exact: false }).waitFor();
    } catch (e) {
      await failureShot(page, 'journey');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('phone: the enterprise list, its filters and the coverage strip fit 390 px', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await page.goto('/login');
      await login(page, USER, server.passwordOf(USER));
      await page.goto('/enterprises');
      const table = page.getByTestId('enterprises-table');
      await table.getByText(TARGET).waitFor();
      await page.getByTestId('coverage-text').waitFor();
      await page.getByTestId('filters-toggle').click();
      await page.getByTestId('enterprise-filters').waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot(page, 'enterprises-list-phone.png');
      const noOverflow = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
          0,
        );

      // The details open in a drawer from the bottom.
      await table.getByText(TARGET).click();
      await page.getByTestId('enterprise-detail').getByRole('heading', { name: TARGET }).waitFor();
      await shot(page, 'enterprises-detail-phone.png', false);
      await page.locator('.ant-drawer-close').click();

      await page.goto('/outreach');
      await page.getByTestId('outreach-table').getByText('Gặp gỡ công nhân ca chiều').waitFor();
      await noOverflow();
      await shot(page, 'enterprises-outreach-phone.png');

      await page.goto('/import');
      await page.getByTestId('import-history').getByText('ds-doanh-nghiep-bhxh.xlsx').waitFor();
      await noOverflow();
      await shot(page, 'enterprises-import-phone.png');
    } catch (e) {
      await failureShot(page, 'phone');
      throw e;
    } finally {
      await context.close();
    }
  });
});
