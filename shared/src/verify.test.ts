/**
 * The offline verifier must agree with jsonwebtoken (what the server signs and verifies with):
 * every case asserts our exact verdict AND that `jwt.verify(..., { algorithms: ['ES256'] })`
 * reaches the same acceptance (valid / expired / not yet valid with a genuine signature, or a
 * rejection). The few deliberate differences are tested and named as such.
 */
import { describe, it, expect } from 'vitest';
import {
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  sign as cryptoSign,
  type JsonWebKey as NodeJsonWebKey,
  type KeyObject,
} from 'node:crypto';
import jwt from 'jsonwebtoken';
import {
  type CodeClaims,
  KIND_LETTER,
  base64UrlDecode,
  base64UrlEncode,
  decodeCodeToken,
  encodeJsonSegment,
  extractToken,
  kindFromLetter,
  timeVerdict,
  utf8Decode,
  utf8Encode,
} from './token.js';
import { type Jwk, type OfflineVerdict, jwkToRawPublicKey, verifyCodeToken } from './verify.js';

const N = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'); // P-256 order
const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z

interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  jwk: Jwk;
}

function makeKey(kid: string, namedCurve = 'P-256'): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Jwk), kid, alg: namedCurve === 'P-256' ? 'ES256' : 'ES384', use: 'sig' };
  return { kid, privateKey, publicKey, jwk };
}

const keyA = makeKey('k-2026-01');
const keyB = makeKey('k-2026-02');
const JWKS = { keys: [keyA.jwk, keyB.jwk] };

const CLAIMS: CodeClaims = {
  c: 'JCM-20260101-000123',
  e: '91310000631696382C',
  d: ['SHSC', 'SHFD'],
  k: 'p',
  nbf: NOW - 3600,
  exp: NOW + 86_400,
};

function signWith(key: TestKey, claims: object = CLAIMS, kid = key.kid): string {
  return jwt.sign(claims, key.privateKey, { algorithm: 'ES256', keyid: kid, noTimestamp: true });
}

