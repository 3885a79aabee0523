import type Router from '@koa/router';
import type { Context } from 'koa';
import { z } from 'zod';
import type { Access, Principal } from '../auth/principal.js';
import type { Services } from '../services.js';
import { AppError, validationError, type ErrorCode } from './errors.js';

type Schema = z.ZodType;
type Out<S> = S extends Schema ? z.output<S> : undefined;

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  user: Principal | null;
  services: Services;
  ctx: Context;
}

/** One endpoint: its contract (for validation and OpenAPI) and a thin handler calling one service. */
export interface Route<B extends Schema | undefined = Schema | undefined, Q extends Schema | undefined = Schema | undefined, P extends Schema | undefined = Schema | undefined> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: B;
  query?: Q;
  params?: P;
  response?: Schema;
  /** Status on success (default 200). */
  status?: number;
  /** Refusals this route documents beyond the common ones. */
  errors?: ErrorCode[];
  /** Content type other than JSON (e.g. CSV); the handler then returns a string or stream. */
  produces?: string;
  handler: (input: RouteInput<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>;
}

/** Keeps the route's schema types tied to its handler's input. */
export function route<B extends Schema | undefined = undefined, Q extends Schema | undefined = undefined, P extends Schema | undefined = undefined>(
  def: Route<B, Q, P>,
): Route {
  return def as unknown as Route;
}

function parse(schema: Schema | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** Role check before anything else is read: anonymous → 401, wrong role → 403. */
export function authorize(access: Access, user: Principal | null): void {
  if (access === 'anyone') return;
  if (!user) throw new AppError('UNAUTHENTICATED', 'Sign in first: this endpoint needs a session token (Authorization: Bearer …).');
  if (!access.includes(user.role)) {
    throw new AppError('FORBIDDEN', `This endpoint is for ${access.join(' or ')} users; you are signed in as ${user.role}.`);
  }
}

export function mount(router: Router, services: Services, routes: Route[]): void {
  for (const r of routes) {
    router[r.method](r.path, async (ctx) => {
      const user = (ctx.state.user ?? null) as Principal | null;
      authorize(r.access, user);
      const input = {
        params: parse(r.params, ctx.params, 'params'),
        query: parse(r.query, ctx.query, 'query'),
        body: parse(r.body, (ctx.request as { body?: unknown }).body ?? {}, 'body'),
        user,
        services,
        ctx,
      };
      ctx.status = r.status ?? 200;
      const result = await r.handler(input as unknown as RouteInput<never, never, never>);
      if (r.produces) ctx.type = r.produces;
      if (result !== undefined) ctx.body = result;
    });
  }
}
