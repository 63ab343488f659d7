import { healthApi } from '../../../shared/auth/contract.js';
import { mountRoutes } from '../../platform/routes.js';
import { status } from './health.service.js';

export const healthRoutes = mountRoutes('system', healthApi, (ctx) => ({
  'GET /api/health': () => status(ctx),
}));
