/** Crockford base32: no I, L, O, U, so codes read aloud and typed by hand survive. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `length` random characters of Crockford base32, unbiased (32 divides 256). */
export function randomCode(length: number, randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(length), (b) => ALPHABET[b % 32]).join('');
}
