import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshot } from './browser.js';

/** What a person does on the screens, shared by every journey. */

export async function login(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  // Signed in: the app leaves the login page (for the dashboard, or the page first asked for).
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export const OPEN_OPTIONS = '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option';

/**
 * Picks an option of an antd Select (typing `search` first when given) and checks that it stuck:
 * a click landing while the list is still animating open is retried rather than silently lost.
 */
export async function pick(page: Page, select: Locator, optionText: string, search?: string) {
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(search);
    const option = page.locator(OPEN_OPTIONS).filter({ hasText: optionText }).first();
    await option.waitFor();
    await option.click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 3_000 }).toContain(optionText);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await page.keyboard.press('Escape');
    }
  }
}

/** Types a date into a date picker as a person would (dd/mm/yyyy, Enter). */
export async function typeDate(input: Locator, viDate: string) {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(viDate);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(viDate);
}

/** A screenshot from the top of the page (a full-page picture taken mid-scroll cuts the header). */
export async function shot(page: Page, name: string, fullPage = true) {
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name, fullPage);
}

/**
 * The unit's QR link in the open link modal: the one it has (the demo's units may already have one) or a new
 * one made with "Tạo đường dẫn". Returns the link's text.
 */
export async function applyLinkOf(modal: Locator): Promise<string> {
  const url = modal.getByTestId('apply-link-url');
  const create = modal.getByTestId('apply-link-create');
  await url.or(create).first().waitFor();
  if (await create.isVisible()) await create.click();
  return (await url.textContent()) ?? '';
}
