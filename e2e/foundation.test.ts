import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, OPEN_OPTIONS, typeDate } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE, screenshot } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Foundation journeys through the built app and a real server: sign-in, the dated org tree seen by
 * a district officer whose federation ended on 01/07/2025, language memory, sign-out; and the
 * administrator's views (tree before/after the reorganisation, users, audit, phone layout).
 */

const DISTRICT = 'Liên đoàn Lao động huyện Phú Riềng';
const GARMENT = 'CĐCS Công ty TNHH May mặc Phú Riềng';

/** Sets the "as of" date of the tree page. */
async function setAsOf(page: Page, viDate: string) {
  const input = page.locator('#org-as-of');
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(viDate);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(viDate);
  await page.keyboard.press('Escape');
}

/**
 * Chooses an option of an antd Select (typing `search` first when given) and checks that it stuck:
 * a click landing while the list is still animating open is retried rather than silently lost.
 */
async function choose(page: Page, field: Locator, optionText: string, search?: string) {
  for (let attempt = 1; ; attempt++) {
    await field.locator('.ant-select').first().click();
    if (search) await page.keyboard.type(search);
    const option = page.locator(OPEN_OPTIONS).filter({ hasText: optionText }).first();
    await option.waitFor();
    await option.click();
    try {
      await expect
        .poll(() => field.locator('.ant-select').first().textContent(), { timeout: 3_000 })
        .toContain(optionText);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Finds a unit with the page's search box (accent-free typing) and waits for its details. */
async function findUnit(page: Page, search: string, name: string) {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId('unit-search').click();
    await page.keyboard.type(search);
    await page.locator('.unit-select-popup .ant-select-item-option').filter({ hasText: name }).first().click();
    try {
      await page
        .getByTestId('unit-detail')
        .getByRole('heading', { name, exact: true })
        .waitFor({ timeout: attempt >= 3 ? 15_000 : 5_000 });
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** What the page looked like when a step failed: the first thing to look at in CI artefacts. */
async function failureShot(page: Page, name: string) {
  await screenshot(page, `FAILED-${name}.png`).catch(() => {});
}

const available = chromiumAvailable();

describe.skipIf(!available)('browser journeys', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    clearScreenshots();
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('district officer: tree limited to the ended district, as-of date, language memory, sign-out', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/');
      await page.waitForURL('**/login');
      await page.getByRole('heading', { name: 'Đoàn Viên' }).waitFor();
      await page.getByText('Phát triển đoàn viên, thành lập công đoàn cơ sở').waitFor();
      await screenshot(page, 'login.png');

      // A wrong password gets the server's own Vietnamese message.
      await page.getByLabel('Tên đăng nhập').fill('phurieng.canbo');
      await page.getByLabel('Mật khẩu').fill('sai-mat-khau-123');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await expect
        .poll(() => page.getByTestId('login-error').textContent())
        .toContain('Tên đăng nhập hoặc mật khẩu không đúng');

      await login(page, 'phurieng.canbo', server.passwordOf('phurieng.canbo'));
      await page.getByTestId('user-name').filter({ hasText: 'Phạm Thị Lan' }).waitFor();
      await page.goto('/org'); // the landing page is the dashboard (plans journey)

      // The district ended on 01/07/2025: the first view switches to its last day and says so.
      const tree = page.getByTestId('org-tree');
      await tree.getByText(DISTRICT, { exact: true }).waitFor();
      await tree.getByText(GARMENT, { exact: true }).waitFor();
      expect(await page.locator('#org-as-of').inputValue()).toBe('30/06/2025');
      expect(page.url()).toContain('asOf=2025-06-30');
      const notice = page.getByTestId('org-asof-notice');
      await expect.poll(() => notice.textContent()).toContain('đã kết thúc hoạt động từ 01/07/2025');
      expect(await tree.getByText('Liên đoàn Lao động huyện Bù Đăng').count()).toBe(0);
      expect(await tree.getByText('Liên đoàn Lao động tỉnh Đồng Nai').count()).toBe(0);
      expect(await tree.getByText('Liên đoàn Lao động tỉnh Bình Phước').count()).toBe(0);
      // Officers see the structure but cannot change it.
      await tree.getByText(GARMENT, { exact: true }).click();
      await page.getByTestId('unit-detail').getByRole('heading', { name: GARMENT }).waitFor();
      expect(await page.getByTestId('action-create').count()).toBe(0);
      await screenshot(page, 'tree-district-2025-06-30.png');

      // From the reform date on, nothing of the district exists; the page offers its last day.
      await setAsOf(page, '01/07/2025');
      await page.getByTestId('org-tree-empty').waitFor();
      expect(await page.getByTestId('org-tree').count()).toBe(0);
      const back = page.getByRole('button', { name: 'Xem tại ngày 30/06/2025' });
      await back.waitFor();
      await screenshot(page, 'tree-district-2025-07-01.png');
      await back.click();
      await page.getByTestId('org-tree').getByText(DISTRICT, { exact: true }).waitFor();

      // English, remembered for the user on the server (not just in this browser).
      await page.getByTestId('lang-switch').getByText('EN').click();
      await page.getByRole('heading', { name: 'Organisation structure' }).waitFor();
      await page.getByTestId('main-menu').getByText('Organisation').waitFor();
      await page.evaluate(() => localStorage.clear());
      await page.reload();
      await page.getByRole('heading', { name: 'Organisation structure' }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await page.getByText('Cơ cấu tổ chức').count()).toBe(0);
      await page.getByTestId('org-tree').getByText(DISTRICT, { exact: true }).waitFor();
      await screenshot(page, 'tree-district-en.png');

      await page.getByTestId('logout').click();
      await page.waitForURL('**/login');
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
    } catch (e) {
      await failureShot(page, 'district');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('administrator: the reorganised tree on both dates, users and audit', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/org');
      await page.waitForURL('**/login');
      await login(page, 'admin', server.passwordOf('admin'));
      const tree = page.getByTestId('org-tree');
      await tree.getByText('Tổng Liên đoàn Lao động Việt Nam', { exact: true }).waitFor();

      // Before the reform: province → district federation → grassroots union.
      await setAsOf(page, '30/06/2025');
      await tree.getByText('Liên đoàn Lao động tỉnh Bình Phước', { exact: true }).waitFor();
      await findUnit(page, 'may mac', GARMENT);
      await tree.getByText(DISTRICT, { exact: true }).waitFor();
      await tree.getByText(GARMENT, { exact: true }).waitFor();
      await page.getByTestId('unit-detail').getByRole('heading', { name: GARMENT }).waitFor();
      await screenshot(page, 'tree-admin-2025-06-30.png');

      // Today: Bình Phước merged into Đồng Nai, districts gone, commune unions in between.
      await page.getByTestId('as-of-today').click();
      await tree.getByText('Liên đoàn Lao động tỉnh Đồng Nai', { exact: true }).waitFor();
      await findUnit(page, 'may mac', GARMENT);
      await tree.getByText('Công đoàn xã Phú Riềng', { exact: true }).waitFor();
      await tree.getByText(GARMENT, { exact: true }).waitFor();
      expect(await tree.getByText(DISTRICT, { exact: true }).count()).toBe(0);
      expect(await tree.getByText('Liên đoàn Lao động tỉnh Bình Phước', { exact: true }).count()).toBe(0);
      await page.getByTestId('action-create').waitFor();
      await screenshot(page, 'tree-admin-today.png');

      // Users: list, then create one with a generated password shown once.
      await page.getByTestId('main-menu').getByText('Người dùng').click();
      await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
      const table = page.getByTestId('users-table');
      await table.getByText('phurieng.canbo', { exact: true }).waitFor();
      await screenshot(page, 'users.png');

      await page.getByTestId('user-create').click();
      const form = page.getByTestId('create-user-form');
      await form.getByLabel('Tên đăng nhập').fill('xaphurieng.canbo');
      await form.getByLabel('Họ và tên').fill('Võ Thị Thu');
      const roleRow = form.locator('.role-rows .ant-row').first();
      await choose(page, roleRow.locator('.ant-form-item').first(), 'Công đoàn xã Phú Riềng', 'xa phu rieng');
      await choose(page, roleRow.locator('.ant-form-item').nth(1), 'Cán bộ');
      await page.getByRole('button', { name: 'Lưu' }).click();
      const generated = page.getByTestId('generated-password');
      await generated.waitFor();
      expect(((await generated.textContent()) ?? '').trim().length).toBeGreaterThanOrEqual(10);
      await screenshot(page, 'user-created-password.png', false);
      await page.getByTestId('password-once-close').click();
      await table.getByText('xaphurieng.canbo', { exact: true }).waitFor();

      await page.getByTestId('main-menu').getByText('Nhật ký').click();
      await page.getByTestId('audit-table').getByText('Tạo người dùng').first().waitFor();
      await screenshot(page, 'audit.png');

      // The session ends (expired, or revoked elsewhere): the next request lands on the login page, saying why.
      await context.clearCookies();
      await page.getByTestId('main-menu').getByText('Người dùng').click();
      await page.getByTestId('user-search').locator('input').fill('lan');
      await page.waitForURL('**/login');
      await page.getByText('Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.').waitFor();
    } catch (e) {
      await failureShot(page, 'admin');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('federation administrator: founds, renames and dissolves a grassroots union with dated events', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, 'dongnai.admin', server.passwordOf('dongnai.admin'));
      await page.goto('/org');
      const tree = page.getByTestId('org-tree');
      const detail = page.getByTestId('unit-detail');
      await tree.getByText('Công đoàn xã Phú Riềng', { exact: true }).click();
      await detail.getByRole('heading', { name: 'Công đoàn xã Phú Riềng' }).waitFor();

      // Found a new grassroots union under the commune union; only types allowed there are offered.
      await page.getByTestId('action-create').click();
      const create = page.getByTestId('create-unit-form');
      await create.getByLabel('Mã đơn vị').fill('cdcs-pr-006');
      await create.getByLabel('Tên đơn vị').fill('CĐCS Công ty TNHH Điện tử Phú Riềng');
      const typeField = create.locator('.ant-form-item').filter({ hasText: 'Loại đơn vị' });
      await typeField.locator('.ant-select').click();
      const typeOptions = page.locator(OPEN_OPTIONS);
      await typeOptions.first().waitFor();
      expect(await typeOptions.allTextContents()).toEqual(['Công đoàn cơ sở', 'Nghiệp đoàn cơ sở']);
      await page.keyboard.press('Escape');
      await choose(page, typeField, 'Công đoàn cơ sở');
      await create.getByLabel('Số quyết định thành lập').fill('101/QĐ-LĐLĐ');
      await screenshot(page, 'org-create-modal.png', false);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await detail.getByRole('heading', { name: 'CĐCS Công ty TNHH Điện tử Phú Riềng' }).waitFor();
      await tree.getByText('CĐCS Công ty TNHH Điện tử Phú Riềng', { exact: true }).waitFor();
      expect(await tree.getByTestId('org-node-CDCS-PR-006').count()).toBe(1);

      // Rename it (same day: the first state is corrected, an event is recorded).
      await page.getByTestId('action-more').click();
      await page.getByRole('menuitem', { name: 'Đổi tên' }).click();
      const rename = page.getByTestId('rename-unit-form');
      await rename.getByLabel('Tên đơn vị').fill('CĐCS Công ty Cổ phần Điện tử Phú Riềng');
      await page.getByRole('button', { name: 'Lưu' }).click();
      await detail.getByRole('heading', { name: 'CĐCS Công ty Cổ phần Điện tử Phú Riềng' }).waitFor();
      await detail.getByRole('tab', { name: 'Sự kiện' }).click();
      await detail.getByTestId('unit-events').getByText('Đổi tên / địa bàn').waitFor();

      // Dissolving on its founding day is refused with the server's message; a later date works.
      await page.getByTestId('action-more').click();
      await page.getByRole('menuitem', { name: 'Giải thể' }).click();
      const dissolve = page.getByTestId('dissolve-unit-form');
      await page.getByRole('button', { name: 'Giải thể' }).last().click();
      await expect
        .poll(() => page.locator('.ant-modal-body .ant-alert-error').textContent())
        .toContain('Ngày hiệu lực phải sau ngày thành lập');
      await screenshot(page, 'org-dissolve-error.png', false);
      await typeDate(dissolve.getByLabel('Ngày hiệu lực'), '01/01/2030');
      await dissolve.getByLabel('Số quyết định').fill('55/QĐ-LĐLĐ');
      await page.getByRole('button', { name: 'Giải thể' }).last().click();
      await detail.getByText('Kết thúc từ 01/01/2030').waitFor();

      // From that date on, the tree no longer shows it.
      await setAsOf(page, '01/01/2030');
      await tree.getByText('Công đoàn xã Phú Riềng', { exact: true }).waitFor();
      await expect.poll(() => tree.getByTestId('org-node-CDCS-PR-006').count()).toBe(0);
      await detail.getByText('Đã kết thúc từ 01/01/2030').waitFor();
      await screenshot(page, 'org-after-dissolve-2030.png');
    } catch (e) {
      await failureShot(page, 'org-changes');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('phone: the tree, the menu drawer and the unit details fit 390 px', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').waitFor();
      await screenshot(page, 'login-phone.png', false);
      await login(page, 'admin', server.passwordOf('admin'));
      await page.goto('/org');
      const tree = page.getByTestId('org-tree');
      await tree.getByText('Liên đoàn Lao động tỉnh Đồng Nai', { exact: true }).waitFor();
      await tree.getByText('Liên đoàn Lao động tỉnh Đồng Nai', { exact: true }).click();
      // On a phone the details open in a drawer over the tree.
      await page
        .getByTestId('unit-detail')
        .getByRole('heading', { name: 'Liên đoàn Lao động tỉnh Đồng Nai' })
        .waitFor();
      await screenshot(page, 'unit-detail-phone.png', false);
      await page
        .getByRole('button', { name: /close|đóng/i })
        .first()
        .click();
      await page.getByTestId('unit-detail').waitFor({ state: 'hidden' });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await screenshot(page, 'tree-phone.png');

      await page.getByTestId('menu-button').click();
      await page.getByTestId('main-menu').getByText('Người dùng').waitFor();
      await screenshot(page, 'menu-phone.png', false);
      await page.getByTestId('main-menu').getByText('Người dùng').click();
      await page.getByTestId('users-table').getByText('phurieng.canbo', { exact: true }).waitFor();
      await screenshot(page, 'users-phone.png');
    } catch (e) {
      await failureShot(page, 'phone');
      throw e;
    } finally {
      await context.close();
    }
  });
});
