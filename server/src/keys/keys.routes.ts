import { jwksSchema, rotateKeyResponse } from '@inspection-code/shared';
import { inTransaction } from '../db/transaction.js';
import { route } from '../http/route.js';

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
    handler: async ({ services }) => ({ kid: await inTransaction(services.ds, (m) => services.keyring.rotate(m, services.clock())) }),
  }),
];