/** Hand-built JWS: any header, ES256 signature over it with `key` (raw r||s). */
function handSigned(header: object, claims: object, key: TestKey): string {
  const input = `${encodeJsonSegment(header)}.${encodeJsonSegment(claims)}`;
  const sig = cryptoSign('sha256', Buffer.from(input), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${sig.toString('base64url')}`;
}

function withSignature(token: string, sig: Uint8Array | string): string {
  const [h, p] = token.split('.');
  const seg = typeof sig === 'string' ? sig : Buffer.from(sig).toString('base64url');
  return `${h}.${p}.${seg}`;
}

function signatureOf(token: string): Buffer {
  return Buffer.from(token.split('.')[2]!, 'base64url');
}

function toBytes32(n: bigint): Buffer {
  return Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
}

type JwtOutcome = 'valid' | 'expired' | 'not_yet_valid' | 'rejected';

/** What jsonwebtoken says, trying every published key (as a JWKS client would, at best). */
function jwtOutcome(token: string, jwks: { keys: Jwk[] }, now: number, leeway = 0): JwtOutcome {
  const outcomes = jwks.keys.map((jwk): JwtOutcome => {
    let key: KeyObject;
    try {
      key = createPublicKey({ key: jwk as unknown as NodeJsonWebKey, format: 'jwk' });
    } catch {
      return 'rejected';
    }
    try {
      jwt.verify(token, key, { algorithms: ['ES256'], clockTimestamp: now, clockTolerance: leeway });
      return 'valid';
    } catch (e) {
      // jsonwebtoken checks the signature before the times, so these imply a genuine signature.
      if (e instanceof jwt.TokenExpiredError) return 'expired';
      if (e instanceof jwt.NotBeforeError) return 'not_yet_valid';
      return 'rejected';
    }
  });
  return outcomes.find((o) => o !== 'rejected') ?? 'rejected';
}

/** Asserts our verdict, and that jsonwebtoken agrees on acceptance. Returns our result. */
function expectVerdict(
  qrContent: string,
  expected: OfflineVerdict,
  opts: { jwks?: { keys: Jwk[] }; now?: number; leeway?: number } = {},
) {
  const jwks = opts.jwks ?? JWKS;
  const now = opts.now ?? NOW;
  const result = verifyCodeToken(qrContent, jwks, now, { leewaySeconds: opts.leeway ?? 0 });
  expect(result.verdict, result.reason).toBe(expected);
  const genuine = expected === 'valid' || expected === 'expired' || expected === 'not_yet_valid';
  expect(result.payload !== undefined).toBe(genuine);
  if (expected !== 'valid') expect(result.reason).toEqual(expect.any(String));
  const theirs = jwtOutcome(extractToken(qrContent), jwks, now, opts.leeway ?? 0);
  expect(theirs).toBe(genuine ? expected : 'rejected');
  return result;
}

describe('verifyCodeToken: genuine tokens and time', () => {
  it('valid token, payload returned', () => {
    const r = expectVerdict(signWith(keyA), 'valid');
    expect(r.payload).toEqual(CLAIMS);
    expect(r.reason).toBeUndefined();
  });

  it('either of two published keys (rotation)', () => {
    expectVerdict(signWith(keyB), 'valid');
    expectVerdict(signWith(keyA), 'valid', { jwks: { keys: [keyB.jwk, keyA.jwk] } });
  });

  it('expired: at exp exactly and after', () => {
    const token = signWith(keyA);
    expectVerdict(token, 'valid', { now: CLAIMS.exp - 1 });
    expect(expectVerdict(token, 'expired', { now: CLAIMS.exp }).payload).toEqual(CLAIMS);
    expectVerdict(token, 'expired', { now: CLAIMS.exp + 10 * 86_400 });
  });

  it('not yet valid: before nbf; valid at nbf exactly', () => {
    const token = signWith(keyA);
    expect(expectVerdict(token, 'not_yet_valid', { now: CLAIMS.nbf - 1 }).payload).toEqual(CLAIMS);
    expectVerdict(token, 'valid', { now: CLAIMS.nbf });
  });

  it('leeway widens both ends, with jsonwebtoken clockTolerance boundaries', () => {
    const token = signWith(keyA);
    const leeway = 300;
    expectVerdict(token, 'valid', { now: CLAIMS.nbf - 300, leeway });
    expectVerdict(token, 'not_yet_valid', { now: CLAIMS.nbf - 301, leeway });
    expectVerdict(token, 'valid', { now: CLAIMS.exp + 299, leeway });
    expectVerdict(token, 'expired', { now: CLAIMS.exp + 300, leeway });
  });

  it('a token with an iat (jsonwebtoken default) is valid; unknown claims are dropped', () => {
    const token = jwt.sign({ ...CLAIMS, iat: NOW - 10 }, keyA.privateKey, { algorithm: 'ES256', keyid: keyA.kid });
    expect(expectVerdict(token, 'valid').payload).toEqual(CLAIMS);
  });

  it('high-S form of a valid signature (s′ = n − s) is valid in both', () => {
    const token = signWith(keyA);
    const sig = signatureOf(token);
    const s = BigInt('0x' + sig.subarray(32).toString('hex'));
    const flipped = Buffer.concat([sig.subarray(0, 32), toBytes32(N - s)]);
    expectVerdict(token, 'valid');
    expectVerdict(withSignature(token, flipped), 'valid');
  });
});

describe('verifyCodeToken: QR content forms', () => {
  const token = signWith(keyA);
  it.each([
    ['bare', token],
    ['URL', `https://jcm.example.cn/c/${token}`],
    ['URL with query', `https://jcm.example.cn/c/${token}?src=qr&v=1`],
    ['URL with fragment', `https://jcm.example.cn/c/${token}#top`],
    ['URL with trailing slash', `https://jcm.example.cn/c/${token}/`],
    ['surrounding whitespace', `  \n https://jcm.example.cn/c/${token} \t`],
  ])('%s → valid', (_label, qr) => {
    expectVerdict(qr, 'valid');
  });
});

