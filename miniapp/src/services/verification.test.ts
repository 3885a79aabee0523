import { describe, expect, it } from 'vitest';
import { fake } from '../test/taro';
import {
  cacheKeys,
  fakeApi,
  forge,
  makeCode,
  makeInspection,
  makeKey,
  makeUser,
  offline,
  ok,
  OTHER_CREDIT_CODE,
  problem,
  signIn,
} from '../test/fixtures';
import { runVerification, verifyOffline, type VerificationState } from './verification';

const key = makeKey();
const jwks = { keys: [key.jwk] };
const now = Date.now();

describe('verifyOffline', () => {
  it('finds a genuine code valid with the cached keys', () => {
    const result = verifyOffline(makeCode(key), jwks, null, now);
    expect(result).toMatchObject({ kind: 'verdict', verdict: 'valid', claims: { d: ['SHSC'] } });
  });

  it('calls a code with a changed payload forged', () => {
    expect(verifyOffline(forge(makeCode(key)), jwks, null, now)).toMatchObject({ verdict: 'forged' });
  });

  it('cannot judge without cached keys', () => {
    expect(verifyOffline(makeCode(key), null, null, now)).toEqual({ kind: 'no_keys' });
  });

  it('allows a phone clock a few minutes off, and no more', () => {
    const nowS = Math.floor(now / 1000);
    const justExpired = makeCode(key, { nbf: nowS - 7200, exp: nowS - 60 });
    const longExpired = makeCode(key, { nbf: nowS - 7200, exp: nowS - 600 });
    expect(verifyOffline(justExpired, jwks, null, now)).toMatchObject({ verdict: 'valid' });
    expect(verifyOffline(longExpired, jwks, null, now)).toMatchObject({ verdict: 'expired' });
  });

  it('tells a bound user a genuine code of another enterprise is not theirs, before the time check', () => {
    const nowS = Math.floor(now / 1000);
    const code = makeCode(key, { creditCode: OTHER_CREDIT_CODE, nbf: nowS - 7200, exp: nowS - 3600 });
    expect(verifyOffline(code, jwks, makeUser().enterprise!.creditCode, now)).toMatchObject({ verdict: 'wrong_enterprise' });
  });

  it('recognises text that is not a code', () => {
    expect(verifyOffline('https://example.com/menu', jwks, null, now)).toMatchObject({ verdict: 'malformed' });
  });
});

async function run(qr: string): Promise<VerificationState[]> {
  const states: VerificationState[] = [];
  await runVerification(qr, (s) => states.push(s));
  return states;
}

describe('runVerification', () => {
  it('shows the offline verdict first, before any request, then the server verdict', async () => {
    cacheKeys(key);
    const qr = makeCode(key);
    let requestsAtFirstState = -1;
    fakeApi({ 'POST /scan': () => ok({ verdict: 'valid', message: '有效检查码', inspection: makeInspection() }) });
    const states: VerificationState[] = [];
    await runVerification(qr, (s) => {
      if (states.length === 0) requestsAtFirstState = fake.requests.length;
      states.push(s);
    });
    expect(requestsAtFirstState).toBe(0);
    expect(states[0]).toMatchObject({ offline: { verdict: 'valid' }, online: 'pending' });
    expect(states.at(-1)).toMatchObject({ online: 'done', scan: { verdict: 'valid', inspection: { codeNo: 'JC2026030200000042' } } });
  });

  it('keeps the offline verdict when the network is down', async () => {
    cacheKeys(key);
    offline();
    const states = await run(makeCode(key));
    expect(states.at(-1)).toMatchObject({ offline: { verdict: 'valid' }, online: 'failed', error: { next: 'retry' } });
  });

  it('downloads the keys when none are cached, and caches them', async () => {
    fakeApi({
      'GET /keys': () => ok(jwks),
      'POST /scan': () => ok({ verdict: 'valid', message: '' }),
    });
    const states = await run(makeCode(key));
    expect(states[0]!.offline).toEqual({ kind: 'no_keys' });
    expect(states.find((s) => s.offline.kind === 'verdict')?.offline).toMatchObject({ verdict: 'valid' });
    expect(fake.storage.get('ic.jwks')).toMatchObject({ jwks });
  });

  it('refetches the keys when a code names a key it has not seen (rotation)', async () => {
    const rotated = makeKey('kTEST0002');
    cacheKeys(key);
    fakeApi({
      'GET /keys': () => ok({ keys: [key.jwk, rotated.jwk] }),
      'POST /scan': () => ok({ verdict: 'valid', message: '' }),
    });
    const states = await run(makeCode(rotated));
    expect(states[0]!.offline).toMatchObject({ verdict: 'unknown_key' });
    expect(states[1]!.offline).toMatchObject({ verdict: 'valid' });
  });

  it('lets the server overrule: a revoked code', async () => {
    cacheKeys(key);
    fakeApi({ 'POST /scan': () => ok({ verdict: 'revoked', message: '已撤销', inspection: makeInspection({ status: 'revoked' }) }) });
    const states = await run(makeCode(key));
    expect(states.at(-1)).toMatchObject({ offline: { verdict: 'valid' }, scan: { verdict: 'revoked' } });
  });

  it('answers anonymously when the session has expired, and says so', async () => {
    cacheKeys(key);
    signIn();
    fakeApi({
      'POST /scan': (req) => (req.header.Authorization ? problem(401, 'UNAUTHENTICATED') : ok({ verdict: 'valid', message: '' })),
    });
    const states = await run(makeCode(key));
    expect(states.at(-1)).toMatchObject({ online: 'done', sessionExpired: true, scan: { verdict: 'valid' } });
    expect(fake.storage.has('ic.session')).toBe(false);
  });
});
