/**
 * The code token: a compact JWS (RFC 7515) carried as the last path segment of the QR URL.
 * See docs/TOKEN-FORMAT.md. Everything here is pure JS (no Buffer, atob or TextEncoder), because
 * it runs in the WeChat mini program as well as in Node.
 */
import { z } from 'zod';

/** The three kinds of inspection a code can be issued for. */
export type CodeKind = 'planned' | 'triggered' | 'emergency';

/** Claims of a code token. Short names keep the QR code small (≤ 400 characters of content). */
export interface CodeClaims {
  /** code number (检查码编号) */
  c: string;
  /** the inspected enterprise's unified social credit code */
  e: string;
  /** codes of the inspecting departments */
  d: string[];
  /** kind: p planned, t triggered, e emergency */
  k: 'p' | 't' | 'e';
  /** validFrom, seconds since the epoch */
  nbf: number;
  /** validTo, seconds since the epoch */
  exp: number;
}

/** Kind → the one-letter form used in the token. */
export const KIND_LETTER: Readonly<Record<CodeKind, CodeClaims['k']>> = Object.freeze({
  planned: 'p',
  triggered: 't',
  emergency: 'e',
});

/** The kind named by a token's one-letter `k` claim. */
export function kindFromLetter(letter: CodeClaims['k']): CodeKind {
  switch (letter) {
    case 'p':
      return 'planned';
    case 't':
      return 'triggered';
    case 'e':
      return 'emergency';
    default:
      throw new Error(`unknown kind letter ${JSON.stringify(letter)}`);
  }
}

/**
 * Shape of the claims. Unknown claims (e.g. an `iat` that jsonwebtoken adds by default) are
 * stripped rather than rejected, so the server can add fields without breaking older verifiers.
 */
export const codeClaimsSchema: z.ZodType<CodeClaims> = z
  .object({
    c: z.string().min(1).max(40),
    e: z.string().length(18),
    d: z.array(z.string().min(1).max(32)).min(1),
    k: z.enum(['p', 't', 'e']),
    nbf: z.number().int().nonnegative(),
    exp: z.number().int().nonnegative(),
  })
  .refine((claims) => claims.exp > claims.nbf, { message: 'exp must be after nbf', path: ['exp'] });

// ---------------------------------------------------------------------------------------------
// base64url (RFC 4648 §5, unpadded) and UTF-8, strict.

const B64URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64URL_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) table[B64URL_ALPHABET.charCodeAt(i)] = i;
  return table;
})();

/** Encodes bytes as unpadded base64url. */
export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out +=
      B64URL_ALPHABET[n >>> 18]! +
      B64URL_ALPHABET[(n >>> 12) & 63]! +
      B64URL_ALPHABET[(n >>> 6) & 63]! +
      B64URL_ALPHABET[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += B64URL_ALPHABET[n >>> 18]! + B64URL_ALPHABET[(n >>> 12) & 63]!;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += B64URL_ALPHABET[n >>> 18]! + B64URL_ALPHABET[(n >>> 12) & 63]! + B64URL_ALPHABET[(n >>> 6) & 63]!;
  }
  return out;
}

/**
 * Decodes unpadded base64url strictly: rejects `=`, `+`, `/`, whitespace, any other character,
 * an impossible length, and non-zero trailing bits (so each byte string has one encoding).
 * @throws Error on any violation.
 */
