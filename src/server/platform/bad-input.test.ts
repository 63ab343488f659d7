import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, makeTree, type TestEnv, writeCounts } from '../test/harness.js';

/** Whatever a user can send gets a clear 4xx in Vietnamese, never a 500, and writes nothing. */
let env: TestEnv;
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  env = await createTestEnv();
  tree = await makeTree(env);
});
afterAll(async () => {
  await env?.close();
});

async function send(method: 'POST' | 'PATCH', url: string, payload: string, contentType = 'application/json') {
  return env.app.inject({
    method,
    url,
    headers: { cookie: env.admin.cookie, 'x-csrf-token': env.admin.csrf, 'content-type': contentType },
    payload,
  });
}

const valid = () => ({
  code: `OK-${Date.now()}`,
  name: 'CĐCS Hợp lệ',
  typeCode: 'CDCS',
  parentId: tree.districtA,
  validFrom: '2024-01-01',
});

describe('bad input', () => {
  it('malformed JSON', async () => {
    const before = await writeCounts(env);
    const r = await send('POST', '/api/org/units', '{"code": "A",');
    expect(r.statusCode).toBe(400);
    expect(JSON.parse(r.body).error).toEqual({ code: 'BAD_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ' });
    expect(await writeCounts(env)).toEqual(before);
  });

  it('a body that is not JSON at all', async () => {
    const r = await send('POST', '/api/org/units', 'code=A', 'application/x-www-form-urlencoded');
    expect(r.statusCode).toBe(415);
    expect(JSON.parse(r.body).error.message).toBe('Kiểu nội dung không được hỗ trợ');
  });

  it('unknown fields are named', async () => {
    const before = await writeCounts(env);
    const r = await send('POST', '/api/org/units', JSON.stringify({ ...valid(), isAdmin: true }));
    expect(r.statusCode).toBe(400);
    const body = JSON.parse(r.body);
    expect(body.error.message).toBe('Dữ liệu không hợp lệ');
    expect(body.error.issues).toEqual([{ path: '', message: 'Trường không được phép: isAdmin' }]);
    expect(await writeCounts(env)).toEqual(before);
  });

  it('over-long strings and wrong types name the field', async () => {
    const before = await writeCounts(env);
    const r = await send(
      'POST',
      '/api/org/units',
      JSON.stringify({ ...valid(), name: 'x'.repeat(300), parentId: 'abc' }),
    );
    expect(r.statusCode).toBe(400);
    const issues = JSON.parse(r.body).error.issues as { path: string; message: string }[];
    expect(issues.map((i) => i.path).sort()).toEqual(['name', 'parentId']);
    for (const i of issues) expect(i.message).toMatch(/[ạảãáàâăêôơưđ]/); // Vietnamese, not English
    expect(await writeCounts(env)).toEqual(before);
  });

  it('missing required fields and impossible dates', async () => {
    const r = await send(
      'POST',
      '/api/org/units',
      JSON.stringify({ ...valid(), name: undefined, validFrom: '2024-02-30' }),
    );
    const issues = JSON.parse(r.body).error.issues;
    expect(issues).toContainEqual({ path: 'name', message: 'Thiếu trường bắt buộc' });
    expect(issues).toContainEqual({ path: 'validFrom', message: 'Ngày không tồn tại' });
  });

  it('a bad unit code explains the allowed characters', async () => {
    const r = await send('POST', '/api/org/units', JSON.stringify({ ...valid(), code: 'Mã có dấu' }));
    expect(JSON.parse(r.body).error.issues[0].message).toMatch(/chữ in hoa không dấu/);
  });

  it('a bad id in the path or query', async () => {
    const r = await env.admin.get('/api/org/units/abc');
    expect(r.statusCode).toBe(400);
    expect(r.data.error?.issues?.[0]?.path).toBe('params.id');
    const q = await env.admin.get('/api/org/roots?asOf=31/12/2024');
    expect(q.statusCode).toBe(400);
    expect(q.data.error?.issues?.[0]?.message).toBe('Ngày phải có dạng YYYY-MM-DD');
  });

  it('an oversized body', async () => {
    const r = await send('POST', '/api/org/units', JSON.stringify({ ...valid(), note: 'x'.repeat(2 * 1024 * 1024) }));
    expect(r.statusCode).toBe(413);
  });

  it('an unknown API address is a 404 in Vietnamese', async () => {
    const r = await env.admin.get('/api/khong-co');
    expect(r.statusCode).toBe(404);
    expect(r.data.error?.message).toBe('Không có địa chỉ này');
  });
});
