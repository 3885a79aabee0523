import { T } from '../strings';
import { ApiError } from './request';

/** What the person can do about an error; the page shows a button for it. */
export type NextStep = 'retry' | 'signIn' | 'bind' | 'fix' | 'none';

export interface ErrorMessage {
  message: string;
  next: NextStep;
}

const BY_CODE: Record<string, ErrorMessage> = {
  UNAUTHENTICATED: { message: T.errors.sessionExpired, next: 'signIn' },
  NOT_BOUND: { message: T.errors.notBound, next: 'bind' },
  ALREADY_RATED: { message: T.errors.alreadyRated, next: 'none' },
  NOT_COMPLETED: { message: T.errors.notCompleted, next: 'none' },
  REVOKED: { message: T.errors.revoked, next: 'none' },
  NOT_FOUND: { message: T.errors.notFound, next: 'none' },
  VALIDATION_FAILED: { message: T.errors.validation, next: 'fix' },
  MALFORMED_JSON: { message: T.errors.validation, next: 'fix' },
  BINDING_FAILED: { message: T.errors.bindingFailed, next: 'fix' },
  DEV_LOGIN_DISABLED: { message: T.errors.devLoginDisabled, next: 'none' },
  WECHAT_LOGIN_FAILED: { message: T.errors.wechatFailed, next: 'retry' },
  UPSTREAM_UNAVAILABLE: { message: T.errors.upstream, next: 'retry' },
  SERVICE_UNAVAILABLE: { message: T.errors.unavailable, next: 'retry' },
  INTERNAL: { message: T.errors.unavailable, next: 'retry' },
  FORBIDDEN: { message: T.errors.forbidden, next: 'none' },
  PAYLOAD_TOO_LARGE: { message: T.errors.tooLarge, next: 'fix' },
};

/**
 * A plain Chinese sentence for any failure, with the next step. `overrides` lets a page say
 * something more precise for a code in its context (e.g. UNKNOWN_REFERENCE at sign-in).
 */
export function describeError(error: unknown, overrides: Partial<Record<string, ErrorMessage>> = {}): ErrorMessage {
  if (!(error instanceof ApiError)) return { message: T.errors.unknown('APP'), next: 'retry' };
  switch (error.kind) {
    case 'network':
      return { message: T.errors.network, next: 'retry' };
    case 'unauthenticated':
      return { message: T.errors.sessionExpired, next: 'signIn' };
    case 'bad_response':
      return { message: T.errors.badResponse, next: 'retry' };
    case 'problem': {
      const code = error.code ?? 'UNKNOWN';
      const known = overrides[code] ?? BY_CODE[code];
      if (known) return known;
      if (error.status >= 500) return { message: T.errors.unavailable, next: 'retry' };
      return { message: T.errors.unknown(code), next: 'retry' };
    }
  }
}