export function base64UrlDecode(text: string): Uint8Array {
  if (typeof text !== 'string') throw new Error('base64url input must be a string');
  const len = text.length;
  if (len % 4 === 1) throw new Error('invalid base64url length');
  const values = new Uint8Array(len);
  for (let i = 0; i < len; i++) {
    const code = text.charCodeAt(i);
    const v = code < 128 ? B64URL_VALUES[code]! : -1;
    if (v < 0) throw new Error(`invalid base64url character at index ${i}`);
    values[i] = v;
  }
  const out = new Uint8Array(Math.floor((len * 3) / 4));
  let o = 0;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    const n = (values[i]! << 18) | (values[i + 1]! << 12) | (values[i + 2]! << 6) | values[i + 3]!;
    out[o++] = n >>> 16;
    out[o++] = (n >>> 8) & 255;
    out[o++] = n & 255;
  }
  const rest = len - i;
  if (rest === 2) {
    if (values[i + 1]! & 15) throw new Error('non-canonical base64url (trailing bits set)');
    out[o++] = (values[i]! << 2) | (values[i + 1]! >>> 4);
  } else if (rest === 3) {
    if (values[i + 2]! & 3) throw new Error('non-canonical base64url (trailing bits set)');
    const n = (values[i]! << 10) | (values[i + 1]! << 4) | (values[i + 2]! >>> 2);
    out[o++] = n >>> 8;
    out[o++] = n & 255;
  }
  return out;
}

/** Encodes a string as UTF-8 (lone surrogates become U+FFFD, as TextEncoder does). */
export function utf8Encode(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return Uint8Array.from(out);
}

/**
 * Decodes UTF-8 strictly (like `new TextDecoder('utf-8', { fatal: true })`): rejects truncated
 * sequences, overlong forms, surrogates and code points above U+10FFFF.
 * @throws Error on invalid input.
 */
export function utf8Decode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let cp: number;
    let need: number;
    let min: number;
    if (b0 < 0x80) {
      out += String.fromCharCode(b0);
      i++;
      continue;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    } else {
      throw new Error(`invalid UTF-8 lead byte at index ${i}`);
    }
    if (i + need >= bytes.length) throw new Error('truncated UTF-8 sequence');
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) throw new Error(`invalid UTF-8 continuation byte at index ${i + k}`);
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      throw new Error(`invalid UTF-8 code point at index ${i}`);
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** JSON → UTF-8 → base64url, as used for JWS header and payload segments. */
export function encodeJsonSegment(value: unknown): string {
  return base64UrlEncode(utf8Encode(JSON.stringify(value)));
}

/**
 * base64url → UTF-8 → JSON, strictly.
 * @throws Error if any layer is invalid.
 */
export function decodeJsonSegment(segment: string): unknown {
  return JSON.parse(utf8Decode(base64UrlDecode(segment)));
}

// ---------------------------------------------------------------------------------------------
// Token parsing.

/** Longest QR content we look at; matches the server's scan input limit. Codes are ≤ 400. */
export const MAX_QR_CONTENT_LENGTH = 4096;

/**
 * The compact JWS inside QR content: the last path segment of a URL such as
 * `https://jcm.example.cn/c/<jws>` (query and fragment ignored), or the bare JWS.
 * Only extracts; does not validate.
 */
