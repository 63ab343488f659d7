import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** Debian's Chromium: playwright cannot download browsers on these machines. */
export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser journeys can run. In CI a missing browser is a failure; on a developer's
 * machine the journeys are skipped with a loud warning saying how to get one.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing: install it with "apt-get install -y chromium"`);
  console.warn(
    `\n${'!'.repeat(78)}\n!! Browser journeys SKIPPED: ${CHROMIUM} not found.\n!! Fix: apt-get update && apt-get install -y chromium\n${'!'.repeat(78)}\n`,
  );
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

export const DESKTOP = { width: 1366, height: 860 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    deviceScaleFactor: viewport === PHONE ? 2 : 1,
    isMobile: viewport === PHONE,
    hasTouch: viewport === PHONE,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export const SCREENSHOTS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'test-output',
  'screenshots',
);

/**
 * Journey files other than the foundation one name their pictures with their own prefix (and their
 * failure shots FAILED-<prefix>…), and clear only those: the files may run in any order.
 */
const OWN_PREFIXES = ['enterprises-', 'members-', 'applications-', 'plans-'];

/**
 * Each run starts from an empty folder, so no picture (or failure shot) is left over from an earlier run.
 * With a prefix, only that journey file's pictures go; without, everything but the prefixed files' pictures.
 */
export function clearScreenshots(prefix?: string): void {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  for (const name of fs.readdirSync(SCREENSHOTS)) {
    const bare = name.replace(/^FAILED-/, '');
    const clear = prefix ? bare.startsWith(prefix) : !OWN_PREFIXES.some((p) => bare.startsWith(p));
    if (clear) fs.rmSync(path.join(SCREENSHOTS, name), { recursive: true, force: true });
  }
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // Let antd finish its motion (drawers, tree expansion) before the picture.
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage });
}
