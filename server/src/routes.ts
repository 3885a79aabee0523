import { authRoutes } from './auth/auth.routes.js';
import { healthRoutes } from './health.routes.js';
import type { Route } from './http/route.js';
import { inspectionsRoutes } from './inspections/inspections.routes.js';
import { keysRoutes } from './keys/keys.routes.js';
import { meRoutes } from './me/me.routes.js';
import { plansRoutes } from './plans/plans.routes.js';
import { ratingsRoutes } from './ratings/ratings.routes.js';
import { registryRoutes } from './registry/registry.routes.js';
import { supervisionRoutes } from './supervision/supervision.routes.js';
import { flagsRoutes } from './rules/flags.routes.js';

/** Every endpoint of the API. The OpenAPI document and the authorization tests read this list. */
export const routes: Route[] = [
  ...healthRoutes,
  ...authRoutes,
  ...keysRoutes,
  ...registryRoutes,
  ...plansRoutes,
  ...inspectionsRoutes,
  ...ratingsRoutes,
  ...meRoutes,
  ...supervisionRoutes,
  ...flagsRoutes,
];
