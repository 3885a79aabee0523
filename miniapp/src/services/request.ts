import Taro from '@tarojs/taro';
import type { z } from 'zod';
import { problemSchema, type Problem } from '@inspection-code/shared';
import { API_BASE } from './env';
import { clearSession, getSession } from './session';

/**
 * Why a call failed:
 * - `network`: no answer (offline, DNS, timeout);
 * - `unauthenticated`: 401, the session is gone (it has been cleared; sign in again);
 * - `problem`: the server refused with RFC 9457 problem details (`code` says why);
 * - `bad_response`: an answer we cannot read (not the shape the contract promises).
 */
export type ApiErrorKind = 'network' | 'unauthenticated' | 'problem' | 'bad_response';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    readonly problem?: Problem,
  ) {
    super(problem ? `${problem.code}: ${problem.detail}` : `${kind} (${status})`);
    this.name = 'ApiError';
  }

  get code(): string | undefined {
    return this.problem?.code;
  }
}

export interface RequestOptions<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** The response body is parsed with this schema; a mismatch is a `bad_response`. */
  schema: S;
  /** Send the session token (default: when there is one). */
  auth?: boolean;
  timeoutMs?: number;
}

function parseBody(data: unknown): unknown {
  // Some runtimes leave application/problem+json as text.
  if (typeof data === 'string' && data.length > 0) {
    try {
      return JSON.parse(data);
    } catch {
      return data;
    }
  }
  return data;
}

/**
 * The one way the app calls the API. `Taro.request` resolves on 4xx and 5xx, so the status is
 * checked here: 2xx → the parsed body; 401 → the session is cleared and `unauthenticated`
 * thrown; other statuses → `problem` with the server's problem details.
 */
export async function request<S extends z.ZodType>(options: RequestOptions<S>): Promise<z.output<S>> {
  const session = options.auth === false ? null : getSession();
  const header: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) header['Content-Type'] = 'application/json';
  if (session) header.Authorization = `Bearer ${session.token}`;

  let response: { statusCode: number; data: unknown };
  try {
    response = await Taro.request({
      url: `${API_BASE}${options.path}`,
      method: options.method,
      data: options.body as Record<string, unknown> | undefined,
      header,
      timeout: options.timeoutMs ?? 15_000,
      dataType: 'json',
    });
  } catch {
    throw new ApiError('network', 0);
  }

  const status = response.statusCode;
  const data = parseBody(response.data);
  if (status >= 200 && status < 300) {
    const parsed = options.schema.safeParse(data);
    if (!parsed.success) throw new ApiError('bad_response', status);
    return parsed.data;
  }
  const problem = problemSchema.safeParse(data);
  if (status === 401) {
    if (session) clearSession();
    throw new ApiError('unauthenticated', status, problem.success ? problem.data : undefined);
  }
  if (problem.success) throw new ApiError('problem', status, problem.data);
  // No problem details (a proxy's error page, an outage): still a refusal with a status.
  throw new ApiError(status >= 500 ? 'problem' : 'bad_response', status, {
    type: 'about:blank',
    title: 'HTTP error',
    status,
    detail: `HTTP ${status}`,
    code: status >= 500 ? 'SERVICE_UNAVAILABLE' : 'BAD_RESPONSE',
  });
}
