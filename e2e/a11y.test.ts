import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLinkOf, login, shot } from './actions.js';
import { expectAccessible } from './axe.js';
import { chromiumAvailable, clearScreenshots, DESKTOP, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Every main page, on a laptop (1366×860) and a phone (390×844), passes axe-core with no serious or
 * critical violation and has one h1: the tree, enterprises, members, the admission form, applications,
 * outreach, imports, users, the audit log, a review and the reports received, and the public application form a worker opens from a QR code.
 */

const ADMIN = 'dongnai.admin';
const OFFICER = 'cdcs.maymac';

const PAGES: { path: string; name: string }[] = [
  { path: '/org', name: 'tree' },
  { path: '/enterprises', name: 'enterprises' },
  { path: '/members', name: 'members' },
  { path: '/members/admit', name: 'admit' },
  { path: '/applications', name: 'applications' },
  { path: '/outreach', name: 'outreach' },
  { path: '/import', name: 'imports' },
  { path: '/users', name: 'users' },
  { path: '/audit', name: 'audit' },
  // The demo's one review (Phú Riềng's first half of 2024), and the reports received.
  { path: '/reviews/1', name: 'review' },
  { path: '/reviews/received', name: 'reviews-received' },
];

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.locator('h1').first().waitFor();
  await page
    .locator('.ant-spin-spinning')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => {});
}

const available = chromiumAvailable();

describe.skipIf(!available)('accessibility of the main pages', () => {
  let server: TestServer;
  let browser: Browser;
  let applyPath = '';

  beforeAll(async () => {
    clearScreenshots('a11y-');
    server = await startTestServer();
    browser = await launchBrowser();
    // The grassroots officer makes the unit's link, as on the poster.
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/login');
    await login(page, OFFICER, server.passwordOf(OFFICER));
    await page.goto('/applications');
    await page.getByTestId('apply-link-open').click();
    const modal = page.getByTestId('apply-link-modal');
    const url = await applyLinkOf(modal);
    applyPath = new URL(url).pathname;
    await context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const devices = [
    ['laptop', DESKTOP],
    ['phone', PHONE],
  ] as const;

  for (const [device, viewport] of devices) {
    it(`sign-in page on a ${device}`, async () => {
      const { context, page } = await newPage(browser, server.url, viewport);
      try {
        await page.goto('/login');
        await page.getByLabel('Tên đăng nhập').waitFor();
        await expectAccessible(page, `login-${device}`);
      } finally {
        await context.close();
      }
    });
    it(`public application form on a ${device}`, async () => {
      const { context, page } = await newPage(browser, server.url, viewport);
      try {
        await page.goto(applyPath);
        await settle(page);
        await shot(page, `a11y-apply-${device}.png`);
        await expectAccessible(page, `apply-${device}`);
        // Sent empty, the form asks to fix the red fields; once they are fixed, it stops asking.
        const banner = page.getByText('Vui lòng sửa các mục được đánh dấu đỏ.');
        await page.getByTestId('apply-submit').click();
        await banner.waitFor();
        await expectAccessible(page, `apply-errors-${device}`);
        await page.getByLabel('Họ và tên').fill('Trần Thị Thử');
        await page.getByLabel('Ngày sinh').pressSequentially('12041996');
        await page.getByTestId('apply-form').getByText('Nữ', { exact: true }).click();
        await page.getByLabel('Số căn cước công dân (CCCD)').fill('079196081299');
        await page.getByLabel('Số điện thoại').fill('0912 345 678');
        await page.getByLabel('Nơi làm việc').fill('Công ty TNHH May mặc Phú Riềng');
        await page.getByTestId('apply-consent-check').check();
        await banner.waitFor({ state: 'detached' });
      } finally {
        await context.close();
      }
    });
  }

  it('the ended district officer lands on the tree of its last day without flashing an empty one', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      // Watches the page from its first paint for the "no unit active on …" message.
      await page.addInitScript(() => {
        const w = window as unknown as { sawEmpty?: boolean };
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="org-tree-empty"]')) w.sawEmpty = true;
        }).observe(document, { childList: true, subtree: true });
      });
      await page.goto('/login');
      await login(page, 'phurieng.canbo', server.passwordOf('phurieng.canbo'));
      // Login lands on the dashboard; the tree is one click away.
      await page.goto('/org');
      await page.getByTestId('org-node-PHURIENG').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => (window as unknown as { sawEmpty?: boolean }).sawEmpty ?? false)).toBe(false);
    } finally {
      await context.close();
    }
  });

  for (const p of PAGES) {
    it(`${p.name} on a laptop and a phone`, async () => {
      for (const [device, viewport] of devices) {
        const { context, page } = await newPage(browser, server.url, viewport);
        try {
          await page.goto('/login');
          await login(page, ADMIN, server.passwordOf(ADMIN));
          await page.goto(p.path);
          await settle(page);
          await shot(page, `a11y-${p.name}-${device}.png`);
          await expectAccessible(page, `${p.name}-${device}`);
          // Nothing scrolls sideways at 1366 px or on a phone but the lists built to (members, imports).
          if (p.name === 'outreach' || p.name === 'audit') {
            const overflow = await page.evaluate(() =>
              [...document.querySelectorAll('.ant-table-content, .ant-table-body')].map(
                (e) => e.scrollWidth - e.clientWidth,
              ),
            );
            expect(Math.max(0, ...overflow), `${p.name} table scrolls sideways on a ${device}`).toBeLessThanOrEqual(1);
            expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          }
        } finally {
          await context.close();
        }
      }
    });
  }
});
