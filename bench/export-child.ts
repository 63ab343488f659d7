import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { loadConfig } from '../src/server/config.js';
import { openDatabase } from '../src/server/db/database.js';
import { exportList } from '../src/server/modules/enterprises/enterprises.service.js';
import { memberExportFile } from '../src/server/modules/members/members.export.js';
import { insertUserWithRoles } from '../src/server/modules/users/users.repository.js';
import type { AppContext } from '../src/server/platform/context.js';
import { loadActorForUser } from '../src/server/platform/session.js';
import { target } from './member-dataset.js';

/**
 * One export, in a process of its own so its peak RSS is the export's (bench/export-scale.ts starts it):
 * `tsx bench/export-child.ts <file.db | postgres://…> members|enterprises [unitId]`. The export runs in
 * place (no pool), into a sink that only counts bytes; prints one JSON line: ms, bytes, maxRssMb.
 */
const [where, kind = 'members', unit] = process.argv.slice(2);
const t = target(where);
const config = loadConfig({ LOG_LEVEL: 'silent' });
const h = await openDatabase(t.kind === 'sqlite' ? t : { kind: 'postgres', url: t.url, schema: t.schema });
try {
  // The exporter: an administrator at the root, made once per dataset.
  const root = await h.db
    .selectFrom('org_unit_version')
    .select('unit_id as id')
    .where('depth', '=', 0)
    .orderBy('unit_id')
    .executeTakeFirstOrThrow();
  const existing = await h.db
    .selectFrom('app_user')
    .select('id')
    .where('username', '=', 'bench_export')
    .executeTakeFirst();
  const userId =
    existing?.id ??
    (await insertUserWithRoles(h.db, {
      username: 'bench_export',
      fullName: 'Người đo xuất',
      passwordHash: 'x',
      roles: [{ unitId: root.id, role: 'system_admin' }],
      createdBy: null,
    }));
  const actor = await loadActorForUser(h.db, Number(userId), null);
  if (!actor) throw new Error('no exporter');
  const ctx: AppContext = { db: h.db, dbKind: h.kind, config, version: 'bench' };
  const unitId = unit ? Number(unit) : undefined;
  // Where the memory goes, sampled: the V8 heap, or buffers outside it (the zip's, the stream's).
  const peak = { heapMb: 0, externalMb: 0 };
  const sample = setInterval(() => {
    const m = process.memoryUsage();
    peak.heapMb = Math.max(peak.heapMb, m.heapUsed / 2 ** 20);
    peak.externalMb = Math.max(peak.externalMb, m.external / 2 ** 20);
  }, 100);
  const t0 = performance.now();
  const file =
    kind === 'enterprises'
      ? await exportList(ctx, actor, { unitId } as Parameters<typeof exportList>[2])
      : await memberExportFile(ctx, actor, { unitId });
  const body = file.body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) throw new Error('an export streams its file');
  let bytes = 0;
  await new Promise<void>((resolve, reject) => {
    const sink = new Writable({
      write(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb();
      },
    });
    body.on('error', reject).pipe(sink).on('finish', resolve).on('error', reject);
  });
  const ms = performance.now() - t0;
  clearInterval(sample);
  // The rows as the export counted them for its audit entry.
  const audit = await h.db
    .selectFrom('audit_log')
    .select('after_json')
    .where('user_id', '=', actor.userId)
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const rows = Number(JSON.parse(String(audit.after_json)).rows);
  console.log(JSON.stringify({ ms, rows, bytes, maxRssMb: process.resourceUsage().maxRSS / 1024, ...peak }));
} finally {
  await h.close();
}
