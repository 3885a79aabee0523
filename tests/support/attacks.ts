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

export function unknownKid(qrContent: string) {
  const { prefix, p, s, header } = splitQr(qrContent);
  return `${prefix}${b64(JSON.stringify({ ...header, kid: 'kNOPE000' }))}.${p}.${s}`;
}

export const garbage = ['', 'hello', 'https://example.com/', 'a.b.c', 'eyJ.eyJ.', '....', '{"alg":"ES256"}', '%%%.%%%.%%%', 'x'.repeat(4000)];