describe('verifyCodeToken: forged', () => {
  it('tampered payload (claim changed and re-encoded)', () => {
    const token = signWith(keyA);
    const [h, , s] = token.split('.');
    for (const change of [{ e: '91110000600037341L' }, { exp: CLAIMS.exp + 86_400 }, { d: ['SHSC'] }]) {
      expectVerdict(`${h}.${encodeJsonSegment({ ...CLAIMS, ...change })}.${s}`, 'forged');
    }
  });

  it('tampered signature (one bit flipped, anywhere)', () => {
    const token = signWith(keyA);
    for (const byte of [0, 31, 32, 63]) {
      const sig = Buffer.from(signatureOf(token));
      sig[byte]! ^= 0x01;
      expectVerdict(withSignature(token, sig), 'forged');
    }
  });

  it('all-zero 64-byte signature', () => {
    expectVerdict(withSignature(signWith(keyA), new Uint8Array(64)), 'forged');
  });

  it('r or s equal to 0 or n', () => {
    const sig = signatureOf(signWith(keyA));
    const token = signWith(keyA);
    const r = sig.subarray(0, 32);
    const s = sig.subarray(32);
    expectVerdict(withSignature(token, Buffer.concat([toBytes32(0n), s])), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([r, toBytes32(0n)])), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([toBytes32(N), s])), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([r, toBytes32(N)])), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([r, toBytes32(2n ** 256n - 1n)])), 'forged');
  });

  it('63- and 65-byte signatures', () => {
    const token = signWith(keyA);
    const sig = signatureOf(token);
    expectVerdict(withSignature(token, sig.subarray(0, 63)), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([sig, Buffer.from([0])])), 'forged');
    expectVerdict(withSignature(token, Buffer.concat([Buffer.from([0]), sig])), 'forged');
  });

  it('signed by another key under a published kid', () => {
    const intruder = makeKey(keyA.kid);
    expectVerdict(signWith(intruder), 'forged');
  });

  // Decision: the algorithm is judged from the header before the rest of the token, so
  // `alg: none` is `forged` even with the empty signature segment RFC 7519 prescribes for it.
  it('alg none with an empty signature segment → forged (not malformed)', () => {
    const token = `${encodeJsonSegment({ alg: 'none', kid: keyA.kid })}.${encodeJsonSegment(CLAIMS)}.`;
    const r = expectVerdict(token, 'forged');
    expect(r.reason).toMatch(/algorithm "none" is not accepted/);
    // Also without a kid, and as jsonwebtoken itself would build it.
    expectVerdict(`${encodeJsonSegment({ alg: 'none', typ: 'JWT' })}.${encodeJsonSegment(CLAIMS)}.`, 'forged');
    expectVerdict(jwt.sign(CLAIMS, '', { algorithm: 'none', noTimestamp: true }), 'forged');
  });

  it('alg none with a junk signature → forged', () => {
    const unsigned = `${encodeJsonSegment({ alg: 'none', kid: keyA.kid })}.${encodeJsonSegment(CLAIMS)}`;
    expectVerdict(`${unsigned}.${Buffer.alloc(64, 7).toString('base64url')}`, 'forged');
    expectVerdict(`${unsigned}.${signatureOf(signWith(keyA)).toString('base64url')}`, 'forged');
  });

  it('HS256 with the PEM public key as the HMAC secret → forged', () => {
    const pem = keyA.publicKey.export({ format: 'pem', type: 'spki' });
    const input = `${encodeJsonSegment({ alg: 'HS256', kid: keyA.kid, typ: 'JWT' })}.${encodeJsonSegment(CLAIMS)}`;
    const token = `${input}.${createHmac('sha256', pem).update(input).digest('base64url')}`;
    const r = expectVerdict(token, 'forged');
    expect(r.reason).toMatch(/algorithm "HS256" is not accepted/);
  });

  it('alg spelled es256, ES384 or ES256K → forged even with a genuine ES256 signature', () => {
    for (const alg of ['es256', 'ES384', 'ES256K', 'RS256', '']) {
      expectVerdict(handSigned({ alg, kid: keyA.kid }, CLAIMS, keyA), 'forged');
    }
  });

  it('a hand-built ES256 token (header with typ) verifies: the header is not byte-fixed', () => {
    expectVerdict(handSigned({ alg: 'ES256', kid: keyA.kid, typ: 'JWT' }, CLAIMS, keyA), 'valid');
  });
});

