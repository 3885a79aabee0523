import type { Context, Next } from 'koa';
import { z } from 'zod';

/** Every refusal the API can give, and its HTTP status. Services throw these; only this file knows HTTP. */
const STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_OWN_DEPARTMENT: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  DEV_LOGIN_DISABLED: 404,
  ALREADY_EXISTS: 409,
  ALREADY_RATED: 409,
  ALREADY_COMPLETED: 409,
  ALREADY_REVOKED: 409,
  NOT_COMPLETED: 409,
  NOT_STARTED: 409,
  REVOKED: 409,
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNKNOWN_REFERENCE: 422,
  TWO_PERSON_RULE: 422,
  OFFICER_INACTIVE: 422,
  ITEM_NOT_OF_DEPARTMENT: 422,
  OFFICER_NOT_OF_DEPARTMENT: 422,
  PLAN_MISMATCH: 422,
  INVALID_WINDOW: 422,
  EXEMPT_ENTERPRISE: 422,
  EXEMPT_ITEM: 422,
  JOINT_REQUIRED: 422,
  REPEATED_INSPECTION: 409,
  ANNUAL_CAP_REACHED: 409,
  NOT_BOUND: 403,
  BINDING_FAILED: 422,
  WECHAT_LOGIN_FAILED: 401,
  UPSTREAM_UNAVAILABLE: 502,
  SERVICE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof STATUS;

const TITLES: Partial<Record<ErrorCode, string>> = {
  VALIDATION_FAILED: 'The request is not valid',
  MALFORMED_JSON: 'The body is not valid JSON',
  UNAUTHENTICATED: 'Sign-in required',
  FORBIDDEN: 'Not allowed',
  NOT_FOUND: 'Not found',
  PAYLOAD_TOO_LARGE: 'The body is too large',
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable',
  EXEMPT_ENTERPRISE: 'The enterprise is on the low-disturbance object list',
  EXEMPT_ITEM: 'An item is on the no-disturbance item list',
  JOINT_REQUIRED: 'A joint inspection is required',
  ANNUAL_CAP_REACHED: 'Annual inspection cap reached',
  INTERNAL: 'Internal error',
};

export interface FieldError {
  path: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly extra: { errors?: FieldError[]; [key: string]: unknown } = {},
  ) {
    super(detail);
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

export function validationError(error: z.ZodError, where: string): AppError {
  const errors = error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  return new AppError('VALIDATION_FAILED', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
}

function titleOf(code: ErrorCode): string {
  return TITLES[code] ?? code.toLowerCase().replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

/** Infrastructure errors that mean "the database is not there right now". */
function isOutage(err: unknown): boolean {
  const code = (err as { code?: string; driverError?: { code?: string } })?.driverError?.code ?? (err as { code?: string })?.code;
  return (
    code === 'ECONNREFUSED' ||
    code === 'PROTOCOL_CONNECTION_LOST' ||
    code === 'ETIMEDOUT' ||
    code === 'ECONNRESET' ||
    code === 'ER_CON_COUNT_ERROR' ||
    // 1047 "WSREP has not yet prepared node for application use": a Galera node not (yet) synced.
    code === 'ER_UNKNOWN_COM_ERROR' ||
    code === 'SQLITE_BUSY'
  );
}

/** Turns anything thrown by a body parser into the problem it stands for. */
function fromHttpError(err: unknown): AppError | undefined {
  const e = err as { status?: number; message?: string };
  if (e?.status === 413) return new AppError('PAYLOAD_TOO_LARGE', 'The request body exceeds the size limit.');
  if (e?.status === 400) return new AppError('MALFORMED_JSON', `The body is not valid JSON (${e.message ?? 'parse error'}).`);
  if (e?.status === 415) return new AppError('VALIDATION_FAILED', 'Send the body as application/json.');
  return undefined;
}

/** Registered first: every failure leaves as RFC 9457 problem details. */
export function problemDetails(log: (entry: Record<string, unknown>) => void) {
  return async (ctx: Context, next: Next): Promise<void> => {
    try {
      await next();
      if (ctx.status === 404 && ctx.body === undefined) {
        throw new AppError('NOT_FOUND', `No route for ${ctx.method} ${ctx.path}.`);
      }
      if (ctx.status === 405 && !ctx.body) {
        throw new AppError('METHOD_NOT_ALLOWED', `${ctx.method} is not allowed on ${ctx.path}; allowed: ${ctx.response.get('Allow')}.`);
      }
    } catch (err) {
      let problem = err instanceof AppError ? err : fromHttpError(err);
      if (!problem && isOutage(err)) {
        problem = new AppError('SERVICE_UNAVAILABLE', 'The database cannot be reached; try again shortly.');
      }
      if (!problem) {
        log({ level: 'error', msg: 'unhandled error', requestId: ctx.state.requestId, err: String((err as Error)?.stack ?? err) });
        problem = new AppError('INTERNAL', 'Something went wrong on our side; the request id identifies it in our logs.');
      }
      ctx.status = problem.status;
      ctx.type = 'application/problem+json';
      ctx.body = {
        type: `https://jcm.example.cn/problems/${problem.code.toLowerCase().replace(/_/g, '-')}`,
        title: titleOf(problem.code),
        status: problem.status,
        detail: problem.detail,
        code: problem.code,
        instance: ctx.path,
        ...problem.extra,
      };
      if (problem.status === 503) ctx.set('Retry-After', '5');
    }
  };
}
