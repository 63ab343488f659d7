import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../test/harness.js';

/**
 * Issue 11 §1: the built web is sent precompressed (brotli or gzip as the browser accepts), hashed files
 * are cached for a year, the page itself is revalidated, source maps are never served, and a missing built
 * file is a 404 rather than the page; API answers are compressed on the fly.
 */
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'dv-web-'));
const JS = `console.log(${JSON.stringify('Đoàn Viên '.repeat(400))});`;
let env: TestEnv;
beforeAll(async () => {
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Đoàn Viên</title>');
  fs.writeFileSync(path.join(web, 'apply.html'), '<!doctype html><title>Đơn xin gia nhập</title>');
  const js = path.join(web, 'assets', 'app-Ab12Cd34.js');
  fs.writeFileSync(js, JS);
  fs.writeFileSync(`${js}.br`, zlib.brotliCompressSync(JS));
  fs.writeFileSync(`${js}.gz`, zlib.gzipSync(JS));
  fs.writeFileSync(`${js}.map`, '{"version":3,"sources":["secret.ts"]}');
  env = await createTestEnv({ webDist: web });
});
afterAll(async () => {
  await env?.close();
  fs.rmSync(web, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  env.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('delivery of the web and the API', () => {
  it('sends the built file precompressed as accepted, cached for a year', async () => {
    const br = await get('/assets/app-Ab12Cd34.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(JS);
    const gz = await get('/assets/app-Ab12Cd34.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(JS);
    const plain = await get('/assets/app-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
  });

  it('revalidates the page, never serves source maps, and 404s a missing built file', async () => {
    const page = await get('/members?unit=3');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('<title>Đoàn Viên</title>');
    expect((await get('/assets/app-Ab12Cd34.js.map')).statusCode).toBe(404);
    expect((await get('/assets/app-Old99999.js')).statusCode).toBe(404);
  });

  it('sends the light apply entry for the public form, revalidated, with the same security headers', async () => {
    const app = await get('/members');
    for (const url of ['/apply/4M1f424o0NkY4bdH7zYFUQ', '/apply/4M1f424o0NkY4bdH7zYFUQ?utm=poster']) {
      const page = await get(url);
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.body).toContain('<title>Đơn xin gia nhập</title>');
      expect(page.headers['content-security-policy']).toBe(app.headers['content-security-policy']);
      expect(page.headers['x-content-type-options']).toBe('nosniff');
    }
    // Only the form's own path: the officers' pages stay the app's.
    expect((await get('/applications')).body).toContain('<title>Đoàn Viên</title>');
    expect((await get('/apply')).body).toContain('<title>Đoàn Viên</title>');
  });

  it('compresses a large API answer on the fly', async () => {
    const r = await env.app.inject({
      method: 'GET',
      url: '/docs/json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-encoding']).toBe('br');
    expect(JSON.parse(zlib.brotliDecompressSync(r.rawPayload).toString()).openapi).toMatch(/^3\./);
  });
});