export function extractToken(qrContent: string): string {
  let text = String(qrContent).trim();
  // A JWS never contains '?' or '#', so the first one starts the query or fragment.
  const cut = text.search(/[?#]/);
  if (cut >= 0) text = text.slice(0, cut);
  text = text.replace(/\/+$/, '');
  return text.slice(text.lastIndexOf('/') + 1);
}

/** JWS protected header of a code token. */
export interface CodeTokenHeader {
  alg: string;
  kid: string;
  [k: string]: unknown;
}

/** A code token split and decoded, but not yet verified. */
export interface DecodedCodeToken {
  ok: true;
  token: string;
  header: CodeTokenHeader;
  claims: CodeClaims;
  /** `<header>.<payload>`: the bytes the signature covers (ASCII). */
  signingInput: string;
  signature: Uint8Array;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Splits QR content into exactly three non-empty base64url segments.
 * Shared by {@link decodeCodeToken} and the verifier's algorithm pre-check.
 * @internal
 */
export function splitCompactJws(
  qrContent: string,
): { ok: true; token: string; segments: [string, string, string] } | { ok: false; reason: string } {
  if (typeof qrContent !== 'string') return { ok: false, reason: 'QR content must be a string' };
  if (qrContent.length > MAX_QR_CONTENT_LENGTH) {
    return { ok: false, reason: `QR content longer than ${MAX_QR_CONTENT_LENGTH} characters` };
  }
  const token = extractToken(qrContent);
  if (token === '') return { ok: false, reason: 'no token found in the QR content' };
  const parts = token.split('.');
  if (parts.length !== 3) {
    return { ok: false, reason: `a token has 3 dot-separated segments, found ${parts.length}` };
  }
  const names = ['header', 'payload', 'signature'];
  for (let i = 0; i < 3; i++) {
    if (parts[i] === '') return { ok: false, reason: `the ${names[i]} segment is empty` };
  }
  return { ok: true, token, segments: parts as [string, string, string] };
}

/**
 * Parses a header segment: a JSON object with string `alg` and `kid`.
 * @internal
 */
export function parseHeaderSegment(
  segment: string,
): { ok: true; header: CodeTokenHeader } | { ok: false; reason: string } {
  let header: unknown;
  try {
    header = decodeJsonSegment(segment);
  } catch (e) {
    return { ok: false, reason: `header is not base64url-encoded JSON: ${(e as Error).message}` };
  }
  if (!isPlainObject(header)) return { ok: false, reason: 'header is not a JSON object' };
  if (typeof header.alg !== 'string') return { ok: false, reason: 'header has no string "alg"' };
  if (typeof header.kid !== 'string') return { ok: false, reason: 'header has no string "kid"' };
  return { ok: true, header: header as CodeTokenHeader };
}

/**
 * Splits and decodes a code token found in QR content, without checking the signature or time.
 * Malformed when: not exactly 3 dot-separated non-empty strict-base64url segments; the header is
 * not a JSON object with string `alg` and `kid`; the payload is not JSON matching
 * {@link codeClaimsSchema}. Never throws.
 */
export function decodeCodeToken(
  qrContent: string,
): DecodedCodeToken | { ok: false; reason: string } {
  try {
    const split = splitCompactJws(qrContent);
    if (!split.ok) return split;
    const [headerSeg, payloadSeg, signatureSeg] = split.segments;
    const header = parseHeaderSegment(headerSeg);
    if (!header.ok) return header;

    let payload: unknown;
    try {
      payload = decodeJsonSegment(payloadSeg);
    } catch (e) {
      return { ok: false, reason: `payload is not base64url-encoded JSON: ${(e as Error).message}` };
    }
    const claims = codeClaimsSchema.safeParse(payload);
    if (!claims.success) {
      const issue = claims.error.issues[0];
      const where = issue && issue.path.length > 0 ? issue.path.join('.') : 'payload';
      return { ok: false, reason: `invalid claims: ${where}: ${issue?.message ?? 'invalid'}` };
    }

    let signature: Uint8Array;
    try {
      signature = base64UrlDecode(signatureSeg);
    } catch (e) {
      return { ok: false, reason: `signature is not base64url: ${(e as Error).message}` };
    }
    return {
      ok: true,
      token: split.token,
      header: header.header,
      claims: claims.data,
      signingInput: `${headerSeg}.${payloadSeg}`,
      signature,
    };
  } catch (e) {
    return { ok: false, reason: `malformed token: ${(e as Error)?.message ?? String(e)}` };
  }
}

/** Outcome of the time check alone. */
export type TimeVerdict = 'valid' | 'not_yet_valid' | 'expired';

/**
 * Time check with jsonwebtoken's exact semantics: not yet valid when `nbf > now + leeway`,
 * expired when `now >= exp + leeway` (so a code is valid on [nbf, exp)). `nbf` is checked first,
 * as jsonwebtoken does.
 */
export function timeVerdict(claims: Pick<CodeClaims, 'nbf' | 'exp'>, nowSeconds: number, leewaySeconds = 0): TimeVerdict {
  if (claims.nbf > nowSeconds + leewaySeconds) return 'not_yet_valid';
  if (nowSeconds >= claims.exp + leewaySeconds) return 'expired';
  return 'valid';
}
