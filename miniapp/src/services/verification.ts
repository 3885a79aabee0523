/**
 * 扫码核验, in two steps. First offline: the code's signature and validity are checked against the
 * cached public keys with the shared verifier, before any network call, so a genuine code shows
 * as genuine in a basement without signal. Then online: the server's verdict (which alone knows
 * revocation) and the full record replace the offline one.
 */
import { verifyCodeToken, type CodeClaims, type Verdict } from '@inspection-code/shared';
import { api, type ScanView } from './api';
import { OFFLINE_LEEWAY_SECONDS } from './env';
import { describeError, type ErrorMessage } from './errors';
import { cachedJwks, refreshJwks, type Jwks } from './jwks';
import { ApiError } from './request';
import { boundEnterprise, getSession } from './session';

export type OfflineCheck =
  | { kind: 'verdict'; verdict: Verdict; claims?: CodeClaims }
  /** No keys cached yet: nothing can be said offline. */
  | { kind: 'no_keys' };

/**
 * The offline verdict. With the signed-in user's enterprise known, a genuine code issued to
 * another enterprise is `wrong_enterprise`, ranked before the time check as the server ranks it.
 */
export function verifyOffline(qrContent: string, jwks: Jwks | null, ownCreditCode: string | null, nowMs: number): OfflineCheck {
  if (!jwks) return { kind: 'no_keys' };
  const result = verifyCodeToken(qrContent, jwks, Math.floor(nowMs / 1000), { leewaySeconds: OFFLINE_LEEWAY_SECONDS });
  const claims = result.payload;
  if (claims && ownCreditCode && claims.e !== ownCreditCode) return { kind: 'verdict', verdict: 'wrong_enterprise', claims };
  return { kind: 'verdict', verdict: result.verdict, claims };
}

export interface VerificationState {
  offline: OfflineCheck;
  /** pending: asking the server; done: `online` holds its answer; failed: no answer (see `error`). */
  online: 'pending' | 'done' | 'failed';
  scan?: ScanView;
  error?: ErrorMessage;
  /** The session had expired: the scan was answered anonymously, without the wrong-enterprise check. */
  sessionExpired?: boolean;
}

/**
 * Runs both steps, reporting each state as it is reached (the first one synchronously).
 * Resolves with the final state.
 */
export async function runVerification(
  qrContent: string,
  onState: (state: VerificationState) => void,
  now: () => number = Date.now,
): Promise<VerificationState> {
  const own = () => boundEnterprise()?.creditCode ?? null;
  let state: VerificationState = { offline: verifyOffline(qrContent, cachedJwks(), own(), now()), online: 'pending' };
  onState(state);
  const update = (patch: Partial<VerificationState>) => {
    state = { ...state, ...patch };
    onState(state);
  };

  // Keys rotate: an unknown kid (or no cache yet) means fetching the published keys once.
  const offline = state.offline;
  if (offline.kind === 'no_keys' || offline.verdict === 'unknown_key') {
    try {
      const jwks = await refreshJwks(now());
      update({ offline: verifyOffline(qrContent, jwks, own(), now()) });
    } catch {
      // Offline: keep what we have; the online step below will fail the same way.
    }
  }

  const signedIn = getSession() !== null;
  try {
    update({ online: 'done', scan: await api.scan(qrContent) });
  } catch (error) {
    if (signedIn && error instanceof ApiError && error.kind === 'unauthenticated') {
      try {
        update({ online: 'done', scan: await api.scan(qrContent, false), sessionExpired: true });
        return state;
      } catch (retryError) {
        update({ online: 'failed', error: describeError(retryError), sessionExpired: true });
        return state;
      }
    }
    update({ online: 'failed', error: describeError(error) });
  }
  return state;
}
