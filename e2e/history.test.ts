import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, pick, shot, typeDate } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * History entered as it was (issue 9 §1), through the built app: the officer of the Phú Riềng district
 * federation (ended 01/07/2025) is told who took over and admits 2024 members into a 2024 CĐCS, picked
 * in the tree as of the decision's date; the province administrator records a CĐCS founded in 2024
 * under the district and answers what happened to it on 01/07/2025 (the commune union is proposed).
 */

const DISTRICT = 'Liên đoàn Lao động huyện Phú Riềng';
const GARMENT = 'CĐCS Công ty TNHH May mặc Phú Riềng';
const COMMUNE = 'Công đoàn xã Phú Riềng';
const BACKFILLED = 'CĐCS Công ty TNHH Bao bì Phú Riềng';

async function failureShot(page: Page, name: string) {
  await shot(page, `FAILED-history-${name}.png`).catch(() => {});
}

const available = chromiumAvailable();

describe.skipIf(!available)('history entered as it was', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    clearScreenshots('history-');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the ended district’s officer is warned and admits 2024 members into its 2024 CĐCS', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, 'phurieng.canbo', server.passwordOf('phurieng.canbo'));
      const notice = page.getByTestId('ended-unit-notice');
      await expect
        .poll(() => notice.textContent())
        .toContain(`${DISTRICT} đã kết thúc ngày 01/07/2025; đơn vị tiếp nhận: ${COMMUNE}`);

      await page.goto('/members/admit');
      await page.getByTestId('admit-form').waitFor();
      // The decision's date first: the union list follows the tree as of that date.
      await typeDate(page.locator('#admit_applicationDate'), '02/05/2024');
      await typeDate(page.locator('#admit_decisionDate'), '15/05/2024');
      await pick(page, page.getByTestId('admit-unit'), GARMENT, 'may mac');
      await page.getByTestId('admit-decisionNo').fill('31/QĐ-CĐCS');
      await page.locator('#admit_people_0_fullName').fill('Đinh Thị Hậu');
      await typeDate(page.locator('#admit_people_0_birthDate'), '14/02/1996');
      await page.getByTestId('admit-row-0').locator('.ant-radio-button-wrapper').filter({ hasText: 'Nữ' }).click();
      await page.locator('#admit_people_0_cccd').fill('070196991234');
      await shot(page, 'history-admit-2024.png');
      await page.getByTestId('admit-submit').click();
      await page.getByTestId('admit-result').waitFor();
      await expect.poll(() => page.getByTestId('admit-result').textContent()).toContain('Đinh Thị Hậu');
      await shot(page, 'history-admit-2024-result.png');
    } catch (e) {
      await failureShot(page, 'admit');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('the province administrator records a CĐCS founded in 2024 and says where it went on 01/07/2025', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, 'dongnai.admin', server.passwordOf('dongnai.admin'));
      // Login lands on the dashboard; the tree is under "Cơ cấu tổ chức".
      await page.goto('/org');
      await typeDate(page.locator('#org-as-of'), '01/03/2024');
      await page.keyboard.press('Escape');
      await page.getByTestId('unit-search').click();
      await page.keyboard.type('lien doan lao dong huyen phu rieng');
      await page.locator('.unit-select-popup .ant-select-item-option').filter({ hasText: DISTRICT }).first().click();
      await page.getByTestId('unit-detail').getByRole('heading', { name: DISTRICT, exact: true }).waitFor();
      await page.getByTestId('action-create').click();
      const form = page.getByTestId('create-unit-form');
      await typeDate(form.locator('#validFrom'), '01/03/2024');
      await form.getByLabel('Mã đơn vị').fill('CDCS-PR-BAOBI');
      const typeSelect = form
        .locator('.ant-form-item')
        .filter({ has: page.locator('#typeCode') })
        .locator('.ant-select');
      await pick(page, typeSelect.first(), 'Công đoàn cơ sở');
      await form.getByLabel('Tên đơn vị', { exact: true }).fill(BACKFILLED);
      // The later end of the district is asked, with the commune union proposed.
      const later = form.getByTestId('later-parents');
      await expect.poll(() => later.textContent()).toContain(`Ngày 01/07/2025, ${DISTRICT} kết thúc hoạt động`);
      await expect.poll(() => form.getByTestId('later-parent-0').textContent()).toContain(COMMUNE);
      await later.scrollIntoViewIfNeeded();
      await shot(page, 'history-found-2024.png', false);
      await page.locator('.ant-modal').getByRole('button', { name: 'Lưu' }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByTestId('unit-detail').getByRole('heading', { name: BACKFILLED }).waitFor();
      await expect.poll(() => page.getByTestId('unit-detail').textContent()).toContain(DISTRICT);

      // Today the backfilled CĐCS sits under the commune union.
      await page.getByTestId('as-of-today').click();
      await page.getByTestId('unit-detail').getByRole('heading', { name: BACKFILLED }).waitFor();
      await expect.poll(() => page.getByTestId('unit-detail').textContent()).toContain(COMMUNE);
      await shot(page, 'history-found-today.png');

      // It in fact closed on 30/09/2024, before the hand-over: recorded now, behind the later history.
      await page.getByTestId('action-more').click();
      await page.getByRole('menuitem', { name: 'Giải thể' }).click();
      const end = page.getByTestId('dissolve-unit-form');
      await typeDate(end.locator('#effectiveDate'), '30/09/2024');
      await shot(page, 'history-dissolve-2024.png', false);
      await page.locator('.ant-modal').getByRole('button', { name: 'Giải thể' }).click();
      await end.waitFor({ state: 'detached' });
      const id = Number(new URL(page.url()).searchParams.get('unit'));
      const unit = (await (await page.request.get(`/api/org/units/${id}?asOf=2024-09-01`)).json()) as {
        validTo: string | null;
        history: unknown[];
      };
      expect(unit.validTo).toBe('2024-09-30');
      // Its hand-over to the commune union no longer happened.
      expect(JSON.stringify(unit.history)).not.toContain(COMMUNE);
      await shot(page, 'history-dissolved-2024.png');
    } catch (e) {
      await failureShot(page, 'found');
      throw e;
    } finally {
      await context.close();
    }
  });
});
