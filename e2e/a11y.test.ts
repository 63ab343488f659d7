import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { login, shot } from './actions.js';
import { expectAccessible } from './axe.js';
import { chromiumAvailable, clearScreenshots, DESKTOP, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Every main page, on a laptop (1366×860) and a phone (390×844), passes axe-core with no serious or
 * critical violation and has one h1: the tree, enterprises, members, the admission form, applications,
 * outreach, imports, users, the audit log, and the public application form a worker opens from a QR code.
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
    await modal.getByTestId('apply-link-create').click();
    const url = (await modal.getByTestId('apply-link-url').textContent()) ?? '';
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
      } finally {
        await context.close();
      }
    });
  }

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
        } finally {
          await context.close();
        }
      }
    });
  }
});
