import { jwksSchema, rotateKeyResponse } from '@inspection-code/shared';
import { inTransaction } from '../db/transaction.js';
import { route } from '../http/route.js';
import { actorOf, recordAudit } from '../supervision/audit.service.js';

export const keysRoutes = [
  route({
    method: 'get',
    path: '/api/keys',
    tag: 'codes',
    summary: 'JWKS of the public keys that verify inspection codes (the newest signs new codes)',
    access: 'anyone',
    response: jwksSchema,
    handler: async ({ services, ctx }) => {
      ctx.set('Cache-Control', 'public, max-age=300');
      return services.keyring.jwks(services.clock());
    },
  }),
  route({
    method: 'post',
    path: '/api/admin/keys/rotate',
    tag: 'admin',
    summary: 'Start signing with a new key; older keys keep verifying until their codes expire',
    access: ['admin'],
    status: 201,
    response: rotateKeyResponse,
    handler: async ({ services, user }) => {
      const now = services.clock();
      const kid = await inTransaction(services.ds, async (m) => {
        const kid = await services.keyring.rotate(m, now);
        await recordAudit(m, { at: now, actor: actorOf(user!), action: 'key.rotate', target: { type: 'signing_key', id: kid } });
        return kid;
      });
      return { kid };
    },
  }),
];
