import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import type { RateLimiter } from '../ratelimit/rateLimiter.js';
import type { Log } from '../services.js';
import { AppError } from './errors.js';

/** Every request gets an id, echoed in X-Request-Id and in its log line. */
export async function requestId(ctx: Context, next: Next): Promise<void> {
  ctx.state.requestId = randomUUID();
  ctx.set('X-Request-Id', ctx.state.requestId);
  await next();
}

/**
 * One JSON line per request. It names the route, never the query string, headers or body: those
 * carry session tokens, QR content and personal data.
 */
export function accessLog(log: Log) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const start = process.hrtime.bigint();
    try {
      await next();
    } finally {
      log({
        level: ctx.status >= 500 ? 'error' : 'info',
        msg: 'request',
        requestId: ctx.state.requestId,
        method: ctx.method,
        route: (ctx as { _matchedRoute?: string })._matchedRoute ?? ctx.path.split('?')[0],
        status: ctx.status,
        role: ctx.state.user?.role ?? 'anonymous',
        ms: Number((process.hrtime.bigint() - start) / 1000n) / 1000,
      });
    }
  };
}

/**
 * The headers helmet would set that matter here (a JSON API plus one static single-page app).
 * API answers may not be framed, sniffed or cached by shared caches.
 */
export function securityHeaders(production: boolean) {
  return async (ctx: Context, next: Next): Promise<void> => {
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    if (production) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (ctx.path.startsWith('/api/')) {
      ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
      ctx.set('Cache-Control', 'no-store');
    }
    await next();
  };
}

/** Which requests spend which budget (per client address and minute, see RateLimiter). */
const LIMITED: Record<string, 'login' | 'scan'> = {
  'POST /api/auth/dev-login': 'login',
  'POST /api/auth/wechat': 'login',
  'POST /api/me/binding': 'login',
  'POST /api/scan': 'scan',
};

export function rateLimit(limiter: RateLimiter, limits: { loginPerMinute: number; scanPerMinute: number }) {
  return async (ctx: Context, next: Next): Promise<void> => {
    const action = LIMITED[`${ctx.method} ${ctx.path}`];
    if (action) {
      const limit = action === 'login' ? limits.loginPerMinute : limits.scanPerMinute;
      const decision = await limiter.hit(`${action}:${ctx.ip}`, limit);
      if (!decision.allowed) {
        ctx.set('Retry-After', String(decision.retryAfterSeconds));
        throw new AppError('RATE_LIMITED', `Too many ${action} requests from your address; try again in ${decision.retryAfterSeconds} s.`);
      }
    }
    await next();
  };
}
