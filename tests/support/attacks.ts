import { createHmac, createPublicKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Forged variants of a genuine code token, each an attack a verifier must refuse. */
const b64 = (x: string | Buffer) => Buffer.from(x).toString('base64url');
const json = (seg: string) => JSON.parse(Buffer.from(seg, 'base64url').toString('utf8'));

export function splitQr(qrContent: string) {
  const slash = qrContent.lastIndexOf('/');
  const prefix = qrContent.slice(0, slash + 1);
  const [h, p, s] = qrContent.slice(slash + 1).split('.') as [string, string, string];
  return { prefix, h, p, s, header: json(h), payload: json(p) };
}

export function forgeries(qrContent: string, publicJwk: Record<string, string>) {
  const { prefix, h, p, s, header, payload } = splitQr(qrContent);
  const other = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sigBytes = Buffer.from(s, 'base64url');
  const flipped = Buffer.from(sigBytes);
  flipped[10] = flipped[10]! ^ 0x01;
  const pem = createPublicKey({ key: publicJwk, format: 'jwk' }).export({ format: 'pem', type: 'spki' }).toString();
  const hsHeader = b64(JSON.stringify({ alg: 'HS256', kid: header.kid }));
  const hsSig = createHmac('sha256', pem).update(`${hsHeader}.${p}`).digest('base64url');
  const noneHeader = b64(JSON.stringify({ alg: 'none', kid: header.kid }));
  const anotherEnterprise = b64(JSON.stringify({ ...payload, e: '91310115MA1FL0AB1X' }));
  const longer = b64(JSON.stringify({ ...payload, exp: payload.exp + 86_400 * 365 }));
  const otherKeySig = nodeSign('sha256', Buffer.from(`${h}.${p}`), { key: other.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return {
    tamperedPayload: `${prefix}${h}.${longer}.${s}`,
    tamperedEnterprise: `${prefix}${h}.${anotherEnterprise}.${s}`,
    flippedSignature: `${prefix}${h}.${p}.${flipped.toString('base64url')}`,
    allZeroSignature: `${prefix}${h}.${p}.${b64(Buffer.alloc(64))}`,
    otherKeySameKid: `${prefix}${h}.${p}.${otherKeySig}`,
    algNone: `${prefix}${noneHeader}.${p}.`,
    algNoneWithSignature: `${prefix}${noneHeader}.${p}.${s}`,
    hs256WithPublicKey: `${prefix}${hsHeader}.${p}.${hsSig}`,
    jsonwebtokenOtherKey: prefix + jwt.sign(payload, other.privateKey, { algorithm: 'ES256', keyid: header.kid, noTimestamp: true }),
  };
}

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const int32 = (n: bigint) => Buffer.from(n.toString(16).padStart(64, '0'), 'hex');

/**
 * Edge cases of the ECDSA signature and its encoding. `highS` (s' = n − s) is as valid as the
 * original for Node's crypto, so a verifier must accept it; every other one must be refused.
 */
export function signatureEdgeCases(qrContent: string) {
  const { prefix, h, p, s } = splitQr(qrContent);
  const sig = Buffer.from(s, 'base64url');
  const r = BigInt(`0x${sig.subarray(0, 32).toString('hex')}`);
  const sv = BigInt(`0x${sig.subarray(32).toString('hex')}`);
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const with_ = (signature: Buffer | string) => `${prefix}${h}.${p}.${typeof signature === 'string' ? signature : signature.toString('base64url')}`;
  return {
    highS: with_(Buffer.concat([int32(r), int32(N - sv)])),
    rIsN: with_(Buffer.concat([int32(N), int32(sv)])),
    sIsZero: with_(Buffer.concat([int32(r), int32(0n)])),
    short63: with_(sig.subarray(0, 63)),
    long65: with_(Buffer.concat([sig, Buffer.from([0])])),
    derEncoded: with_(Buffer.concat([Buffer.from([0x30, 0x44, 0x02, 0x20]), sig.subarray(0, 32), Buffer.from([0x02, 0x20]), sig.subarray(32)])),
    padded: with_(`${s}==`),
    standardBase64: with_(sig.toString('base64')),
    illegalCharacter: with_(`${s.slice(0, -1)}!`),
    p384Key: with_(nodeSign('sha384', Buffer.from(`${h}.${p}`), { key: p384.privateKey, dsaEncoding: 'ieee-p1363' })),
  };
}

export function unknownKid(qrContent: string) {
  const { prefix, p, s, header } = splitQr(qrContent);
  return `${prefix}${b64(JSON.stringify({ ...header, kid: 'kNOPE000' }))}.${p}.${s}`;
}

export const garbage = ['', 'hello', 'https://example.com/', 'a.b.c', 'eyJ.eyJ.', '....', '{"alg":"ES256"}', '%%%.%%%.%%%', 'x'.repeat(4000)];
