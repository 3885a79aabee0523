import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testingMysql, type TestDatabase } from '../support/database.js';
import { World } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { startTcpProxy } from '../support/tcpProxy.js';

// A database outage can only be staged against a networked database.
describe.skipIf(!testingMysql())('database outage (MariaDB behind a TCP proxy)', () => {
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let db: TestDatabase;
  let t: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    const url = new URL(db.env.DATABASE_URL!);
    proxy = await startTcpProxy(url.hostname, Number(url.port || 3306));
    url.host = `127.0.0.1:${proxy.port}`;
    t = await startTestServer({ ...db.env, DATABASE_URL: url.toString() }, db);
  });
  afterAll(async () => {
    await t.close();
    proxy.close();
    await db.drop();
  });

  it('answers 503 while the database is gone, keeps every acknowledged write, and recovers by itself', async () => {
    const w = await World.create(t);
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept]);
    await w.complete(code.codeNo, dept);
    const rated = await t.api.post(`/api/inspections/${code.codeNo}/ratings`, { departmentCode: dept.code, recognised: true }, enterprise.token);
    expect(rated.status).toBe(201);

    await proxy.cut();
    const health = await t.api.get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable', db: 'mysql' });
    const scan = await w.scan(code.qrContent);
    expect(scan.status).toBe(503);
    expect(scan.headers.get('content-type')).toContain('application/problem+json');
    expect(scan.body).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(scan.headers.get('retry-after')).toBeTruthy();
    const write = await w.apply(enterprise, [dept]);
    expect(write.status).toBe(503);

    await proxy.restore();
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i++) {
      status = (await t.api.get('/api/health')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(200);
    expect((await w.scan(code.qrContent)).body.verdict).toBe('valid');
    const view = await t.api.get(`/api/inspections/${code.codeNo}`, enterprise.token);
    expect(view.body.departments[0].rating).toMatchObject({ recognised: true });
    // The refused application left nothing behind: only the first code exists for this enterprise.
    expect((await t.api.get('/api/me/inspections', enterprise.token)).body.items).toHaveLength(1);
    expect((await w.apply(enterprise, [dept])).status).toBe(201);
  });
});
