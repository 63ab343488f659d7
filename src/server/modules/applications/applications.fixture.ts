import { afterAll, beforeAll, expect } from 'vitest';
import { todayIn } from '../../platform/dates.js';
import { writeCounts as baseWriteCounts, createTestEnv, makeTree, makeUser, type TestEnv } from '../../test/harness.js';
import { cccd } from '../../test/people.js';

/**
 * What the applications tests share (the public form's and the review queue's): a test app over a
 * real database for the file, a worker's form, a unit with its link, and a way to see nothing was written.
 */
export function applicationsFixture() {
  let env: TestEnv | undefined;
  let today = '';
  beforeAll(async () => {
    env = await createTestEnv();
    today = todayIn(env.ctx.config.timeZone);
  });
  afterAll(async () => {
    await env?.close();
  });
  const envOf = (): TestEnv => {
    if (!env) throw new Error('the test app is made in beforeAll');
    return env;
  };

  /** The harness's counts plus this feature's tables: equal before and after means nothing was written. */
  async function writeCounts() {
    const out = await baseWriteCounts(envOf());
    for (const t of ['application', 'apply_link'] as const) {
      const r = await envOf()
        .ctx.db.selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      out[t] = Number(r.n);
    }
    return out;
  }

  let ipSeq = 1;
  const freshIp = () => `10.${Math.floor(ipSeq / 250) % 250}.${ipSeq++ % 250}.7`;

  /** The worker's public form, sent from a phone's address of its own (the limits count per address). */
  async function apply(token: string, body: unknown, ip = freshIp(), headers: Record<string, string> = {}) {
    const r = await envOf().app.inject({
      method: 'POST',
      url: `/api/public/apply/${token}`,
      payload: body as object,
      remoteAddress: ip,
      headers,
    });
    return Object.assign(r, { data: r.body ? JSON.parse(r.body) : null });
  }

  async function setup() {
    const t = await makeTree(envOf());
    const officer = await makeUser(envOf(), 'officer', t.districtA);
    const link = await officer.post(`/api/applications/links/${t.cdcsA}`);
    expect(link.statusCode, link.body).toBe(201);
    return { t, officer, token: tokenOf(link.data.link?.url ?? '') };
  }

  async function submitted(token: string, extra: Record<string, unknown> = {}) {
    const r = await apply(token, form(extra));
    expect(r.statusCode, r.body).toBe(201);
    return envOf().ctx.db.selectFrom('application').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
  }

  const approveBody = (extra: Record<string, unknown> = {}) => ({
    decisionNo: '21/QĐ-CĐCS',
    decisionDate: today,
    ...extra,
  });

  return {
    get env() {
      return envOf();
    },
    get today() {
      return today;
    },
    writeCounts,
    apply,
    setup,
    submitted,
    approveBody,
  };
}

export function form(extra: Record<string, unknown> = {}) {
  return {
    fullName: 'Nguyễn Thị Lan',
    birthDate: '1996-04-12',
    gender: 'female',
    cccd: cccd('female', 1996),
    phone: '0912 345 678',
    workplace: 'Công ty TNHH May Phú Riềng',
    consent: true,
    website: '',
    ...extra,
  };
}

export const tokenOf = (url: string) => url.split('/apply/')[1] as string;
