/**
 * Generates the published test vectors (shared/src/testVectors.json, quoted in
 * docs/TOKEN-FORMAT.md). Run: `npx tsx shared/scripts/make-test-vectors.ts`.
 *
 * Signs with jsonwebtoken, exactly as the server does, using throwaway keys: the private keys
 * exist only in this process, so the repository holds public keys only. Every vector is checked
 * with verifyCodeToken before it is written. Re-running produces new keys and tokens; copy the
 * result into docs/TOKEN-FORMAT.md (the vector test checks the two match).
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import { type CodeClaims, encodeJsonSegment } from '../src/token.js';
import { type Jwk, verifyCodeToken } from '../src/verify.js';

const URL_BASE = 'https://jcm.example.cn/c/';
const OUT = fileURLToPath(new URL('../src/testVectors.json', import.meta.url));

function newKey(kid: string): { kid: string; privateKey: KeyObject; jwk: Jwk } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { kty, crv, x, y } = publicKey.export({ format: 'jwk' }) as Jwk;
  return { kid, privateKey, jwk: { kty, crv, x, y, kid, alg: 'ES256', use: 'sig' } };
}

/** Signs as the server does: ES256, header {alg, kid} (no typ), no iat. */
function sign(claims: CodeClaims, key: { kid: string; privateKey: KeyObject }): string {
  return jwt.sign(claims, key.privateKey, {
    algorithm: 'ES256',
    keyid: key.kid,
    noTimestamp: true,
    header: { alg: 'ES256', typ: undefined },
  });
}

const published = newKey('kT3ST0001');
const unpublished = newKey('kT3ST0999');

const nbf = Date.UTC(2026, 2, 2, 1, 0, 0) / 1000; // 2026-03-02T01:00:00Z = 09:00 Asia/Shanghai
const claims: CodeClaims = {
  c: 'JC2026030200000042',
  e: '91310000631696382C',
  d: ['SHSC', 'SHFD'],
  k: 'p',
  nbf,
  exp: nbf + 8 * 3600,
};
const token = sign(claims, published);
const [header, , signature] = token.split('.') as [string, string, string];
const tampered = `${header}.${encodeJsonSegment({ ...claims, e: '91110000600037341L' })}.${signature}`;

const cases = [
  { name: 'valid', description: 'genuine, inside its window', token, now: nbf + 2 * 3600, verdict: 'valid' },
  { name: 'expired', description: 'genuine, at exp exactly (exp is exclusive)', token, now: claims.exp, verdict: 'expired' },
  { name: 'not_yet_valid', description: 'genuine, one second before nbf', token, now: nbf - 1, verdict: 'not_yet_valid' },
  {
    name: 'leeway',
    description: 'genuine, 60 s after exp, verified with a 300 s leeway (phone clock)',
    token,
    now: claims.exp + 60,
    leewaySeconds: 300,
    verdict: 'valid',
  },
  { name: 'forged', description: 'payload changed to another enterprise, signature kept', token: tampered, now: nbf + 2 * 3600, verdict: 'forged' },
  {
    name: 'unknown_key',
    description: 'genuine ES256 signature by a key that is not in the JWKS',
    token: sign(claims, unpublished),
    now: nbf + 2 * 3600,
    verdict: 'unknown_key',
  },
  {
    name: 'alg_none',
    description: 'alg "none" with an empty signature segment',
    token: `${encodeJsonSegment({ alg: 'none', kid: published.kid })}.${encodeJsonSegment(claims)}.`,
    now: nbf + 2 * 3600,
    verdict: 'forged',
  },
];

const jwks = { keys: [published.jwk] };
const vectors = cases.map(({ token: t, leewaySeconds, ...rest }) => {
  const qrContent = URL_BASE + t;
  const result = verifyCodeToken(qrContent, jwks, rest.now, { leewaySeconds: leewaySeconds ?? 0 });
  if (result.verdict !== rest.verdict) {
    throw new Error(`vector ${rest.name}: expected ${rest.verdict}, verifier said ${result.verdict}`);
  }
  return {
    name: rest.name,
    description: rest.description,
    qrContent,
    now: rest.now,
    ...(leewaySeconds !== undefined ? { leewaySeconds } : {}),
    verdict: rest.verdict,
    ...(result.payload ? { payload: result.payload } : {}),
  };
});

writeFileSync(OUT, JSON.stringify({ jwks, vectors }, null, 2) + '\n');
console.log(`wrote ${vectors.length} vectors to ${OUT}`);
