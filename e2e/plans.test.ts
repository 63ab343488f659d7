import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, shot } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Plans through the built app: the Phú Riềng federation officer signs in and lands on the dashboard
 * with the four targets of the demo's Plan 8/KH-LĐLĐ (2024; no plan is in force today, so it opens at
 * the plan's last day and says so), drills from T3 into the admissions behind the figure on the members
 * list, then assigns T3 to two more grassroots unions (past the goal: confirmed). Then a phone.
 */

const USER = 'phurieng.admin';
const PLAN = { number: '8', symbol: 'KH-LĐLĐ' };
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

/** The demo's seed plan (src/server/demo/demo-plans.ts), found as the officer sees it. */
type Summary = { id: number; reference: string; periodFrom: string; periodTo: string };
async function seedPlan(page: Page): Promise<Summary> {
  const list = (await api(page, 'GET', '/api/plans?limit=200')) as { items: Summary[] };
  const found = list.items.find((p) => p.reference === `${PLAN.number}/${PLAN.symbol}`);
  if (!found) throw new Error(`the demo has no plan ${PLAN.number}/${PLAN.symbol}: ${JSON.stringify(list.items)}`);
  return found;
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
      const plan = await seedPlan(page);
      const planId = plan.id;
      // The dashboard as of the plan's last day (the demo's 2024 plan has ended by the time the suite runs).
      await page.goto(`/?asOf=${plan.periodTo}`);

      // ---- The landing page: the four targets, each with its bar and status.
      await page.getByRole('heading', { level: 1, name: 'Tiến độ thực hiện kế hoạch' }).waitFor();
      const block = page.getByTestId(`dash-plan-${planId}`);
      await block.waitFor();
      expect(await page.locator('#dash-as-of').inputValue()).toBe(plan.periodTo.split('-').reverse().join('/'));
      for (const code of CODES) await block.getByTestId(`target-card-${code}`).waitFor();
      const t3 = block.getByTestId('target-card-T3');
      const bar = t3.getByRole('progressbar').first();
      expect(await bar.getAttribute('aria-label')).toMatch(/^T3 .*đạt \d+ trên chỉ tiêu 250/);
      await t3.getByTestId('target-status').first().waitFor();
      await t3.getByText('Trong đó', { exact: true }).waitFor();
      await block.getByTestId('chart-T1').waitFor();
      await block.getByTestId('children-T1').waitFor();
      const exportHref = await block.getByTestId(`dash-export-${planId}`).getAttribute('href');
      expect(exportHref).toContain(`/api/plans/${planId}/progress.xlsx`);
      const xlsx = await page.evaluate(async (u) => (await fetch(u)).headers.get('content-type'), exportHref ?? '');
      expect(xlsx).toContain('spreadsheetml');
      await t3.getByTestId('target-select-T3').click();
      await block.getByTestId('chart-T3').waitFor();
      await shot(page, 'plans-dashboard.png');

      // ---- Drill from T2's figure into the grassroots unions founded behind it.
      const t2Link = page.getByTestId('drill-T2');
      const founded = Number((await t2Link.textContent())?.replace(/\D/g, ''));
      await t2Link.click();
      await page.waitForURL('**/org/founded?**');
      await page.getByRole('heading', { level: 1, name: 'Công đoàn cơ sở được thành lập' }).waitFor();
      const foundedTable = page.getByTestId('founded-table');
      await foundedTable.getByText(`Tổng số: ${founded}`, { exact: true }).waitFor();
      expect(await foundedTable.locator('tbody tr.ant-table-row').count()).toBe(founded);
      await shot(page, 'plans-drill-T2.png');
      await page.goBack();

      // ---- Drill from T3's figure into the admissions behind it.
      const t3Link = t3.getByTestId('drill-T3');
      const figure = Number((await t3Link.textContent())?.replace(/\D/g, ''));
      expect(figure).toBeGreaterThan(0);
      await t3Link.click();
      await page.waitForURL('**/members?**');
      const url = new URL(page.url());
      expect(url.searchParams.get('admittedFrom')).toBe(plan.periodFrom);
      expect(url.searchParams.get('admittedTo')).toBe(plan.periodTo);
      const table = page.getByTestId('members-table');
      await table.locator('tbody tr.clickable-row').first().waitFor();
      // The list says how many it holds: the same figure as the card.
      await page.getByText(`Tổng số: ${figure}`).waitFor();
      await shot(page, 'plans-drill-T3.png');
      // The plan's period is one of the page's period shortcuts, beside this quarter / 6 months / this year.
      const planPeriod = page.getByTestId(`period-plan-${planId}`);
      expect(await planPeriod.textContent()).toBe('Kỳ KH 8/KH-LĐLĐ');
      await planPeriod.click();
      const dmy = (iso: string) => iso.split('-').reverse().join('/');
      await expect.poll(() => page.locator('#scope-from').inputValue()).toBe(dmy(plan.periodFrom));
      expect(await page.locator('#scope-to').inputValue()).toBe(dmy(plan.periodTo));
      expect(await planPeriod.getAttribute('aria-pressed')).toBe('true');

      // ---- Assign T3 to two more grassroots unions from the plan's page. The demo already shares the
      // 250 out among four units, so the two new shares take the sum past the goal: a warning to confirm.
      await page.goto(`/plans/${planId}`);
      await page.getByRole('heading', { level: 1, name: /Kế hoạch 8\/KH-LĐLĐ/ }).waitFor();
      await page.getByTestId('assign-T3').click();
      const modal = page.getByTestId('shares-modal');
      const sum = modal.getByTestId('shares-sum');
      await expect.poll(() => sum.textContent()).toContain('Tổng đã giao: 250 / 250');
      const unassigned = modal.locator('tbody tr.dash-row-noshare').filter({ hasText: 'CĐCS' });
      await unassigned.first().waitFor();
      expect(await unassigned.count()).toBeGreaterThanOrEqual(2);
      const names = [
        (await unassigned.nth(0).locator('td').first().textContent()) ?? '',
        (await unassigned.nth(1).locator('td').first().textContent()) ?? '',
      ];
      const missingBefore = await unassigned.count();
      await modal.getByRole('spinbutton', { name: `Chỉ tiêu giao — ${names[0]}` }).fill('20');
      await modal.getByRole('spinbutton', { name: `Chỉ tiêu giao — ${names[1]}` }).fill('10');
      await expect.poll(() => sum.textContent()).toContain('Tổng đã giao: 280 / 250');
      await modal.getByTestId('shares-exceeds').waitFor();
      expect(await modal.locator('tbody tr.dash-row-noshare').filter({ hasText: 'CĐCS' }).count()).toBe(
        missingBefore - 2,
      );
      await shot(page, 'plans-shares.png', false);
      await modal.getByRole('button', { name: 'Lưu' }).click();
      // More than the goal: saved only once confirmed.
      await page.locator('.ant-modal-confirm-title', { hasText: 'Vẫn lưu khi tổng vượt chỉ tiêu?' }).waitFor();
      await page.locator('.ant-modal-confirm-btns').getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã giao chỉ tiêu cho 6 đơn vị').waitFor();
      // The shares are on the plan now: the children table of T3 shows both units with their share.
      await page.getByTestId('target-select-T3').click();
      const children = page.getByTestId('children-T3');
      for (const [name, share] of [
        [names[0], '20'],
        [names[1], '10'],
      ] as const) {
        const row = children.locator('tbody tr').filter({ hasText: name });
        await expect.poll(() => row.locator('td').nth(1).textContent()).toBe(share);
      }
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
