import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, shot } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Plans through the built app: the Phú Riềng federation officer signs in and lands on the dashboard
 * with the four targets of Plan 8/KH-LĐLĐ (2024; no plan is in force today, so it opens at the plan's
 * last day and says so), drills from T3 into the admissions behind the figure on the members list,
 * then assigns T3 to two grassroots unions. Then the dashboard on a phone.
 */

const USER = 'phurieng.admin';
const PLAN = { number: '8', symbol: 'KH-LĐLĐ', periodFrom: '2024-04-15', periodTo: '2024-10-30' };
const CODES = ['T1', 'T2', 'T3', 'T4'];

type Json = Record<string, unknown>;

/** A call of the API with the browser's own session (cookie + CSRF token), as the web app makes it. */
async function api(page: Page, method: string, url: string, body?: Json): Promise<Json> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(url, {
        method,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      const data = await res.json();
      if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data)}`);
      return data;
    },
    { method, url, body },
  );
}

/**
 * The demo loads the seed plan (demo-plans.ts). Should a demo ever come without it, the journey makes
 * the same plan through the API first, so the screens are still the thing tested.
 */
async function ensureSeedPlan(page: Page): Promise<number> {
  const list = (await api(page, 'GET', '/api/plans?limit=200')) as { items: { id: number; reference: string }[] };
  const found = list.items.find((p) => p.reference === `${PLAN.number}/${PLAN.symbol}`);
  if (found) return found.id;
  const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as {
    roles: { unitId: number }[];
  };
  const created = (await api(page, 'POST', '/api/plans', {
    unitId: me.roles[0]?.unitId,
    ...PLAN,
    issuedOn: '2024-04-15',
    place: 'Phú Riềng',
    title: 'Kế hoạch phát triển đoàn viên, thành lập công đoàn cơ sở năm 2024',
    targets: [
      { code: 'T1', metric: 'outreach.coverage', goal: 100 },
      { code: 'T2', metric: 'unions.founded', filters: { nonState: true, minWorkers: 25 }, goal: 1 },
      {
        code: 'T3',
        metric: 'members.admitted',
        goal: 250,
        subTargets: [{ code: 'T3.1', metric: 'members.admitted', filters: { informal: true }, goal: 30 }],
      },
      { code: 'T4', metric: 'party.introduced', goal: 90 },
    ],
  })) as { id: number };
  await api(page, 'POST', `/api/plans/${created.id}/issue`);
  return created.id;
}

async function failureShot(page: Page, name: string) {
  await shot(page, `FAILED-plans-${name}.png`).catch(() => {});
}

const available = chromiumAvailable();

describe.skipIf(!available)('plans: dashboard, drill-down, assignment', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    clearScreenshots('plans-');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the Phú Riềng officer lands on the dashboard, drills into T3 and assigns it to two CĐCS', async () => {
    const { context, page } = await newPage(browser, server.url);
    try {
      await page.goto('/login');
      await login(page, USER, server.passwordOf(USER));
      const planId = await ensureSeedPlan(page);
      await page.goto('/');

      // ---- The landing page: the four targets, each with its bar and status.
      await page.getByRole('heading', { level: 1, name: 'Tiến độ thực hiện kế hoạch' }).waitFor();
      const block = page.getByTestId(`dash-plan-${planId}`);
      await block.waitFor();
      await page.getByTestId('dash-fallback').waitFor();
      expect(await page.locator('#dash-as-of').inputValue()).toBe('30/10/2024');
      for (const code of CODES) await block.getByTestId(`target-card-${code}`).waitFor();
      const t3 = block.getByTestId('target-card-T3');
      const bar = t3.getByRole('progressbar').first();
      expect(await bar.getAttribute('aria-label')).toMatch(/^T3 .*đạt \d+ trên chỉ tiêu 250/);
      await t3.getByTestId('target-status').first().waitFor();
      await t3.getByText('Trong đó').waitFor();
      await block.getByTestId('chart-T1').waitFor();
      await block.getByTestId('children-T1').waitFor();
      const exportHref = await block.getByTestId(`dash-export-${planId}`).getAttribute('href');
      expect(exportHref).toContain(`/api/plans/${planId}/progress.xlsx`);
      const xlsx = await page.evaluate(async (u) => (await fetch(u)).headers.get('content-type'), exportHref ?? '');
      expect(xlsx).toContain('spreadsheetml');
      await t3.getByTestId('target-select-T3').click();
      await block.getByTestId('chart-T3').waitFor();
      await shot(page, 'plans-dashboard.png');

      // ---- Drill from T3's figure into the admissions behind it.
      const t3Link = t3.getByTestId('drill-T3');
      const figure = Number((await t3Link.textContent())?.replace(/\D/g, ''));
      expect(figure).toBeGreaterThan(0);
      await t3Link.click();
      await page.waitForURL('**/members?**');
      const url = new URL(page.url());
      expect(url.searchParams.get('admittedFrom')).toBe(PLAN.periodFrom);
      expect(url.searchParams.get('admittedTo')).toBe(PLAN.periodTo);
      const table = page.getByTestId('members-table');
      await table.locator('tbody tr.clickable-row').first().waitFor();
      // The list says how many it holds: the same figure as the card.
      await page.getByText(`Tổng số: ${figure}`).waitFor();
      await shot(page, 'plans-drill-T3.png');

      // ---- Assign T3 to two grassroots unions from the plan's page.
      await page.goto(`/plans/${planId}`);
      await page.getByRole('heading', { level: 1, name: /Kế hoạch 8\/KH-LĐLĐ/ }).waitFor();
      await page.getByTestId('assign-T3').click();
      const modal = page.getByTestId('shares-modal');
      const rows = modal.getByTestId('shares-table').locator('tbody tr').filter({ hasText: 'CĐCS' });
      await rows.first().waitFor();
      expect(await rows.count()).toBeGreaterThanOrEqual(2);
      await rows.nth(0).locator('input').fill('150');
      await rows.nth(1).locator('input').fill('100');
      await expect.poll(() => modal.getByTestId('shares-sum').textContent()).toContain('Tổng đã giao: 250 / 250');
      await shot(page, 'plans-shares.png', false);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã giao chỉ tiêu cho 2 đơn vị').waitFor();
      // The shares are on the plan now: the children table of T3 shows them.
      await page.getByTestId('target-select-T3').click();
      const children = page.getByTestId('children-T3');
      await expect.poll(async () => children.getByText('150', { exact: true }).count()).toBeGreaterThan(0);
      await shot(page, 'plans-detail.png');
    } catch (e) {
      await failureShot(page, 'desktop');
      throw e;
    } finally {
      await context.close();
    }
  });

  it('the dashboard on a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    try {
      await page.goto('/login');
      await login(page, USER, server.passwordOf(USER));
      await page.getByRole('heading', { level: 1, name: 'Tiến độ thực hiện kế hoạch' }).waitFor();
      for (const code of CODES) await page.getByTestId(`target-card-${code}`).first().waitFor();
      // One column: no card wider than the screen.
      const width = await page
        .getByTestId('target-card-T1')
        .first()
        .evaluate((el) => el.getBoundingClientRect().width);
      expect(width).toBeLessThanOrEqual(390);
      const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(scroll).toBeLessThanOrEqual(390);
      await shot(page, 'plans-dashboard-phone.png');
    } catch (e) {
      await failureShot(page, 'phone');
      throw e;
    } finally {
      await context.close();
    }
  });
});
