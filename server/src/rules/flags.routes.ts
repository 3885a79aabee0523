import { flagListQuery, flagListResponse } from '@inspection-code/shared';
import { route } from '../http/route.js';
import { listFlags } from './flags.service.js';

export const flagsRoutes = [
  route({
    method: 'get',
    path: '/api/supervision/flags',
    tag: 'supervision',
    summary: 'Flagged issuances (joint waived, repeat justified, cap waived, enterprise-wide frequency, late emergency code), newest first',
    access: ['supervisor'],
    query: flagListQuery,
    response: flagListResponse,
    handler: ({ services, query }) => listFlags(services, query),
  }),
];
