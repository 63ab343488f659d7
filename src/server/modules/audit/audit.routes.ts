import { auditApi } from '../../../shared/audit/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import * as service from './audit.service.js';

/** Read-only view of the audit log for administrators, limited to entries about units in their scope. */
export const auditRoutes = mountRoutes('audit', auditApi, (ctx) => ({
  'GET /api/audit': ({ actor, query }) => service.list(ctx, actor, query),
}));
