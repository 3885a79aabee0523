import { jwksSchema } from '@inspection-code/shared';
import type { z } from 'zod';
import { api } from './api';
import { readStored, writeStored } from './storage';

export type Jwks = z.infer<typeof jwksSchema>;

const KEY = 'ic.jwks';

interface Cached {
  jwks: Jwks;
  fetchedAt: number;
}

/** The code-signing public keys from the last successful download, for offline verification. */
export function cachedJwks(): Jwks | null {
  const cached = readStored<Cached>(KEY);
  const parsed = jwksSchema.safeParse(cached?.jwks);
  return parsed.success ? parsed.data : null;
}

/** Downloads the JWKS and caches it; throws ApiError when the network or server fails. */
export async function refreshJwks(now = Date.now()): Promise<Jwks> {
  const jwks = await api.keys();
  writeStored(KEY, { jwks, fetchedAt: now } satisfies Cached);
  return jwks;
}

/** Refreshes the cache when possible; never throws (used at launch and on the home page). */
export function refreshJwksQuietly(): void {
  refreshJwks().catch(() => undefined);
}
