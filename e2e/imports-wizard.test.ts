import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cccd } from '../src/server/test/people.js';
import { login, pick, shot, typeDate } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * A real office list through the wizard: the table ends at a total row with signatures under it, one ownership
 * spelling is in no list, and there is no survey-date column. The screen says where the table ended, asks what the
 * spelling means and for the date of the figures, re-previews, and writes every row.
 */

const USER = 'cdxa.phurieng';
const CHAIR = 'cdcs.maymac';
const W = [31, 29, 23, 19, 17, 13, 7, 5, 3];
let seq = 4_200_000 + Math.floor(Math.random() * 1_000_000);
const mst = (): string => {
  for (;;) {
    const base = `38${String(seq++).padStart(7, '0')}`;
    const rem = W.reduce((s, w, i) => s + w * Number(base[i]), 0) % 11;
    if (rem !== 0) return `${base}${(10 - rem) % 10}`;
  }
};

const available = chromiumAvailable();

describe.skipIf(!available)('import wizard on an office file', () => {
  let server: TestServer;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    clearScreenshots('imports-wizard-');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doanvien-e2e-wizard-'));
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the end of the table, maps an unknown spelling, takes the date of the figures, writes all rows', async () => {
    const file = path.join(dir, 'dn-van-phong.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    for (const r of [
      ['DANH SÁCH DOANH NGHIỆP'],
      [],
      ['STT', 'MST', 'Tên doanh nghiệp', 'Loại hình', 'Số LĐ'],
      [1, mst(), 'Công ty TNHH Hải Đăng Phú Riềng', 'Cty TNHH', 15],
      [2, mst(), 'Công ty CP Sao Mai Phú Riềng', 'CP', 30],
      [3, mst(), 'Công ty Liên kết Á Châu Phú Riềng', 'Cty liên kết', 40],
      ['', '', 'Tổng cộng: 3 đơn vị', '', 85],
      [],
      ['', 'Người lập biểu', '', 'CHỦ TỊCH'],
    ])
      ws.addRow(r);
    await wb.xlsx.writeFile(file);

    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, USER, server.passwordOf(USER));
      await page.getByTestId('main-menu').getByText('Nhập từ Excel').click();
      await page.getByRole('heading', { name: 'Nhập danh sách doanh nghiệp từ Excel' }).waitFor();
      await page.getByTestId('import-source').fill('Văn phòng huyện');
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-upload').getByText('dn-van-phong.xlsx').waitFor();
      await page.getByTestId('import-upload-submit').click();
      await page.getByTestId('import-mapping').waitFor();
      await page.getByTestId('import-preview-submit').click();

      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      const count = async (key: string) => (await page.getByTestId(`count-${key}`).textContent()) ?? '';
      // No survey-date column: the whole list waits for the date of the figures, asked for on the screen.
      await page.getByTestId('import-issues').getByText('Số liệu tính đến ngày', { exact: false }).waitFor();
      await shot(page, 'imports-wizard-asks-date.png');
      await typeDate(page.locator('#import-as-of'), '30/06/2024');
      await page.getByTestId('import-repreview').click();

      // Then the end of the table and the one unknown spelling (one line, not one per row).
      const info = page.getByTestId('import-info');
      await info.waitFor();
      expect(await info.textContent()).toContain('Tổng cộng: 3 đơn vị');
      expect(await count('rows')).toContain('3');
      expect(await count('reject')).toContain('1');
      const values = page.getByTestId('import-values');
      expect(await values.locator('tr.ant-table-row').count()).toBe(1);
      expect(await values.textContent()).toContain('Cty liên kết');
      await shot(page, 'imports-wizard-asks-value.png');

      await pick(page, page.getByTestId('import-value-ownership-ctylienket'), 'ngoài nhà nước', 'ngoai nha');
      await page.getByTestId('import-repreview').click();
      await expect.poll(() => count('reject'), { timeout: 15_000 }).toContain('0');
      expect(await count('insert')).toContain('3');
      // The mapped spelling keeps its row, with its meaning, so the choice can still be changed.
      expect(await values.locator('tr.ant-table-row').count()).toBe(1);
      expect(await page.getByTestId('import-value-ownership-ctylienket').textContent()).toContain('ngoài nhà nước');
      await shot(page, 'imports-wizard-mapped.png');

      await page.getByTestId('import-commit').click();
      const done = page.getByTestId('import-done');
      await done.getByText('Đã thêm 3 và cập nhật 0 doanh nghiệp.').waitFor();
    } catch (e) {
      await shot(page, 'FAILED-imports-wizard.png').catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });

  it('a member list attached to one decision: split names and birth dates, an x for the gender, no date column', async () => {
    const file = path.join(dir, 'de-nghi-ket-nap.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    const spaced = (x: string) => `${x.slice(0, 3)} ${x.slice(3, 6)} ${x.slice(6, 9)} ${x.slice(9)}`;
    for (const r of [
      ['DANH SÁCH ĐỀ NGHỊ KẾT NẠP ĐOÀN VIÊN'],
      ['STT', 'Họ và tên đệm', 'Tên', 'Ngày, tháng, năm sinh', '', '', 'Giới tính', '', 'Số CCCD', 'Dân tộc'],
      ['', '', '', 'Ngày', 'Tháng', 'Năm', 'Nam', 'Nữ', '', ''],
      [1, 'Lê Văn', 'Khánh', 5, 3, 1993, 'x', '', spaced(cccd('male', 1993)), 'Kinh'],
      [2, 'Điểu Thị', 'Hạnh', 12, 11, 1997, '', 'x', spaced(cccd('female', 1997)), "S'tiêng"],
      ['', 'Tổng số: 2 người'],
      [],
      ['', '', '', '', '', '', 'TM. BAN CHẤP HÀNH'],
    ])
      ws.addRow(r);
    for (const m of ['A1:J1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:F2', 'G2:H2', 'I2:I3', 'J2:J3']) ws.mergeCells(m);
    await wb.xlsx.writeFile(file);

    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, CHAIR, server.passwordOf(CHAIR));
      await page.goto('/import?kind=members');
      await page.getByRole('heading', { name: 'Nhập danh sách đoàn viên từ Excel' }).waitFor();
      await expect.poll(() => page.getByTestId('import-unit').textContent()).toContain('May mặc Phú Riềng');
      await page.getByTestId('import-source').fill('Đề nghị kết nạp quý II');
      await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(file);
      await page.getByTestId('import-upload').getByText('de-nghi-ket-nap.xlsx').waitFor();
      await page.getByTestId('import-upload-submit').click();
      // The two header rows are read: name parts, day / month / year, the x columns, the CCCD.
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      expect(await page.getByTestId('map-givenName').textContent()).toContain('Tên');
      expect(await page.getByTestId('map-birthMale').textContent()).toContain('Nam');
      await shot(page, 'imports-wizard-members-mapping.png');
      await page.getByTestId('import-preview-submit').click();

      // No admission-date column: the decision for the whole list is asked for on the screen.
      await page.getByTestId('import-preview').waitFor();
      await page.getByText('Quyết định kết nạp').first().waitFor();
      await page.locator('#import-decision-no').fill('27/QĐ-CĐCS');
      await typeDate(page.locator('#import-decision-date'), '10/05/2024');
      await typeDate(page.locator('#import-ceremony-date'), '19/05/2024');
      await page.getByTestId('import-repreview').click();
      const count = async (key: string) => (await page.getByTestId(`count-${key}`).textContent()) ?? '';
      // Before the decision, the file-wide issue holds every row back (0 to add); with it, both are added.
      await expect.poll(() => count('insert'), { timeout: 15_000 }).toContain('2');
      expect(await count('reject')).toContain('0');
      await shot(page, 'imports-wizard-members-preview.png');
      expect(await page.getByTestId('import-info').textContent()).toContain('Tổng số: 2 người');
      await shot(page, 'imports-wizard-members-preview.png');

      await page.getByTestId('import-commit').click();
      await page.getByTestId('import-done').getByText('Đã thêm 2 và cập nhật 0 đoàn viên.').waitFor();
      // The two are members from the decision's date, found by an unaccented search.
      await page.goto('/members');
      await page.getByTestId('member-search').locator('input').fill('dieu thi hanh');
      const row = page.getByTestId('members-table').locator('tr').filter({ hasText: 'Điểu Thị Hạnh' });
      await row.waitFor();
      expect(await row.textContent()).toContain('10/05/2024');
    } catch (e) {
      await shot(page, 'FAILED-imports-wizard-members.png').catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });
});
