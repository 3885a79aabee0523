import type { Config } from '@inspection-code/config';
import type { DataSource } from 'typeorm';
import type { Sessions } from './auth/sessions.js';
import type { Keyring } from './keys/keyring.js';
import type { RateLimiter } from './ratelimit/rateLimiter.js';

export type Clock = () => Date;
export type Log = (entry: Record<string, unknown>) => void;

/** What every service function may use; built once at start (server/src/server.ts). */
export interface Services {
  config: Config;
  ds: DataSource;
  clock: Clock;
  keyring: Keyring;
  sessions: Sessions;
  rateLimiter: RateLimiter;
  log: Log;
}
