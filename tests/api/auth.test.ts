import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeWechat } from '../support/fakeWechat.js';
import { World, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let t: TestServer;
let w: World;
let enterprise: TestEnterprise;

beforeAll(async () => {
  wechat = await startFakeWechat('wx-test-app', 'wx-test-secret');
  t = await startTestServer({ WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'wx-test-secret', WECHAT_API_BASE: wechat.url });
  w = await World.create(t);
  enterprise = await w.enterprise();
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

describe('dev login', () => {
  it('signs in each role and the session carries role and subject', async () => {
    const dept = await w.department();
    for (const [role, subject] of [
      ['enterprise', enterprise.creditCode],
      ['officer', dept.officers[1]],
      ['supervisor', 'sfj-staff'],
      ['admin', 'ops'],
    ] as const) {
      const r = await t.api.post('/api/auth/dev-login', { role, subject });
      expect(r.status, role).toBe(200);
      expect(jwt.decode(r.body.token)).toMatchObject({ role });
      const me = await t.api.get('/api/me', r.body.token);
      expect(me.body.role).toBe(role);
    }
  });

  it('binds an enterprise dev login to that enterprise', async () => {
    const me = await t.api.get('/api/me', enterprise.token);
    expect(me.body.enterprise).toEqual({ creditCode: enterprise.creditCode, name: enterprise.name });
  });

  it('refuses unknown enterprises and officers, and inactive officers', async () => {
    const dept = await w.department();
    expect((await t.api.post('/api/auth/dev-login', { role: 'enterprise', subject: '91310000MA1FL0AB1X' })).status).toBe(422);
    expect((await t.api.post('/api/auth/dev-login', { role: 'officer', subject: 'NOPE1' })).body.code).toBe('UNKNOWN_REFERENCE');
    await t.api.request('PATCH', `/api/admin/officers/${dept.officers[2]}`, { body: { active: false }, token: w.adminToken });
    const r = await t.api.post('/api/auth/dev-login', { role: 'officer', subject: dept.officers[2] });
    expect(r.body.code).toBe('OFFICER_INACTIVE');
  });

  it('stops an officer who is deactivated after signing in', async () => {
    const dept = await w.department();
    const token = await w.login('officer', dept.officers[1]!);
    expect((await t.api.get('/api/plans', token)).status).toBe(200);
    await t.api.request('PATCH', `/api/admin/officers/${dept.officers[1]}`, { body: { active: false }, token: w.adminToken });
    expect((await t.api.get('/api/plans', token)).status).toBe(403);
  });

  it('is refused when dev login is disabled', async () => {
    const off = await startTestServer({ AUTH_DEV_LOGIN: '0' });
    try {
      const r = await off.api.post('/api/auth/dev-login', { role: 'admin', subject: 'ops' });
      expect(r.status).toBe(404);
      expect(r.body.code).toBe('DEV_LOGIN_DISABLED');
    } finally {
      await off.close();
    }
  });
});

describe('sessions', () => {
  it('refuses a tampered token with 401', async () => {
    const [h, p, s] = w.adminToken.split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, sub: 'someone-else' })).toString('base64url')}.${s}`;
    const r = await t.api.get('/api/me', forged);
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an alg:none token and a token signed with another secret', async () => {
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ role: 'admin', sub: 'x', iss: 'inspection-code', aud: 'session', exp: 9e9 })).toString('base64url')}.`;
    expect((await t.api.get('/api/me', none)).status).toBe(401);
    const other = jwt.sign({ role: 'admin', sub: 'x', iss: 'inspection-code', aud: 'session' }, 'not-the-secret-not-the-secret-not-the-secret', { expiresIn: 60 });
    expect((await t.api.get('/api/me', other)).status).toBe(401);
  });

  it('expires sessions after their lifetime (12 h by default)', async () => {
    const token = await w.login('supervisor', 'short-lived');
    expect((await t.api.get('/api/me', token)).status).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1000);
    try {
      const r = await t.api.get('/api/me', token);
      expect(r.status).toBe(401);
      expect(r.body.detail).toMatch(/expired/);
    } finally {
      t.clock.advance(-(12 * 3_600_000 + 1000));
    }
  });

  it('answers 401 without a session and 403 for the wrong role', async () => {
    expect((await t.api.get('/api/admin/departments')).status).toBe(401);
    const r = await t.api.post('/api/admin/departments', { code: 'X', name: 'x' }, enterprise.token);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('FORBIDDEN');
  });
});

