import { sessionResponse, type User } from '@inspection-code/shared';
import { readStored, removeStored, writeStored } from './storage';

const KEY = 'ic.session';

export interface Session {
  token: string;
  user: User;
}

/** The signed-in session, if any (validated: a stale shape from an older version is dropped). */
export function getSession(): Session | null {
  const stored = readStored<unknown>(KEY);
  if (!stored) return null;
  const parsed = sessionResponse.safeParse(stored);
  if (!parsed.success) {
    removeStored(KEY);
    return null;
  }
  return parsed.data;
}

export function saveSession(session: Session): void {
  writeStored(KEY, session);
}

export function clearSession(): void {
  removeStored(KEY);
}

/** The enterprise the signed-in user is bound to, if any. */
export function boundEnterprise(): User['enterprise'] {
  return getSession()?.user.enterprise ?? null;
}
