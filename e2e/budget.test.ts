import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ensureWebBuild } from './server.js';

/**
 * Issue 11 §1: the public application form (apply.html) stays a light entry — everything its page loads
 * before the form shows (its script, the chunks it preloads, its CSS) is at most 150 kB gzip, the goal on a
 * 1.6 Mbit/s link. Counted from the build the journeys use (the .gz written beside each file), so it needs
 * no browser; bench/delivery.ts measures the bytes and seconds in Chromium.
 */
const BUDGET_GZIP = 150 * 1024;
const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'web');

function initialAssets(html: string): string[] {
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
}

function gzipSize(file: string): number {
  const full = path.join(web, file);
  // Files under the compression threshold (1 kB) have no .gz: they go as they are.
  return fs.existsSync(`${full}.gz`) ? fs.statSync(`${full}.gz`).size : fs.statSync(full).size;
}

describe('the apply entry stays light', () => {
  it(`loads at most ${BUDGET_GZIP / 1024} kB gzip and nothing of the app shell`, () => {
    ensureWebBuild();
    const html = fs.readFileSync(path.join(web, 'apply.html'), 'utf8');
    const assets = initialAssets(html);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    const sizes = assets.map((a) => [a, gzipSize(a)] as const);
    const total = sizes.reduce((sum, [, n]) => sum + n, 0);
    expect(total, sizes.map(([a, n]) => `${a} ${n}`).join('\n')).toBeLessThanOrEqual(BUDGET_GZIP);
    // The app's own entry and libraries are not among them (names are Vite's chunk names).
    const app = initialAssets(fs.readFileSync(path.join(web, 'index.html'), 'utf8'));
    const appEntry = app.find((a) => a.endsWith('.js') && path.basename(a).startsWith('index-'));
    expect(assets).not.toContain(appEntry);
    expect(assets.filter((a) => /\/(router|charts|I18nProvider)-/.test(a))).toEqual([]);
  });
});
