import { healthResponse } from '@inspection-code/shared';
import { dbKind } from './db/dataSource.js';
import { route } from './http/route.js';

export const healthRoutes = [
  route({
    method: 'get',
    path: '/api/health',
    tag: 'system',
    summary: 'Liveness and database reachability',
    access: 'anyone',
    response: healthResponse,
    handler: async ({ services, ctx }) => {
      const db = dbKind(services.ds);
      try {
        await services.ds.query('SELECT 1');
        return { status: 'ok', db };
      } catch {
        ctx.status = 503;
        return { status: 'unavailable', db };
      }
    },
  }),
];
