import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { roleSchema, type Role } from '@inspection-code/shared';
import type { Config } from '@inspection-code/config';
import { AppError } from '../http/errors.js';
import { sharedSetting } from '../settings/settings.js';

export interface SessionClaims {
  sub: string;
  role: Role;
}

const ISSUER = 'inspection-code';
const AUDIENCE = 'session';

/** Session tokens: HS256 JWTs carrying role and subject. The key object is built once (TOOLCHAIN.md). */
export class Sessions {
  private constructor(
    private readonly key: KeyObject,
    private readonly ttlSeconds: number,
  ) {}

  /** Production secrets come from configuration; elsewhere one is generated and kept in the database. */
  static async create(config: Config, ds: DataSource): Promise<Sessions> {
    const secret = config.sessionSecret ?? (await sharedSetting(ds, 'session_secret', () => randomBytes(32).toString('base64url')));
    return new Sessions(createSecretKey(Buffer.from(secret, 'utf8')), config.sessionTtlSeconds);
  }

  /** Signs with the server clock (not jsonwebtoken's own), so expiry follows the same clock as checks. */
  issue(claims: SessionClaims, now: Date): string {
    const iat = Math.floor(now.getTime() / 1000);
    const payload = { role: claims.role, sub: claims.sub, iat, exp: iat + this.ttlSeconds, iss: ISSUER, aud: AUDIENCE };
    return jwt.sign(payload, this.key, { algorithm: 'HS256' });
  }

  verify(token: string, now: Date): SessionClaims {
    try {
      const payload = jwt.verify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ISSUER,
        audience: AUDIENCE,
        clockTimestamp: Math.floor(now.getTime() / 1000),
      });
      if (typeof payload === 'string' || typeof payload.sub !== 'string') throw new Error('no subject');
      return { sub: payload.sub, role: roleSchema.parse(payload.role) };
    } catch (err) {
      const expired = err instanceof jwt.TokenExpiredError;
      throw new AppError('UNAUTHENTICATED', expired ? 'The session has expired; sign in again.' : 'The session token is not valid; sign in again.');
    }
  }
}
