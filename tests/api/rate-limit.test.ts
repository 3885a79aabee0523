import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let second: TestServer;
beforeAll(async () => {
  const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '10', RATE_LIMIT_SCAN_PER_MINUTE: '30' };
  t = await startTestServer(limits);
  second = await startTestServer(limits, t.db);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const login = (s: TestServer) => s.api.post('/api/auth/dev-login', { role: 'supervisor', subject: 'x' });

describe('rate limits on login and scan', () => {
  it('holds one budget across two server processes and says when to retry', async () => {
    // Align with the start of a minute window so the budget is not split by a window change.
    const msIntoMinute = t.clock.now().getTime() % 60_000;
    t.clock.advance(60_000 - msIntoMinute + 10);
    second.clock.advance(60_000 - (second.clock.now().getTime() % 60_000) + 10);

    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) statuses.push((await login(i % 2 ? second : t)).status);
    const allowed = statuses.filter((s) => s === 200).length;
    // Ten allowed in all, give or take one unwritten slice per process.
    expect(allowed).toBeGreaterThanOrEqual(10);
    expect(allowed).toBeLessThanOrEqual(12);
    const refused = await login(t);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);

    // Scans have their own budget.
    expect((await t.api.post('/api/scan', { qrContent: 'x' })).status).toBe(200);

    // A new minute, a new budget.
    t.clock.advance(60_000);
    expect((await login(t)).status).toBe(200);
  });
});
