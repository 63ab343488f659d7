import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, pick, shot } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * A review through the built app: the Phú Riềng federation officer creates the Q2/2024 review of the demo's
 * Plan 8/KH-LĐLĐ from the plan page, writes a difficulty, freezes the figures, sends the report to the
 * province and downloads it as Word; the Bình Phước province officer finds it among the reports received
 * and acknowledges it. Then the report on a phone.
 */

const available = chromiumAvailable();

async function confirm(page: Page, name: string) {
  await page.locator('.ant-popover:not(.ant-popover-hidden)').getByRole('button', { name }).click();
}

describe.skipIf(!available)('reviews: create, edit, freeze, send up, acknowledge, download', () => {
  let server: TestServer;
  let browser: Browser;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-review-'));

  beforeAll(async () => {
    clearScreenshots('reviews-');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the district sends its Q2/2024 report up and the province acknowledges it', async () => {
    const district = await newPage(browser, server.url);
    const page = district.page;
    let reviewUrl = '';
    try {
      await page.goto('/login');
      await login(page, 'phurieng.admin', server.passwordOf('phurieng.admin'));
      await page.goto('/plans');
      await page.getByRole('link', { name: '8/KH-LĐLĐ' }).first().click();
      await page.getByTestId('review-create').click();
      const form = page.getByTestId('review-create-form');
      await pick(page, form.getByTestId('review-part'), 'II');
      await expect.poll(() => form.getByTestId('review-period-preview').textContent()).toContain('quý II năm 2024');
      await page.getByRole('button', { name: 'Tạo báo cáo' }).last().click();
      await page.waitForURL(/\/reviews\/\d+$/);
      reviewUrl = new URL(page.url()).pathname;
      await page.getByRole('heading', { level: 1, name: /Báo cáo quý II năm 2024/ }).waitFor();
      await expect.poll(() => page.getByTestId('review-status').first().textContent()).toBe('Đang soạn');
      // The results section starts from the sentence drafted from the figures.
      expect(await page.getByTestId('review-section-results').inputValue()).toMatch(/^- Kết nạp \d+\/\d+ đoàn viên/m);

      await page
        .getByTestId('review-section-difficulties')
        .fill('Một số doanh nghiệp chưa phối hợp; còn {T3.actual} đoàn viên.');
      await page.getByTestId('review-save').click();
      await page.getByText('Đã lưu nội dung báo cáo').waitFor();
      await shot(page, 'reviews-1-draft.png');

      await page.getByTestId('review-freeze').click();
      await confirm(page, 'Chốt số liệu');
      await expect.poll(() => page.getByTestId('review-status').first().textContent()).toBe('Đã chốt số liệu');
      expect(await page.getByTestId('review-asof').textContent()).toContain('Số liệu tính đến ngày 30/06/2024');
      await expect.poll(() => page.getByTestId('review-section-difficulties').isDisabled()).toBe(true);

      await page.getByTestId('review-submit').click();
      await confirm(page, 'Đồng ý');
      await expect.poll(() => page.getByTestId('review-status').first().textContent()).toBe('Đã gửi cấp trên');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('review-document').click(),
      ]);
      const file = path.join(dir, 'bao-cao.docx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toMatch(/\.docx$/);
      expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
      await shot(page, 'reviews-2-sent.png');

      // The PDF opens in a new tab; without LibreOffice on the server the tab closes and the reason shows here.
      const popup = page.waitForEvent('popup');
      await page.getByTestId('review-document-pdf').click();
      const tab = await popup;
      await expect.poll(() => (tab.isClosed() ? 'closed' : tab.url()), { timeout: 90_000 }).toMatch(/^(blob:|closed$)/);
      if (tab.isClosed())
        await page
          .getByText(/LibreOffice/)
          .first()
          .waitFor();
      else await tab.close();
    } catch (e) {
      await shot(page, 'reviews-FAILED-district.png').catch(() => {});
      throw e;
    } finally {
      await district.context.close();
    }

    const provinceTab = await newPage(browser, server.url);
    const p = provinceTab.page;
    try {
      await p.goto('/login');
      await login(p, 'binhphuoc.admin', server.passwordOf('binhphuoc.admin'));
      await p.goto('/reviews/received');
      const row = p.getByTestId('reviews-received').getByRole('row').filter({ hasText: 'quý II năm 2024' });
      await row.getByRole('link').click();
      await p.waitForURL((u) => u.pathname === reviewUrl);
      await p.getByTestId('review-acknowledge').click();
      await expect.poll(() => p.getByTestId('review-status').first().textContent()).toBe('Cấp trên đã tiếp nhận');
      await shot(p, 'reviews-3-acknowledged.png');
    } catch (e) {
      await shot(p, 'reviews-FAILED-province.png').catch(() => {});
      throw e;
    } finally {
      await provinceTab.context.close();
    }

    const phone = await newPage(browser, server.url, PHONE);
    try {
      await phone.page.goto('/login');
      await login(phone.page, 'phurieng.admin', server.passwordOf('phurieng.admin'));
      await phone.page.goto(reviewUrl);
      await phone.page.getByTestId('review-figures').waitFor();
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await shot(phone.page, 'reviews-4-phone.png');
    } finally {
      await phone.context.close();
    }
  });

  it('a commune union sets its document header from the organisation screen', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, 'cdxa.phurieng', server.passwordOf('cdxa.phurieng'));
      await page.goto('/org');
      await page.getByTestId('org-node-CDXA-PHURIENG').click();
      await page.getByTestId('action-more').click();
      await page.getByRole('menuitem', { name: 'Thể thức văn bản' }).click();
      const form = page.getByTestId('header-form');
      await form.getByLabel('Tên cơ quan ban hành').fill('BCH CÔNG ĐOÀN XÃ PHÚ RIỀNG');
      await form.getByLabel('Thẩm quyền ký (ví dụ TM. BAN THƯỜNG VỤ)').fill('TM. BAN CHẤP HÀNH');
      await shot(page, 'reviews-5-header.png', false);
      await page
        .getByRole('button', { name: 'OK' })
        .or(page.getByRole('button', { name: 'Lưu' }))
        .last()
        .click();
      await page.getByText('Đã lưu thể thức văn bản').waitFor();
      await page.getByTestId('action-more').click();
      await page.getByRole('menuitem', { name: 'Thể thức văn bản' }).click();
      await expect.poll(() => page.getByTestId('header-printed').textContent()).toContain('BCH CÔNG ĐOÀN XÃ PHÚ RIỀNG');
    } catch (e) {
      await shot(page, 'reviews-FAILED-header.png').catch(() => {});
      throw e;
    } finally {
      await context.close();
    }
  });
});