describe('verifyCodeToken: unknown_key', () => {
  it('unknown kid', () => {
    const stranger = makeKey('k-unpublished');
    const r = expectVerdict(signWith(stranger), 'unknown_key');
    expect(r.reason).toMatch(/no published key has kid "k-unpublished"/);
  });

  it('empty JWKS, or a JWKS that is not one', () => {
    const token = signWith(keyA);
    expectVerdict(token, 'unknown_key', { jwks: { keys: [] } });
    expect(verifyCodeToken(token, {} as { keys: Jwk[] }, NOW).verdict).toBe('unknown_key');
    expect(verifyCodeToken(token, null as unknown as { keys: Jwk[] }, NOW).verdict).toBe('unknown_key');
    expect(verifyCodeToken(token, { keys: [null, 5, 'x'] } as unknown as { keys: Jwk[] }, NOW).verdict).toBe(
      'unknown_key',
    );
  });

  it('a P-384 key published under the kid', () => {
    const p384 = makeKey('k-384', 'P-384');
    const signer = makeKey('k-384'); // P-256 signer claiming that kid
    expectVerdict(signWith(signer), 'unknown_key', { jwks: { keys: [p384.jwk] } });
    // ES384 signed by the P-384 key itself: wrong algorithm comes first.
    const es384 = jwt.sign(CLAIMS, p384.privateKey, { algorithm: 'ES384', keyid: 'k-384', noTimestamp: true });
    expectVerdict(es384, 'forged', { jwks: { keys: [p384.jwk] } });
  });

  it('an invalid key under the kid (point off the curve, bad length) is not used', () => {
    const token = signWith(keyA);
    const offCurve = { ...keyA.jwk, y: keyB.jwk.y };
    const r = expectVerdict(token, 'unknown_key', { jwks: { keys: [offCurve] } });
    expect(r.reason).toMatch(/invalid/);
    expectVerdict(token, 'unknown_key', { jwks: { keys: [{ ...keyA.jwk, x: keyA.jwk.x!.slice(2) }] } });
    // A broken duplicate does not hide the good key under the same kid.
    expectVerdict(token, 'valid', { jwks: { keys: [offCurve, keyA.jwk] } });
  });

  // Policy beyond jsonwebtoken (which ignores JWK metadata): a key restricted to another
  // algorithm or use is not used.
  it('a key marked for another alg or use is not used', () => {
    const token = signWith(keyA);
    for (const jwk of [{ ...keyA.jwk, alg: 'ES384' }, { ...keyA.jwk, use: 'enc' }]) {
      expect(verifyCodeToken(token, { keys: [jwk] }, NOW).verdict).toBe('unknown_key');
    }
    const bare = { kty: 'EC', crv: 'P-256', x: keyA.jwk.x, y: keyA.jwk.y, kid: keyA.kid };
    expectVerdict(token, 'valid', { jwks: { keys: [bare] } });
  });
});

