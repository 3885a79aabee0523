import { z } from 'zod';
import { ratingInput, ratingSchema } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { route } from '../http/route.js';
import { rateDepartment } from './ratings.service.js';

export const ratingsRoutes = [
  route({
    method: 'post',
    path: '/api/inspections/:codeNo/ratings',
    tag: 'ratings',
    summary: 'Rate one department of your inspection, once it has completed; one rating per department',
    access: ['enterprise'],
    params: z.object({ codeNo: z.string().min(1).max(20) }),
    body: ratingInput,
    status: 201,
    response: ratingSchema,
    errors: ['NOT_FOUND', 'NOT_BOUND', 'REVOKED', 'UNKNOWN_REFERENCE', 'NOT_COMPLETED', 'ALREADY_RATED'],
    handler: ({ services, user, params, body }) => rateDepartment(services, user as Extract<Principal, { role: 'enterprise' }>, params.codeNo, body),
  }),
];
