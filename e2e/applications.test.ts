import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyLinkOf, login, shot } from './actions.js';
import { chromiumAvailable, clearScreenshots, launchBrowser, newPage, PHONE, SCREENSHOTS } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

/**
 * Self-application by QR link: the officer of a grassroots union makes the unit's link and prints its
 * poster; a worker opens the link on a phone (390×844), fills the short form, gets a field's error in
 * Vietnamese, ticks consent and sends it; the officer approves it in the queue, and the new member is
 * listed and counted.
 */

const OFFICER = 'cdcs.maymac';
const UNIT = 'CĐCS Công ty TNHH May mặc Phú Riềng';
const WORKER = 'Trần Thị Mỹ Duyên';
// A female born in 1996 (digit 4 = 1, digits 5–6 = 96), province 079.
const CCCD = '079196081234';

const available = chromiumAvailable();

describe.skipIf(!available)('self-application through the QR link', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    clearScreenshots('applications-');
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('officer prints the poster, a worker applies on a phone, the officer approves, the member is counted', async () => {
    const officer = await newPage(browser, server.url);
    const worker = await newPage(browser, server.url, PHONE);
    let step = 'officer-link';
    try {
      // ---- The officer makes the unit's link and opens its poster.
      const o = officer.page;
      await o.goto('/login');
      await login(o, OFFICER, server.passwordOf(OFFICER));
      await o.getByTestId('main-menu').getByText('Đơn xin gia nhập').click();
      await o.getByRole('heading', { name: 'Đơn xin gia nhập' }).waitFor();
      await o.getByTestId('apply-link-open').click();
      const modal = o.getByTestId('apply-link-modal');
      await expect.poll(() => modal.getByTestId('apply-link-unit').textContent()).toContain(UNIT);
      const urlText = await applyLinkOf(modal);
      expect(urlText).toMatch(/\/apply\/[A-Za-z0-9_-]{22}$/);
      await shot(o, 'applications-link.png', false);
      await modal.getByTestId('apply-poster-open').click();
      const poster = o.getByTestId('apply-poster');
      await poster.waitFor();
      await poster.getByText('Quét mã để đăng ký gia nhập Công đoàn Việt Nam').waitFor();
      expect(await poster.textContent()).toContain(UNIT);
      expect(await o.getByTestId('apply-poster-url').textContent()).toBe(urlText);
      await expect
        .poll(() => o.getByTestId('apply-poster-qr').evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0);
      await shot(o, 'applications-poster.png');
      // Printed, it is one A4 page without the toolbar.
      const pdf = await o.pdf({ preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(path.join(SCREENSHOTS, 'applications-poster.pdf'), pdf);
      expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length).toBe(1);
      await o.emulateMedia({ media: 'print' });
      await o.setViewportSize({ width: 794, height: 1123 });
      await shot(o, 'applications-poster-print.png', false);
      await o.emulateMedia({ media: 'screen' });
      await o.setViewportSize({ width: 1366, height: 860 });
      const counts = async () =>
        (await (await o.request.get('/api/members/counts')).json()) as { admitted: number; activeAtEnd: number };
      const before = await counts();

      // ---- The worker opens the link on a phone.
      step = 'worker-form';
      const w = worker.page;
      await w.goto(new URL(urlText).pathname);
      const form = w.getByTestId('apply-form');
      await form.waitFor();
      // What the worker sees on opening the link, before scrolling.
      await shot(w, 'applications-apply-open.png', false);
      expect(await w.getByTestId('apply-unit').textContent()).toContain(UNIT);
      await w.getByLabel('Họ và tên').fill(WORKER);
      await w.getByLabel('Ngày sinh').pressSequentially('12041996');
      expect(await w.getByLabel('Ngày sinh').inputValue()).toBe('12/04/1996');
      await form.getByText('Nữ', { exact: true }).click();
      await w.getByLabel('Số căn cước công dân (CCCD)').fill(CCCD);
      // An 011 prefix belongs to no carrier: the server's message lands at the field.
      await w.getByLabel('Số điện thoại').fill('0111 222 333');
      await w.getByLabel('Nơi làm việc').fill('Công ty TNHH May mặc Phú Riềng');
      const check = w.getByTestId('apply-consent-check');
      expect(await check.isChecked()).toBe(false);
      expect(await w.getByTestId('apply-consent-text').textContent()).toMatch(/Quyền của bạn.*rút lại sự đồng ý/s);

      // Sending without consent is stopped at the box.
      await w.getByTestId('apply-submit').click();
      await w.getByText('Bạn cần đánh dấu đồng ý thì đơn mới được gửi').waitFor();
      await check.check();
      await w.getByTestId('apply-submit').click();
      await w.getByText(/Số điện thoại: Đầu số 011/).waitFor();
      await shot(w, 'applications-apply-error.png');
      // No horizontal scrolling on a phone.
      expect(await w.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

      await w.getByLabel('Số điện thoại').fill('0912 345 678');
      await w.getByTestId('apply-submit').click();
      const done = w.getByTestId('apply-success');
      await done.waitFor();
      expect(await done.textContent()).toContain('0912 345 678');
      await shot(w, 'applications-apply-success.png');

      // ---- The officer approves it in the queue.
      step = 'officer-approve';
      await o.goto('/applications');
      const table = o.getByTestId('applications-table');
      await table.getByText(WORKER).waitFor();
      expect(await table.textContent()).toContain('0791•••••234');
      await shot(o, 'applications-queue.png');
      // The demo has pending applications of its own: approve this worker's, found by name.
      const list = (await (await o.request.get('/api/applications')).json()) as {
        items: { id: number; fullName: string }[];
      };
      const id = list.items.find((a) => a.fullName === WORKER)?.id as number;
      await o.getByTestId(`application-approve-${id}`).click();
      const dialog = o.getByTestId('approve-form');
      await dialog.waitFor();
      await dialog.getByLabel('Số quyết định kết nạp').fill('15/QĐ-CĐCS');
      await shot(o, 'applications-approve.png', false);
      await o.getByRole('button', { name: 'Kết nạp', exact: true }).click();
      await o.getByText(`Đã kết nạp ${WORKER}`).waitFor();
      await expect.poll(async () => (await table.textContent()) ?? '').not.toContain(WORKER);

      const after = await counts();
      expect(after.admitted).toBe(before.admitted + 1);
      expect(after.activeAtEnd).toBe(before.activeAtEnd + 1);
      const members = (await (
        await o.request.get(`/api/members?q=${encodeURIComponent('tran thi my duyen')}`)
      ).json()) as {
        items: { fullName: string; unitName: string; decisionNo: string }[];
      };
      expect(members.items).toEqual([
        expect.objectContaining({ fullName: WORKER, unitName: UNIT, decisionNo: '15/QĐ-CĐCS' }),
      ]);
    } catch (e) {
      await shot(officer.page, `FAILED-applications-${step}-officer.png`).catch(() => {});
      await shot(worker.page, `FAILED-applications-${step}-worker.png`).catch(() => {});
      throw e;
    } finally {
      await officer.context.close();
      await worker.context.close();
    }
  });
});
