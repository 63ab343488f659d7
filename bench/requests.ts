import autocannon from 'autocannon';
import Fastify from 'fastify';
import { startTestServer } from '../e2e/server.js';

/**
 * Issue 11 §2, what a request costs beyond its answer: req/s of signed-in list requests on the real app
 * (SQLite, the demo) beside a bare Fastify route returning the very same JSON, in the same run, one after
 * the other, 10 connections for BENCH_REQ_SECONDS (default 5) each. The ratio is what the session, the
 * scope, validation and the queries cost. Printed, never asserted.
 */
const SECONDS = Number(process.env.BENCH_REQ_SECONDS ?? 5);
const ROUTES = [
  '/api/members?limit=50',
  '/api/enterprises?limit=50&offset=0',
  '/api/org/units/{root}/children?asOf=2024-06-30',
  '/api/auth/me',
];

async function rate(url: string, headers: Record<string, string>) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchRequests(): Promise<void> {
  const server = await startTestServer({ web: false });
  const { accounts } = server;
  const base = server.url;
  const bare = Fastify();
  const bodies = new Map<string, string>();
  bare.get('/bare/:n', async (req, reply) =>
    reply.type('application/json').send(bodies.get((req.params as { n: string }).n)),
  );
  const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const account = accounts.find((a) => a.username === 'phurieng.canbo') ?? accounts[0];
    if (!account) throw new Error('no demo account');
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ username: account.username, password: account.password }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const me = (await login.json()) as { roles: { unitId: number }[] };
    const root = String(me.roles[0]?.unitId);
    console.log(
      `\n[requests] ${account.username}, SQLite demo; autocannon 10 connections × ${SECONDS} s each; app route ÷ bare Fastify route with the same JSON`,
    );
    // BENCH_REQ_ONLY=<fragment>: only the routes containing it (to profile one).
    const only = process.env.BENCH_REQ_ONLY;
    for (const [n, route] of ROUTES.map((r) => r.replace('{root}', root)).entries()) {
      if (only && !route.includes(only)) continue;
      const res = await fetch(`${base}${route}`, { headers: { cookie } });
      const body = await res.text();
      if (!res.ok) throw new Error(`${route}: ${res.status} ${body.slice(0, 200)}`);
      bodies.set(String(n), body);
      const real = await rate(`${base}${route}`, { cookie });
      const plain = await rate(`${bareBase}/bare/${n}`, {});
      console.log(
        `  ${route.padEnd(36)} ${(body.length / 1024).toFixed(1).padStart(6)} kB: app ${real.rps.toFixed(0).padStart(6)} req/s (p99 ${real.p99} ms, ${real.errors} errors) | bare ${plain.rps.toFixed(0).padStart(6)} req/s | ×${(real.rps / plain.rps).toFixed(2)}`,
      );
    }
  } finally {
    await bare.close();
    await server.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRequests();
