import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { DataSource, EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { CodeClaims } from '@inspection-code/shared';
import { findCausally } from '../db/cluster.js';
import { randomCode } from '../util/randomCode.js';
import { SigningKey } from './signingKey.entity.js';

interface LoadedKey {
  kid: string;
  publicKey: KeyObject;
  privateKey: KeyObject;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' };
  createdAt: Date;
  retiredAt: Date | null;
}

const VERIFIED_CACHE_SIZE = 10_000;

/**
 * The ES256 code-signing keys. They live in the database (so every process signs and verifies
 * alike); each process keeps their KeyObjects, built once, and looks a kid it does not know up by
 * primary key (another process may have rotated).
 */
export class Keyring {
  private keys = new Map<string, LoadedKey>();
  private verified = new Set<string>();

  constructor(
    private readonly ds: DataSource,
    private readonly maxCodeWindowMs: number,
  ) {}

  /** Loads the keys, creating the first one on a fresh database. */
  async init(now: Date): Promise<void> {
    await this.reload();
    if (this.keys.size === 0) {
      await this.ds.transaction((m) => this.insertNewKey(m, now));
      await this.reload();
    }
  }

  private async reload(): Promise<void> {
    const rows = await this.ds.getRepository(SigningKey).find();
    this.keys = new Map(rows.map((row) => [row.kid, this.load(row)]));
  }

  private load(row: SigningKey): LoadedKey {
    const publicKey = createPublicKey({ key: { ...row.publicJwk }, format: 'jwk' });
    return {
      kid: row.kid,
      publicKey,
      privateKey: createPrivateKey(row.privatePem),
      jwk: { kty: 'EC', crv: 'P-256', x: row.publicJwk.x, y: row.publicJwk.y, kid: row.kid, alg: 'ES256', use: 'sig' },
      createdAt: row.createdAt,
      retiredAt: row.retiredAt,
    };
  }

  private async insertNewKey(m: EntityManager, now: Date): Promise<string> {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string; y: string };
    const kid = `k${randomCode(7, randomBytes)}`;
    await m.insert(SigningKey, {
      kid,
      publicJwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y },
      privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      createdAt: now,
      retiredAt: null,
    });
    return kid;
  }

  /** A new signing key; the previous ones retire but keep verifying until their codes expire. */
  async rotate(m: EntityManager, now: Date): Promise<string> {
    await m.update(SigningKey, { retiredAt: IsNull() }, { retiredAt: now });
    for (const key of this.keys.values()) key.retiredAt ??= now;
    return this.insertNewKey(m, now);
  }

  /** Signs with the newest key in the database (another process may have rotated since we loaded). */
  async sign(m: EntityManager, claims: CodeClaims): Promise<{ kid: string; token: string }> {
    const newest = await m.getRepository(SigningKey).find({ select: { kid: true }, where: { retiredAt: IsNull() }, order: { createdAt: 'DESC' }, take: 1 });
    const kid = newest[0]?.kid;
    if (!kid) throw new Error('no active signing key');
    const key = await this.find(kid);
    if (!key) throw new Error(`signing key ${kid} vanished`);
    // No typ and no iat: every byte counts in a QR code scanned in poor light.
    const token = jwt.sign(claims, key.privateKey, { algorithm: 'ES256', header: { alg: 'ES256', kid, typ: undefined }, noTimestamp: true });
    return { kid, token };
  }

  /** The public key for a kid, if it still verifies codes. */
  async publicKey(kid: string, now: Date): Promise<KeyObject | undefined> {
    const key = await this.find(kid);
    return key && this.stillVerifies(key, now) ? key.publicKey : undefined;
  }

  /**
   * Checks a code token's ES256 signature with Node's crypto (through jsonwebtoken; time is the
   * caller's business). A genuine signature stays genuine, so tokens already verified are
   * remembered (a bounded set): the same code is scanned at check-in, again to rate, and by
   * several people on site.
   */
  async verifySignature(token: string, kid: string, now: Date): Promise<'genuine' | 'forged' | 'unknown_key'> {
    const key = await this.publicKey(kid, now);
    if (!key) return 'unknown_key';
    if (this.verified.has(token)) return 'genuine';
    try {
      jwt.verify(token, key, { algorithms: ['ES256'], ignoreExpiration: true, ignoreNotBefore: true });
    } catch {
      return 'forged';
    }
    if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.values().next().value!);
    this.verified.add(token);
    return 'genuine';
  }

  private async find(kid: string): Promise<LoadedKey | undefined> {
    const known = this.keys.get(kid);
    if (known || kid.length > 16) return known;
    // Rotated through another server an instant ago? findCausally looks again before "unknown key".
    const row = await findCausally(this.ds, (m) => m.findOneBy(SigningKey, { kid }));
    if (!row) return undefined;
    const key = this.load(row);
    this.keys.set(kid, key);
    return key;
  }

  private stillVerifies(key: LoadedKey, now: Date): boolean {
    return key.retiredAt === null || key.retiredAt.getTime() + this.maxCodeWindowMs > now.getTime();
  }

  /** JWKS of every key that still verifies codes, newest first. */
  async jwks(now: Date): Promise<{ keys: LoadedKey['jwk'][] }> {
    await this.reload();
    const keys = [...this.keys.values()].filter((k) => this.stillVerifies(k, now)).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
    return { keys: keys.map((k) => k.jwk) };
  }
}
