import { z } from 'zod';
import { myInspectionsResponse } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { route } from '../http/route.js';
import { myInspections } from './me.service.js';

export const meRoutes = [
  route({
    method: 'get',
    path: '/api/me/inspections',
    tag: 'enterprise',
    summary: "Your enterprise's inspections, newest first, with notices, rating state and complaint state",
    access: ['enterprise'],
    query: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
    response: myInspectionsResponse,
    errors: ['NOT_BOUND'],
    handler: ({ services, user, query }) => myInspections(services, user as Extract<Principal, { role: 'enterprise' }>, query.limit),
  }),
];