describe('verifyCodeToken: malformed', () => {
  const token = signWith(keyA);
  const [h, p, s] = token.split('.') as [string, string, string];
  const std = (seg: string) => Buffer.from(seg, 'base64url').toString('base64');

  it('padding "=" in a segment', () => {
    const sig = std(s); // 64 bytes → 86 characters + "=="
    expect(sig.endsWith('==')).toBe(true);
    expectVerdict(`${h}.${p}.${sig.replace(/\+/g, '-').replace(/\//g, '_')}`, 'malformed');
    const header = encodeJsonSegment({ alg: 'ES256', kid: keyA.kid }) + '=';
    expectVerdict(`${header}.${p}.${s}`, 'malformed');
  });

  it('"+" or "/" (standard base64) characters', () => {
    let found = 0;
    for (let i = 0; i < 40 && found < 3; i++) {
      const t = signWith(keyA);
      const seg = t.split('.')[2]!;
      if (!/[-_]/.test(seg)) continue;
      found++;
      const converted = seg.replace(/-/g, '+').replace(/_/g, '/');
      expectVerdict(`${h}.${p}.${converted}`, 'malformed');
    }
    expect(found).toBeGreaterThan(0);
    expectVerdict(`${h}.${p}+.${s}`, 'malformed');
  });

  it.each([
    ['empty string', ''],
    ['whitespace', '   \n'],
    ['plain text', 'hello world'],
    ['two segments', `${h}.${p}`],
    ['four segments', `${h}.${p}.${s}.${s}`],
    ['dots only', '..'],
    ['three dots', '...'],
    ['empty header', `.${p}.${s}`],
    ['empty payload', `${h}..${s}`],
    ['empty signature (ES256)', `${h}.${p}.`],
    ['header not JSON', `${Buffer.from('{alg:ES256}').toString('base64url')}.${p}.${s}`],
    ['header a JSON array', `${encodeJsonSegment(['ES256'])}.${p}.${s}`],
    ['header without kid', `${encodeJsonSegment({ alg: 'ES256' })}.${p}.${s}`],
    ['header with numeric kid', `${encodeJsonSegment({ alg: 'ES256', kid: 7 })}.${p}.${s}`],
    ['payload not JSON', `${h}.${Buffer.from('not json').toString('base64url')}.${s}`],
    ['non-ASCII junk', `检查码.${p}.${s}`],
    ['a URL without a token', 'https://jcm.example.cn/c/'],
    ['a JSON document', JSON.stringify(CLAIMS)],
    ['very long', 'a'.repeat(5000)],
  ])('%s', (_label, qr) => {
    expectVerdict(qr, 'malformed');
  });

  it('non-strings never throw', () => {
    for (const junk of [undefined, null, 42, {}, [], Symbol('x')]) {
      const r = verifyCodeToken(junk as unknown as string, JWKS, NOW);
      expect(r.verdict).toBe('malformed');
      expect(r.payload).toBeUndefined();
    }
  });

  // Deliberate difference: jsonwebtoken has no schema, so it accepts any genuinely signed JSON.
  // A genuine signature over claims that are not a code is still not a code.
  it('genuinely signed claims that fail the schema → malformed (jsonwebtoken would accept)', () => {
    for (const claims of [
      { ...CLAIMS, c: '' },
      { ...CLAIMS, e: 'short' },
      { ...CLAIMS, d: [] },
      { ...CLAIMS, k: 'x' },
      { ...CLAIMS, nbf: CLAIMS.exp },
      { ...CLAIMS, exp: 1.5 },
      { c: CLAIMS.c },
    ]) {
      const t = signWith(keyA, claims);
      expect(verifyCodeToken(t, JWKS, NOW).verdict).toBe('malformed');
    }
  });

  // Deliberate difference: base64url is decoded canonically (RFC 4648 §3.5); Node's decoder ignores
  // the unused low bits of the last character, so jsonwebtoken accepts such a variant. No signer
  // produces it; it can only be a re-encoding of a genuine signature.
  it('non-canonical trailing bits in the signature → malformed (jsonwebtoken accepts)', () => {
    const last = s[s.length - 1]!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const variant = `${h}.${p}.${s.slice(0, -1)}${alphabet[alphabet.indexOf(last) | 1]}`;
    expect(variant).not.toBe(token);
    expect(verifyCodeToken(variant, JWKS, NOW).verdict).toBe('malformed');
    expect(jwtOutcome(variant, JWKS, NOW)).toBe('valid');
  });

  it('a non-finite clock is reported, never judged valid', () => {
    expect(verifyCodeToken(token, JWKS, Number.NaN).verdict).toBe('malformed');
  });
});

describe('verifyCodeToken: random single-character mutations', () => {
  it('never throws, and agrees with jsonwebtoken except on non-canonical base64url', () => {
    const token = signWith(keyA);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ';
    let seed = 12345;
    const rand = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    for (let i = 0; i < 400; i++) {
      const pos = rand(token.length);
      const mutated = token.slice(0, pos) + alphabet[rand(alphabet.length)] + token.slice(pos + 1);
      const ours = verifyCodeToken(mutated, JWKS, NOW);
      const theirs = jwtOutcome(mutated, JWKS, NOW);
      if (mutated === token) {
        expect(ours.verdict).toBe('valid');
      } else if (ours.verdict === 'valid') {
        expect(theirs).toBe('valid');
      } else if (theirs === 'valid') {
        expect(ours.reason).toMatch(/non-canonical/);
      }
    }
  });
});

