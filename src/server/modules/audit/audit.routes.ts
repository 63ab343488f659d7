import { ZAuditList, ZAuditQuery } from '../../../shared/audit/contract.js';
import { routes } from '../../platform/plugin.js';
import { requireScope, requireUnitInScope, unitInScope } from '../../platform/scope.js';
import { actorOf } from '../../platform/session.js';

/** Read-only view of the audit log for administrators, limited to entries about units in their scope. */
export const auditRoutes = routes((app, ctx) => {
  app.get(
    '/api/audit',
    {
      schema: { tags: ['audit'], summary: 'Nhật ký thay đổi', querystring: ZAuditQuery, response: { 200: ZAuditList } },
    },
    async (req) => {
      const scope = await requireScope(ctx.db, actorOf(req), 'user.manage');
      const q = req.query;
      if (q.unitId !== undefined) await requireUnitInScope(ctx.db, q.unitId, scope);
      let base = ctx.db
        .selectFrom('audit_log as a')
        .where('a.unit_id', 'is not', null)
        .where((eb) => unitInScope(eb, 'a.unit_id', scope));
      if (q.unitId !== undefined) base = base.where('a.unit_id', '=', q.unitId);
      if (q.action) base = base.where('a.action', '=', q.action);
      const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      const rows = await base
        .leftJoin('app_user as u', 'u.id', 'a.user_id')
        .leftJoin('org_unit as o', 'o.id', 'a.unit_id')
        .select([
          'a.id',
          'a.at',
          'u.username',
          'a.action',
          'a.entity',
          'a.entity_id',
          'a.unit_id',
          'o.name as unit_name',
          'a.before_json',
          'a.after_json',
        ])
        .orderBy('a.id', 'desc')
        .limit(q.limit)
        .offset(q.offset)
        .execute();
      return {
        total: Number(total.n),
        items: rows.map((r) => ({
          id: r.id,
          at: r.at,
          username: r.username,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          unitId: r.unit_id,
          unitName: r.unit_name,
          before: r.before_json ? JSON.parse(r.before_json) : null,
          after: r.after_json ? JSON.parse(r.after_json) : null,
        })),
      };
    },
  );
});
