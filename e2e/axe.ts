import fs from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { SCREENSHOTS } from './browser.js';

/**
 * The accessibility check every journey runs on the screens it reaches: axe-core over the whole page
 * (all rules, best practices included), and a serious or critical violation fails the test. The full
 * result goes to test-output/axe/<name>.json so a failure can be read rule by rule, node by node.
 */

const REPORTS = path.join(path.dirname(SCREENSHOTS), 'axe');
const FAILING = new Set(['serious', 'critical']);

export type AxeFinding = { rule: string; impact: string; help: string; nodes: string[] };

export async function axeFindings(page: Page): Promise<{ failing: AxeFinding[]; all: AxeFinding[] }> {
  // antd's motion leaves half-faded text for a moment; measure contrast on the settled page.
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).analyze();
  const all: AxeFinding[] = [];
  for (const v of results.violations) {
    const nodes: string[] = [];
    for (const n of v.nodes.slice(0, 5)) {
      const selector = n.target.join(' ');
      // Where on the screen: the nearest element with a test id names the component.
      const near = await page
        .evaluate(
          (s) => document.querySelector(s)?.closest('[data-testid]')?.getAttribute('data-testid') ?? '',
          selector,
        )
        .catch(() => '');
      nodes.push(
        `${selector} [in ${near || '?'}] ${n.html.slice(0, 160)} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
      );
    }
    all.push({ rule: v.id, impact: v.impact ?? 'unknown', help: v.help, nodes });
  }
  return { failing: all.filter((f) => FAILING.has(f.impact)), all };
}

/** Fails on a serious or critical violation, and on a page without exactly one h1 (its title). */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const { failing, all } = await axeFindings(page);
  fs.mkdirSync(REPORTS, { recursive: true });
  fs.writeFileSync(path.join(REPORTS, `${name}.json`), JSON.stringify({ url: page.url(), violations: all }, null, 2));
  expect(failing, `${name}: serious or critical accessibility violations at ${page.url()}`).toEqual([]);
  expect(await page.locator('h1').count(), `${name}: a page has one h1`).toBe(1);
}
