import type { membersApi } from './members/contract.js';
import type { usersApi } from './users/contract.js';

/**
 * Every route of the API, as a type: the union of the features' route tables. The web client and
 * the test client are typed from it; the server registers each feature's table itself.
 */
export type ApiRoutes = typeof usersApi & typeof membersApi;
