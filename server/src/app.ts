import { existsSync } from 'node:fs';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import serve from 'koa-static';
import { resolvePrincipal } from './auth/auth.service.js';
import { problemDetails } from './http/errors.js';
import { accessLog, rateLimit, requestId, securityHeaders } from './http/middleware.js';
import { openApiDocument } from './http/openapi.js';
import { mount } from './http/route.js';
import { routes } from './routes.js';
import type { Services } from './services.js';

export const API_VERSION = '0.1.0';

/** The Koa application: request id, access log, headers, problem details, body parsing, session, routes. */
export function createApp(services: Services): Koa {
  const app = new Koa({ proxy: services.config.trustProxy });
  const openapi = openApiDocument(routes, API_VERSION);

  app.use(requestId);
  app.use(accessLog(services.log));
  app.use(securityHeaders(services.config.production));
  app.use(problemDetails(services.log));
  app.use(rateLimit(services.rateLimiter, services.config.rateLimits));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: services.config.bodyLimit, encoding: 'utf-8' }));
  app.use(async (ctx, next) => {
    const header = ctx.get('Authorization');
    if (ctx.path.startsWith('/api/') && header) {
      const [scheme, token] = header.split(' ');
      ctx.state.user = await resolvePrincipal(services, scheme?.toLowerCase() === 'bearer' ? (token ?? '') : '');
    }
    await next();
  });

  const router = new Router();
  router.get('/api/openapi.json', (ctx) => {
    ctx.body = openapi;
  });
  mount(router, services, routes);
  app.use(router.routes());
  app.use(router.allowedMethods());

  const h5 = services.config.h5Dir;
  if (h5 && existsSync(h5)) app.use(serve(h5));
  return app;
}
