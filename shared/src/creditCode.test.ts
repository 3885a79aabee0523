import { describe, it, expect } from 'vitest';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  isValidCreditCode,
  organisationCodeCheckCharacter,
  validateCreditCode,
  withCheckCharacters,
} from './creditCode.js';

describe('validateCreditCode: published examples', () => {
  // 91350100M000100Y43 (the sample printed in GB 32100-2015 explanations).
  // GB 11714 over body M000100Y: M=22·3 + 1·5 + Y=34·2 = 66+5+68 = 139; 139 mod 11 = 7; 11−7 = 4 ✓ (pos 17).
  // GB 32100 over alphabet indexes (M=21, Y=30) × weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28:
  //   terms 9,3,27,135,0,26,0,0,420,0,0,0,8,0,0,900,112 → sum 1640; 1640 mod 31 = 28; 31−28 = 3 → '3' ✓.
  it('accepts 91350100M000100Y43', () => {
    expect(validateCreditCode('91350100M000100Y43')).toEqual({ ok: true });
  });

  // 91110000600037341L (Beijing; the example used by python-stdnum).
  // GB 11714 over 60003734: 6·3 + 3·5 + 7·8 + 3·4 + 4·2 = 18+15+56+12+8 = 109; 109 mod 11 = 10; 11−10 = 1 ✓.
  // GB 32100 terms 9,3,9,27,0,0,0,0,120,0,0,0,24,168,30,120,28 → sum 538; 538 mod 31 = 11;
  //   31−11 = 20 → alphabet[20] = 'L' ✓.
  it('accepts 91110000600037341L', () => {
    expect(validateCreditCode('91110000600037341L')).toEqual({ ok: true });
  });

  // Further codes published online (python-stdnum's test list); each also passes both checks.
  it.each([
    '91310000631696382C',
    '91310115MA1K3BTP2B',
    '9131012056010553X5', // organisation check character 'X' (value 10)
    '913101127033980359',
    '121200004013590816', // registration authority 1 (机构编制)
    '92340602MA2PBMEM24', // individual business (个体工商户)
    '91620105L015101280',
  ])('accepts %s', (code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });
});

describe('validateCreditCode: failure reasons', () => {
  it('rejects a wrong length', () => {
    const r = validateCreditCode('91110000600037341');
    expect(r).toEqual({ ok: false, reason: 'credit code must be 18 characters long, got 17' });
    expect(validateCreditCode('')).toMatchObject({ ok: false });
    expect(validateCreditCode('91110000600037341LL')).toMatchObject({ ok: false });
  });

  it.each([
    ['I', 'letter I'],
    ['O', 'letter O'],
    ['Z', 'letter Z'],
    ['S', 'letter S'],
    ['V', 'letter V'],
    ['l', 'lowercase'],
    [' ', 'space'],
  ])('rejects an illegal character %j (%s) and names its position', (ch) => {
    const code = '91110000600037341L';
    const bad = code.slice(0, 10) + ch + code.slice(11);
    const r = validateCreditCode(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/^illegal character .* at position 11 /);
  });

  it('rejects a letter in the administrative division (positions 3-8)', () => {
    const r = validateCreditCode('91A10000600037341L');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/administrative division .* position 3/);
  });

  it('rejects a wrong organisation-code check digit', () => {
    // Position 17 is '1'; with 18 fixed up so that only the GB 11714 check is wrong.
    const first17 = '9111000060003734' + '2';
    const code = first17 + creditCodeCheckCharacter(first17);
    const r = validateCreditCode(code);
    expect(r).toEqual({
      ok: false,
      reason: 'organisation code check digit wrong (position 17): expected 1, got 2',
    });
  });

  it('rejects a wrong check character and says which one was expected', () => {
    expect(validateCreditCode('91110000600037341N')).toEqual({
      ok: false,
      reason: 'check character wrong (position 18): expected L, got N',
    });
  });

  it('does not normalise: lowercase or spaced input is rejected', () => {
    expect(isValidCreditCode('91110000600037341l')).toBe(false);
    expect(isValidCreditCode('91 110000 600037341L')).toBe(false);
  });
});

describe('check characters', () => {
  it('organisation code: 10 → X, 11 → 0', () => {
    // 56010553 → 5·3+6·7+0+1·10+0+5·8+5·4+3·2 = 15+42+10+40+20+6 = 133; 133 mod 11 = 1; 11−1 = 10 → X.
    expect(organisationCodeCheckCharacter('56010553')).toBe('X');
    // All zeros: sum 0; 11−0 = 11 → '0'.
    expect(organisationCodeCheckCharacter('00000000')).toBe('0');
    expect(() => organisationCodeCheckCharacter('1234567')).toThrow();
  });

  it('GB 32100: a remainder of 0 maps to 0', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
    expect(() => creditCodeCheckCharacter('0000000000000000I')).toThrow();
  });

  it('withCheckCharacters reproduces the published codes', () => {
    expect(withCheckCharacters('91350100M000100Y')).toBe('91350100M000100Y43');
    expect(withCheckCharacters('9111000060003734')).toBe('91110000600037341L');
    expect(withCheckCharacters('9131012056010553')).toBe('9131012056010553X5');
    expect(() => withCheckCharacters('913101205601055')).toThrow();
    expect(() => withCheckCharacters('91AB012056010553')).toThrow(/administrative division/);
  });
});

describe('generated codes (property-style)', () => {
  // Deterministic PRNG so a failure is reproducible.
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      return s / 2 ** 32;
    };
  }
  const pick = (r: () => number, chars: string): string => chars[Math.floor(r() * chars.length)]!;

  it('every generated code is valid, and every single-character change is caught', () => {
    const r = rng(20250101);
    for (let n = 0; n < 300; n++) {
      let first16 = pick(r, '159') + pick(r, '123');
      for (let i = 0; i < 6; i++) first16 += pick(r, '0123456789');
      for (let i = 0; i < 8; i++) first16 += pick(r, CREDIT_CODE_ALPHABET);
      const code = withCheckCharacters(first16);
      expect(code).toHaveLength(18);
      expect(validateCreditCode(code)).toEqual({ ok: true });

      // A weighted mod-31 check over a 31-symbol alphabet detects every single substitution.
      const pos = Math.floor(r() * 18);
      const others = CREDIT_CODE_ALPHABET.replace(code[pos]!, '');
      const mutated = code.slice(0, pos) + pick(r, others) + code.slice(pos + 1);
      expect(isValidCreditCode(mutated)).toBe(false);
    }
  });

  it('detects adjacent transpositions of distinct characters in positions 1-16', () => {
    const r = rng(7);
    let checked = 0;
    for (let n = 0; n < 200; n++) {
      let first16 = '91';
      for (let i = 0; i < 6; i++) first16 += pick(r, '0123456789');
      for (let i = 0; i < 8; i++) first16 += pick(r, CREDIT_CODE_ALPHABET);
      const code = withCheckCharacters(first16);
      const pos = Math.floor(r() * 15);
      if (code[pos] === code[pos + 1]) continue;
      const swapped = code.slice(0, pos) + code[pos + 1] + code[pos] + code.slice(pos + 2);
      expect(isValidCreditCode(swapped)).toBe(false);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
