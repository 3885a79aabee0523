/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters (1-based positions):
 * - 1     registration authority (登记管理部门代码)
 * - 2     entity type (机构类别代码)
 * - 3-8   administrative division of the registering authority (GB/T 2260, six digits)
 * - 9-17  organisation code (主体标识码, GB 11714: eight body characters + a check character)
 * - 18    GB 32100 check character
 *
 * Positions 1-2 are not checked against the authority/type tables: those tables grow over time
 * (e.g. `A`, `N`, `Y`), and rejecting a real enterprise is worse than accepting an odd prefix
 * that still carries both check characters.
 */

/** The 31 characters a credit code may contain, in check-value order (no I, O, Z, S, V). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const DIGITS = '0123456789';

/** GB 11714 value of a body character: digits 0-9, letters A=10 … Z=35. */
function orgCharValue(ch: string): number {
  const digit = DIGITS.indexOf(ch);
  if (digit >= 0) return digit;
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 65 && code <= 90) return code - 55;
  throw new Error(`not an organisation-code character: ${JSON.stringify(ch)}`);
}

/**
 * The GB 11714 check character for an 8-character organisation-code body
 * (weights 3,7,9,10,5,8,4,2; 11 − (sum mod 11); 10 → `X`, 11 → `0`).
 * @throws if `body` is not 8 digits / uppercase letters.
 */
export function organisationCodeCheckCharacter(body: string): string {
  if (body.length !== 8) throw new Error('organisation-code body must be 8 characters');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i]!) * ORG_CODE_WEIGHTS[i]!;
  const value = 11 - (sum % 11);
  if (value === 10) return 'X';
  if (value === 11) return '0';
  return String(value);
}

/**
 * The GB 32100 check character (position 18) for the first 17 characters of a credit code.
 * @throws if `first17` is not 17 characters of {@link CREDIT_CODE_ALPHABET}.
 */
export function creditCodeCheckCharacter(first17: string): string {
  if (first17.length !== 17) throw new Error('expected the first 17 characters of a credit code');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const index = CREDIT_CODE_ALPHABET.indexOf(first17[i]!);
    if (index < 0) throw new Error(`illegal character at position ${i + 1}`);
    sum += index * CREDIT_CODE_WEIGHTS[i]!;
  }
  // 31 − (sum mod 31), where 31 wraps to 0.
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Completes a credit code from its first 16 characters (positions 1-8 and the 8-character
 * organisation-code body): appends the GB 11714 check character, then the GB 32100 one.
 * Meant for generating demo and test data.
 * @throws if the input is not 16 characters of the credit-code alphabet or the result would be
 *   invalid (e.g. positions 3-8 are not digits).
 */
export function withCheckCharacters(first16: string): string {
  if (first16.length !== 16) throw new Error('expected 16 characters (positions 1-16)');
  const first17 = first16 + organisationCodeCheckCharacter(first16.slice(8, 16));
  const code = first17 + creditCodeCheckCharacter(first17);
  const result = validateCreditCode(code);
  if (!result.ok) throw new Error(result.reason);
  return code;
}

/**
 * Validates a unified social credit code. The input must already be normalised (no spaces,
 * uppercase): a credit code is an identifier, and silently fixing it would hide typos.
 * @returns `{ ok: true }` or `{ ok: false, reason }` with the first problem found.
 */
export function validateCreditCode(code: string): { ok: true } | { ok: false; reason: string } {
  if (typeof code !== 'string') return { ok: false, reason: 'credit code must be a string' };
  if (code.length !== 18) {
    return {
      ok: false,
      reason: `credit code must be 18 characters long, got ${code.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    if (!CREDIT_CODE_ALPHABET.includes(code[i]!)) {
      return {
        ok: false,
        reason:
          `illegal character ${JSON.stringify(code[i])} at position ${i + 1} ` +
          '(allowed: digits and uppercase letters except I, O, Z, S, V)',
      };
    }
  }
  for (let i = 2; i < 8; i++) {
    if (!DIGITS.includes(code[i]!)) {
      return {
        ok: false,
        reason: `administrative division code (positions 3-8) must be digits, got ${JSON.stringify(code[i])} at position ${i + 1}`,
      };
    }
  }
  const orgCheck = organisationCodeCheckCharacter(code.slice(8, 16));
  if (code[16] !== orgCheck) {
    return {
      ok: false,
      reason: `organisation code check digit wrong (position 17): expected ${orgCheck}, got ${code[16]}`,
    };
  }
  const check = creditCodeCheckCharacter(code.slice(0, 17));
  if (code[17] !== check) {
    return {
      ok: false,
      reason: `check character wrong (position 18): expected ${check}, got ${code[17]}`,
    };
  }
  return { ok: true };
}

/** True when `code` is a valid unified social credit code (see {@link validateCreditCode}). */
export function isValidCreditCode(code: string): boolean {
  return validateCreditCode(code).ok;
}