describe('jwkToRawPublicKey', () => {
  it('returns 0x04 || x || y', () => {
    const raw = jwkToRawPublicKey(keyA.jwk);
    expect(raw).toHaveLength(65);
    expect(raw[0]).toBe(4);
    const spki = keyA.publicKey.export({ format: 'der', type: 'spki' });
    expect(Buffer.from(raw).equals(spki.subarray(spki.length - 65))).toBe(true);
  });

  it('rejects other curves, short coordinates and off-curve points', () => {
    expect(() => jwkToRawPublicKey(makeKey('x', 'P-384').jwk)).toThrow(/P-256/);
    expect(() => jwkToRawPublicKey({ ...keyA.jwk, x: 'AAAA' })).toThrow(/32 bytes/);
    expect(() => jwkToRawPublicKey({ ...keyA.jwk, y: keyB.jwk.y })).toThrow();
    expect(() => jwkToRawPublicKey({ kty: 'RSA' })).toThrow();
  });
});

describe('token helpers', () => {
  it('base64url round-trips every length and matches Node', () => {
    for (let len = 0; len < 70; len++) {
      const bytes = Uint8Array.from({ length: len }, (_, i) => (i * 37 + len * 11) & 255);
      const text = base64UrlEncode(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(text)).toEqual(bytes);
    }
  });

  it('base64url decoding is strict', () => {
    for (const bad of ['QQ==', 'QQ=', 'a+b/', 'QQ Q', 'A', 'AAAAA', 'QR', 'QUF', 'é']) {
      expect(() => base64UrlDecode(bad), bad).toThrow();
    }
    expect(base64UrlDecode('QQ')).toEqual(Uint8Array.of(0x41));
    expect(base64UrlDecode('QUE')).toEqual(Uint8Array.of(0x41, 0x41));
  });

  it('UTF-8 matches TextEncoder and rejects invalid input like a fatal TextDecoder', () => {
    const text = '检查码 ✓ 𝄞 abc';
    expect(utf8Encode(text)).toEqual(new TextEncoder().encode(text));
    expect(utf8Decode(new TextEncoder().encode(text))).toBe(text);
    for (const bad of [[0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe6, 0xa3], [0x80], [0xff]]) {
      expect(() => utf8Decode(Uint8Array.from(bad)), String(bad)).toThrow();
    }
  });

  it('extractToken', () => {
    expect(extractToken(' https://jcm.example.cn/c/a.b.c?x=1#y ')).toBe('a.b.c');
    expect(extractToken('a.b.c')).toBe('a.b.c');
    expect(extractToken('https://jcm.example.cn/c/a.b.c/')).toBe('a.b.c');
    expect(extractToken('')).toBe('');
  });

  it('kind letters round-trip', () => {
    for (const kind of ['planned', 'triggered', 'emergency'] as const) {
      expect(kindFromLetter(KIND_LETTER[kind])).toBe(kind);
    }
    expect(() => kindFromLetter('x' as 'p')).toThrow();
  });

  it('timeVerdict follows jsonwebtoken: valid on [nbf − leeway, exp + leeway)', () => {
    const c = { nbf: 100, exp: 200 };
    expect(timeVerdict(c, 99)).toBe('not_yet_valid');
    expect(timeVerdict(c, 100)).toBe('valid');
    expect(timeVerdict(c, 199)).toBe('valid');
    expect(timeVerdict(c, 200)).toBe('expired');
    expect(timeVerdict(c, 95, 5)).toBe('valid');
    expect(timeVerdict(c, 94, 5)).toBe('not_yet_valid');
    expect(timeVerdict(c, 204, 5)).toBe('valid');
    expect(timeVerdict(c, 205, 5)).toBe('expired');
  });

  it('decodeCodeToken exposes header, claims, signing input and raw signature', () => {
    const token = signWith(keyA);
    const d = decodeCodeToken(`https://jcm.example.cn/c/${token}`);
    expect(d.ok).toBe(true);
    if (!d.ok) return;
    expect(d.token).toBe(token);
    expect(d.header).toEqual({ alg: 'ES256', kid: keyA.kid, typ: 'JWT' });
    expect(d.claims).toEqual(CLAIMS);
    expect(d.signingInput).toBe(token.split('.').slice(0, 2).join('.'));
    expect(d.signature).toHaveLength(64);
    expect(decodeCodeToken('a.b')).toEqual({ ok: false, reason: 'a token has 3 dot-separated segments, found 2' });
  });
});
