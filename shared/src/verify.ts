/**
 * Offline verification of a code token against a cached JWKS: pure JS (noble P-256 + SHA-256),
 * so the mini program can tell a genuine code from a forged one without network.
 * Verdicts agree with `jsonwebtoken.verify(token, key, { algorithms: ['ES256'] })` on whether a
 * token is acceptable; see docs/TOKEN-FORMAT.md.
 */
import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  type CodeClaims,
  type DecodedCodeToken,
  base64UrlDecode,
  decodeCodeToken,
  decodeJsonSegment,
  extractToken,
  timeVerdict,
  utf8Encode,
} from './token.js';

/** Verdicts the offline check can reach (`revoked` and `wrong_enterprise` need the server). */
export type OfflineVerdict = 'valid' | 'expired' | 'not_yet_valid' | 'forged' | 'unknown_key' | 'malformed';

/** A JSON Web Key as published at `GET /api/keys` (only EC P-256 keys are used). */
export interface Jwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  kid?: string;
  alg?: string;
  use?: string;
}

/** Result of {@link verifyCodeToken}. `payload` is set only when the signature is genuine. */
export interface VerifyCodeResult {
  verdict: OfflineVerdict;
  payload?: CodeClaims;
  /** Why the verdict is not `valid`, in English (for logs and developers, not for end users). */
  reason?: string;
}

/** The only accepted algorithm; compared case-sensitively (RFC 7515 §4.1.1). */
const ACCEPTED_ALG = 'ES256';
const CURVE_ORDER: bigint = p256.Point.Fn.ORDER;

