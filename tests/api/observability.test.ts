import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

const lines: Record<string, unknown>[] = [];
let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer({}, undefined, (entry) => lines.push(entry));
  w = await World.create(t);
});
afterAll(() => t.close());

describe('logs and headers', () => {
  it('logs one structured line per request with its request id, and no tokens or QR content', async () => {
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept]);
    lines.length = 0;
    const r = await w.scan(code.qrContent, enterprise.token);
    const line = lines.find((l) => l.requestId === r.headers.get('x-request-id'));
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'POST', route: '/api/scan', status: 200, role: 'enterprise', ms: expect.any(Number) });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(enterprise.token);
    expect(all).not.toContain(code.token);
    expect(all).not.toContain(enterprise.creditCode);
  });

  it('logs the route pattern, not the path with its identifiers', async () => {
    lines.length = 0;
    await t.api.get('/api/inspections/JC000000SECRET', w.adminToken);
    expect(lines[0]).toMatchObject({ route: '/api/inspections/:codeNo', status: 404 });
  });

  it('sets security headers on API answers', async () => {
    const r = await t.api.get('/api/health');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect((await t.api.get('/api/keys')).headers.get('cache-control')).toBe('public, max-age=300');
  });
});
