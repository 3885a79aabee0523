import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.js';
import { createTestDatabase, type TestDatabase } from '../support/database.js';
import { World } from '../support/fixtures.js';
import { spawnServer } from '../support/process.js';
import { TestClock, type TestServer } from '../support/server.js';

/** Two real OS processes over one database (the SQLite file, or a MariaDB database). */
let db: TestDatabase;
let servers: { url: string; child: ChildProcess; exited: Promise<number | null> }[];
let a: World;
let b: World;

beforeAll(async () => {
  db = await createTestDatabase();
  const env = { ...db.env, DATA_DIR: db.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ic-two-')), AUTH_DEV_LOGIN: '1', RATE_LIMIT_LOGIN_PER_MINUTE: '100000', RATE_LIMIT_SCAN_PER_MINUTE: '100000' };
  // One after the other on SQLite (one migrator); together on MariaDB, which elects one.
  servers = db.kind === 'mysql' ? await Promise.all([spawnServer(env), spawnServer(env)]) : [await spawnServer(env), await spawnServer(env)];
  const world = (url: string) => new World({ api: new Api(url), clock: new TestClock() } as unknown as TestServer);
  a = await world(servers[0]!.url).init();
  b = await world(servers[1]!.url).init();
});
afterAll(async () => {
  for (const s of servers) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
  await db.drop();
});

describe('two server processes, one database', () => {
  it('verify each other’s codes', async () => {
    const dept = await a.department();
    const enterprise = await a.enterprise();
    const code = await a.issue(enterprise, [dept]);
    expect((await b.scan(code.qrContent)).body.verdict).toBe('valid');
    expect((await b.t.api.get(`/api/inspections/${code.codeNo}`, dept.token)).status).toBe(200);
  });

  it('give exactly one 201 for 16 concurrent identical ratings split across both', async () => {
    const dept = await a.department();
    const enterprise = await a.enterprise();
    const code = await a.issue(enterprise, [dept]);
    await a.complete(code.codeNo, dept);
    const body = { departmentCode: dept.code, recognised: false, issues: ['repeated'] };
    const replies = await Promise.all(
      Array.from({ length: 16 }, (_, i) => (i % 2 ? b : a).t.api.post(`/api/inspections/${code.codeNo}/ratings`, body, enterprise.token)),
    );
    const statuses = replies.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    const view = await b.t.api.get(`/api/inspections/${code.codeNo}`, enterprise.token);
    expect(view.body.departments[0].rating).toMatchObject({ recognised: false, issues: ['repeated'] });
  });
});