describe('WeChat login and enterprise binding', () => {
  it('logs in through code2session, unbound until a binding code is spent', async () => {
    wechat.sessions.set('code-1', 'openid-alice');
    const login = await t.api.post('/api/auth/wechat', { code: 'code-1' });
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ role: 'enterprise', enterprise: null });
    const sent = wechat.requests.at(-1)!;
    expect(sent.searchParams.get('js_code')).toBe('code-1');

    // Unbound users can scan but cannot see inspections.
    expect((await t.api.get('/api/me/inspections', login.body.token)).body.code).toBe('NOT_BOUND');

    const issued = await t.api.post(`/api/admin/enterprises/${enterprise.creditCode}/binding-codes`, {}, w.adminToken);
    expect(issued.status).toBe(201);
    const bind = await t.api.post('/api/me/binding', { creditCode: enterprise.creditCode, bindingCode: issued.body.bindingCode }, login.body.token);
    expect(bind.status).toBe(200);
    expect(bind.body.user.enterprise.creditCode).toBe(enterprise.creditCode);
    expect((await t.api.get('/api/me/inspections', bind.body.token)).status).toBe(200);

    // The same WeChat user logging in again is the same, still bound, user.
    wechat.sessions.set('code-2', 'openid-alice');
    const again = await t.api.post('/api/auth/wechat', { code: 'code-2' });
    expect(again.body.user).toMatchObject({ id: login.body.user.id, enterprise: { creditCode: enterprise.creditCode } });
  });

  it('spends a binding code once, only for its enterprise, only before it expires', async () => {
    const other = await w.enterprise();
    wechat.sessions.set('code-b', 'openid-bob');
    wechat.sessions.set('code-c', 'openid-carol');
    const bob = (await t.api.post('/api/auth/wechat', { code: 'code-b' })).body.token;
    const carol = (await t.api.post('/api/auth/wechat', { code: 'code-c' })).body.token;
    const { bindingCode } = (await t.api.post(`/api/admin/enterprises/${enterprise.creditCode}/binding-codes`, {}, w.adminToken)).body;

    const wrongEnterprise = await t.api.post('/api/me/binding', { creditCode: other.creditCode, bindingCode }, bob);
    expect(wrongEnterprise.body.code).toBe('BINDING_FAILED');
    const wrongCode = await t.api.post('/api/me/binding', { creditCode: enterprise.creditCode, bindingCode: 'AAAAAAAAAA' }, bob);
    expect(wrongCode.body.code).toBe('BINDING_FAILED');
    expect((await t.api.post('/api/me/binding', { creditCode: enterprise.creditCode, bindingCode }, bob)).status).toBe(200);
    expect((await t.api.post('/api/me/binding', { creditCode: enterprise.creditCode, bindingCode }, carol)).body.code).toBe('BINDING_FAILED');

    const late = (await t.api.post(`/api/admin/enterprises/${enterprise.creditCode}/binding-codes`, {}, w.adminToken)).body.bindingCode;
    t.clock.advance(7 * 86_400_000 + 1000);
    try {
      wechat.sessions.set('code-c2', 'openid-carol');
      const carolAgain = (await t.api.post('/api/auth/wechat', { code: 'code-c2' })).body.token;
      expect((await t.api.post('/api/me/binding', { creditCode: enterprise.creditCode, bindingCode: late }, carolAgain)).body.code).toBe('BINDING_FAILED');
    } finally {
      t.clock.advance(-(7 * 86_400_000 + 1000));
    }
  });

  it('reports a code WeChat refuses as 401 WECHAT_LOGIN_FAILED', async () => {
    const r = await t.api.post('/api/auth/wechat', { code: 'unknown-code' });
    expect(r.status).toBe(401);
    expect(r.body.code).toBe('WECHAT_LOGIN_FAILED');
    expect(r.body.detail).toContain('40029');
  });

  it('reports an unreachable WeChat as 502', async () => {
    const down = await startTestServer({ WECHAT_API_BASE: 'http://127.0.0.1:9' });
    try {
      const r = await down.api.post('/api/auth/wechat', { code: 'x' });
      expect(r.status).toBe(502);
      expect(r.body.code).toBe('UPSTREAM_UNAVAILABLE');
    } finally {
      await down.close();
    }
  });

  it('only lets the admin issue binding codes', async () => {
    const r = await t.api.post(`/api/admin/enterprises/${enterprise.creditCode}/binding-codes`, {}, enterprise.token);
    expect(r.status).toBe(403);
  });
});
