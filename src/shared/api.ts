import type { applicationsApi } from './applications/contract.js';
import type { auditApi } from './audit/contract.js';
import type { authApi, healthApi } from './auth/contract.js';
import type { documentsApi } from './documents/contract.js';
import type { enterprisesApi } from './enterprises/contract.js';
import type { importsApi } from './imports/contract.js';
import type { membersApi } from './members/contract.js';
import type { orgApi } from './org/contract.js';
import type { outreachApi } from './outreach/contract.js';
import type { plansApi } from './plans/contract.js';
import type { reviewsApi } from './reviews/contract.js';
import type { usersApi } from './users/contract.js';

/**
 * Every route of the API, as a type: the union of the features' route tables. The web client and
 * the test client are typed from it; the server registers each feature's table itself.
 */
export type ApiRoutes = typeof usersApi &
  typeof orgApi &
  typeof authApi &
  typeof healthApi &
  typeof auditApi &
  typeof enterprisesApi &
  typeof outreachApi &
  typeof applicationsApi &
  typeof importsApi &
  typeof membersApi &
  typeof plansApi &
  typeof documentsApi &
  typeof reviewsApi;
