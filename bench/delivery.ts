import { performance } from 'node:perf_hooks';
import type { CDPSession, Page } from 'playwright-core';
import { login } from '../e2e/actions.js';
import { chromiumAvailable, launchBrowser, newPage } from '../e2e/browser.js';
import { startTestServer } from '../e2e/server.js';

/**
 * Issue 11 §1, what a browser downloads: the bytes on the wire (compressed, as Chromium counts them) for the
 * login page, then login + the dashboard it lands on, and the public apply page; and the apply page's time
 * until its form can be filled on a 1.6 Mbit/s link with 150 ms latency (Chromium's network throttling),
 * cold cache. The demo server of the browser journeys, from the built web (npx vite build first).
 * Printed, never asserted.
 */
const SLOW = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 };

type Tally = { bytes: number; requests: number; raw: number };

/** BENCH_DELIVERY_LIST=1 also prints each response (path and bytes on the wire), to see what a page pulls in. */
const LIST = process.env.BENCH_DELIVERY_LIST === '1';

async function tally(page: Page): Promise<{ cdp: CDPSession; read: () => Tally }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const t: Tally = { bytes: 0, requests: 0, raw: 0 };
  const urls = new Map<string, string>();
  cdp.on('Network.requestWillBeSent', (e) => {
    urls.set(e.requestId, new URL(e.request.url).pathname);
  });
  cdp.on('Network.loadingFinished', (e) => {
    t.bytes += e.encodedDataLength;
    t.requests++;
    if (LIST) console.log(`    ${(e.encodedDataLength / 1024).toFixed(1).padStart(7)} kB  ${urls.get(e.requestId)}`);
  });
  cdp.on('Network.dataReceived', (e) => {
    t.raw += e.dataLength;
  });
  return { cdp, read: () => ({ ...t }) };
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

export async function benchDelivery(): Promise<void> {
  if (!chromiumAvailable()) {
    console.log('\n[delivery] skipped: no Chromium');
    return;
  }
  const server = await startTestServer();
  const browser = await launchBrowser();
  try {
    console.log('\n[delivery] bytes on the wire (compressed), cold cache, from the built web');
    // Login page, then signing in and landing on the dashboard.
    {
      const { context, page } = await newPage(browser, server.url);
      const { read } = await tally(page);
      await page.goto('/login');
      await page.getByLabel('Tên đăng nhập').waitFor();
      await page.waitForLoadState('networkidle');
      const loginOnly = read();
      await login(page, 'phurieng.canbo', server.passwordOf('phurieng.canbo'));
      await page.getByTestId('dash-unit').waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const both = read();
      console.log(
        `  login page:               ${kb(loginOnly.bytes)} in ${loginOnly.requests} requests (${kb(loginOnly.raw)} uncompressed)`,
      );
      console.log(
        `  login + dashboard:        ${kb(both.bytes)} in ${both.requests} requests (${kb(both.raw)} uncompressed)`,
      );
      await context.close();
    }
    // The public apply page, on a fast link and then throttled.
    const officer = await newPage(browser, server.url);
    const signedIn = await officer.page.request.post('/api/auth/login', {
      data: { username: 'cdcs.maymac', password: server.passwordOf('cdcs.maymac') },
    });
    const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
    const me = (await (await officer.page.request.get('/api/auth/me')).json()) as { roles: { unitId: number }[] };
    const made = await officer.page.request.post(`/api/applications/links/${me.roles[0]?.unitId}`, {
      headers: { 'x-csrf-token': csrfToken, origin: server.url },
    });
    const url = ((await made.json()) as { link: { url: string } | null }).link?.url ?? '';
    await officer.context.close();
    const path = new URL(url).pathname;
    for (const slow of [false, true]) {
      const { context, page } = await newPage(browser, server.url);
      const { cdp, read } = await tally(page);
      if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW);
      const t0 = performance.now();
      await page.goto(path, { waitUntil: 'commit' });
      await page.getByLabel('Họ và tên').waitFor({ timeout: 120_000 });
      const usable = performance.now() - t0;
      await page.waitForLoadState('networkidle');
      const r = read();
      console.log(
        `  apply page${slow ? ', 1.6 Mbit/s 150 ms' : ', local link    '}: ${kb(r.bytes)} in ${r.requests} requests, form usable after ${(usable / 1000).toFixed(2)} s`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] === import.meta.filename) await benchDelivery();