/** ISO time for a reason message; falls back to seconds where Date cannot represent it. */
function describeTime(seconds: number): string {
  const ms = seconds * 1000;
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${seconds} s since the epoch`;
}

function bytesToBigInt(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/**
 * Converts an EC P-256 JWK to an uncompressed SEC 1 public key (`0x04 || x || y`, 65 bytes).
 * @throws Error if the JWK is not P-256, `x`/`y` are not strict base64url of 32 bytes each, or
 *   the point is not on the curve.
 */
export function jwkToRawPublicKey(jwk: Jwk): Uint8Array {
  if (jwk === null || typeof jwk !== 'object') throw new Error('JWK must be an object');
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256') throw new Error('JWK is not an EC P-256 key');
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new Error('JWK lacks x or y');
  const x = base64UrlDecode(jwk.x);
  const y = base64UrlDecode(jwk.y);
  if (x.length !== 32 || y.length !== 32) throw new Error('JWK x and y must be 32 bytes each');
  const raw = new Uint8Array(65);
  raw[0] = 0x04;
  raw.set(x, 1);
  raw.set(y, 33);
  // fromBytes checks that the coordinates are field elements and the point is on the curve.
  p256.Point.fromBytes(raw);
  return raw;
}

/**
 * Header-only look at a 3-segment token: the algorithm it names, if the header segment is
 * base64url JSON with a string `alg`. Lets `alg: none` with an empty signature segment count
 * as forged rather than malformed.
 */
function peekAlgorithm(qrContent: string): string | undefined {
  try {
    const parts = extractToken(qrContent).split('.');
    if (parts.length !== 3 || parts[0] === '') return undefined;
    const header = decodeJsonSegment(parts[0]!);
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return undefined;
    const alg = (header as Record<string, unknown>).alg;
    return typeof alg === 'string' ? alg : undefined;
  } catch {
    return undefined;
  }
}

function algorithmRejected(alg: string): { verdict: 'forged'; reason: string } {
  return {
    verdict: 'forged',
    reason: `algorithm ${JSON.stringify(alg)} is not accepted: code tokens must be signed with ES256`,
  };
}

/** Public keys in the JWKS usable for an ES256 token with this `kid`, or why there are none. */
function keysFor(jwks: { keys: Jwk[] }, kid: string): { keys: Uint8Array[]; reason: string } {
  const all: unknown[] = jwks && Array.isArray(jwks.keys) ? jwks.keys : [];
  const named = all.filter(
    (k): k is Jwk => typeof k === 'object' && k !== null && (k as Jwk).kid === kid,
  );
  if (named.length === 0) return { keys: [], reason: `no published key has kid ${JSON.stringify(kid)}` };
  const keys: Uint8Array[] = [];
  let reason = `key ${JSON.stringify(kid)} is not a usable EC P-256 ES256 signing key`;
  for (const jwk of named) {
    // A key restricted to another algorithm or use must not verify ES256 signatures.
    if (jwk.alg !== undefined && jwk.alg !== ACCEPTED_ALG) continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    try {
      keys.push(jwkToRawPublicKey(jwk));
    } catch (e) {
      reason = `key ${JSON.stringify(kid)} is invalid: ${(e as Error).message}`;
    }
  }
  return { keys, reason };
}

/**
 * Steps 1 and 2 of verification, which need no key: an `alg` other than ES256 is `forged`, a
 * token that does not decode is `malformed`. The server runs the same steps before its own
 * signature check, so both sides classify structure alike.
 */
export function readCodeToken(
  qrContent: string,
): { ok: true; decoded: DecodedCodeToken } | { ok: false; rejection: { verdict: 'forged' | 'malformed'; reason: string } } {
  const alg = peekAlgorithm(qrContent);
  if (alg !== undefined && alg !== ACCEPTED_ALG) return { ok: false, rejection: algorithmRejected(alg) };
  const decoded = decodeCodeToken(qrContent);
  if (!decoded.ok) return { ok: false, rejection: { verdict: 'malformed', reason: decoded.reason } };
  if (decoded.header.alg !== ACCEPTED_ALG) return { ok: false, rejection: algorithmRejected(decoded.header.alg) };
  return { ok: true, decoded };
}

/**
 * Verifies a code token from QR content (URL or bare JWS) offline against a JWKS.
 *
 * Steps, first failure wins:
 * 1. header names an algorithm other than `ES256` (e.g. `none`, `HS256`, `es256`) → `forged`,
 *    judged from the header alone, so `alg: none` with an empty signature segment is `forged`;
 * 2. not a well-formed token (see `decodeCodeToken`) → `malformed`;
 * 3. no EC P-256 key with the header's `kid` → `unknown_key`;
 * 4. signature not 64 bytes (`r || s`), `r`/`s` outside [1, n−1], or ECDSA P-256 over
 *    SHA-256(signing input) fails → `forged` (high-S accepted, as Node and jsonwebtoken do);
 * 5. `nbf`/`exp` against `nowSeconds` with `leewaySeconds` (default 0) → `not_yet_valid`,
 *    `expired` or `valid`, with jsonwebtoken's boundaries.
 *
 * `payload` is returned for `valid`, `expired` and `not_yet_valid` only. A non-finite
 * `nowSeconds` yields `malformed` (caller error) rather than any verdict about the code.
 * Never throws.
 */
export function verifyCodeToken(
  qrContent: string,
  jwks: { keys: Jwk[] },
  nowSeconds: number,
  options?: { leewaySeconds?: number },
): VerifyCodeResult {
  try {
    if (typeof nowSeconds !== 'number' || !Number.isFinite(nowSeconds)) {
      return { verdict: 'malformed', reason: 'nowSeconds must be a finite number' };
    }
    const rawLeeway = options?.leewaySeconds ?? 0;
    const leeway = typeof rawLeeway === 'number' && Number.isFinite(rawLeeway) && rawLeeway > 0 ? rawLeeway : 0;

    const structure = readCodeToken(qrContent);
    if (!structure.ok) return structure.rejection;
    const decoded = structure.decoded;

    const { keys, reason } = keysFor(jwks, decoded.header.kid);
    if (keys.length === 0) return { verdict: 'unknown_key', reason };

    const sig = decoded.signature;
    if (sig.length !== 64) {
      return { verdict: 'forged', reason: `ES256 signature must be 64 bytes, got ${sig.length}` };
    }
    const r = bytesToBigInt(sig.subarray(0, 32));
    const s = bytesToBigInt(sig.subarray(32));
    if (r === 0n || s === 0n || r >= CURVE_ORDER || s >= CURVE_ORDER) {
      return { verdict: 'forged', reason: 'signature values out of range' };
    }
    const digest = sha256(utf8Encode(decoded.signingInput));
    const genuine = keys.some((key) => {
      try {
        return p256.verify(sig, digest, key, { prehash: false, lowS: false });
      } catch {
        return false;
      }
    });
    if (!genuine) return { verdict: 'forged', reason: 'signature does not match the content' };

    const payload = decoded.claims;
    const time = timeVerdict(payload, nowSeconds, leeway);
    if (time === 'not_yet_valid') {
      return { verdict: time, payload, reason: `code is valid from ${describeTime(payload.nbf)}` };
    }
    if (time === 'expired') {
      return { verdict: time, payload, reason: `code expired at ${describeTime(payload.exp)}` };
    }
    return { verdict: 'valid', payload };
  } catch (e) {
    // Defensive: any unexpected failure means we could not read the token.
    return { verdict: 'malformed', reason: `could not verify: ${(e as Error)?.message ?? String(e)}` };
  }
}
