import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZEnterpriseQuery } from '../../../shared/enterprises/contract.js';
import { fold } from '../../../shared/text/index.js';
import { loadActorForUser } from '../../platform/session.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import { enterpriseSetup, nextMst } from './enterprises.fixtures.js';
import { exportList } from './enterprises.service.js';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env?.close();
});

async function rowsOf(body: Readable) {
  const parts: Buffer[] = [];
  for await (const c of body) parts.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(parts) as unknown as ArrayBuffer);
  const out: string[][] = [];
  wb.worksheets[0]?.eachRow((row, n) => {
    if (n > 2) out.push([String(row.getCell(1).value), String(row.getCell(2).value), String(row.getCell(3).value)]);
  });
  return out;
}

describe('enterprise export in keyset chunks', () => {
  it('writes every enterprise once, in name order with ties by id, whatever the chunk edges', async () => {
    const { mk, officer, t } = await setup();
    // Three of one name, so chunk edges of 2 fall inside the tie; created out of name order.
    const made: { name: string; mst: string; id: number }[] = [];
    for (const name of [
      'Công ty Trùng Tên',
      'Công ty Ánh Dương',
      'Công ty Trùng Tên',
      'Công ty Bến Nghé',
      'Công ty Trùng Tên',
    ]) {
      const mst = nextMst();
      made.push({ name, mst, id: (await mk({ name, mst })).id });
    }
    const me = await officer.get('/api/auth/me');
    const actor = await loadActorForUser(env.ctx.db, me.data.user.id, null);
    if (!actor) throw new Error('no actor');
    const q = ZEnterpriseQuery.parse({ unitId: String(t.districtA) });
    const file = await exportList(env.ctx, actor, q, { chunk: 2 });
    const rows = await rowsOf(file.body as Readable);
    const key = (e: (typeof made)[number]) => [fold(e.name), e.id] as const;
    const expected = [...made]
      .sort((a, b) => {
        const [na, ia] = key(a);
        const [nb, ib] = key(b);
        return na === nb ? ia - ib : na < nb ? -1 : 1;
      })
      .map((e, i) => [String(i + 1), e.mst, e.name]);
    expect(rows).toEqual(expected);
    const audit = await env.ctx.db
      .selectFrom('audit_log')
      .select('after_json')
      .where('action', '=', 'enterprise.export')
      .where('user_id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(String(audit.after_json)).rows).toBe(made.length);
  });
});

const setup = () => enterpriseSetup(env);
