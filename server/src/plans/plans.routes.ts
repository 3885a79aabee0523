import { z } from 'zod';
import { planInput, planSchema } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { route } from '../http/route.js';
import { filePlan, getPlan, listPlans } from './plans.service.js';

export const plansRoutes = [
  route({
    method: 'post',
    path: '/api/plans',
    tag: 'plans',
    summary: 'File an inspection plan (检查计划备案) for your own department → plan number',
    access: ['officer'],
    body: planInput,
    status: 201,
    response: planSchema,
    errors: ['UNKNOWN_REFERENCE', 'ITEM_NOT_OF_DEPARTMENT'],
    handler: ({ services, user, body }) => filePlan(services, user as Extract<Principal, { role: 'officer' }>, body),
  }),
  route({
    method: 'get',
    path: '/api/plans',
    tag: 'plans',
    summary: "Plans: an officer sees its department's, supervisors and admins all",
    access: ['officer', 'supervisor', 'admin'],
    response: z.array(planSchema),
    handler: ({ services, user }) => listPlans(services, user!),
  }),
  route({
    method: 'get',
    path: '/api/plans/:planNo',
    tag: 'plans',
    summary: 'One plan',
    access: ['officer', 'supervisor', 'admin'],
    params: z.object({ planNo: z.string().max(64) }),
    response: planSchema,
    errors: ['NOT_FOUND'],
    handler: ({ services, user, params }) => getPlan(services, user!, params.planNo),
  }),
];
