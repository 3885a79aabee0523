import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.close());

describe('schema migrations', () => {
  it('bring a fresh database exactly to the entities (no drift, no synchronize)', async () => {
    const { ds } = t.services;
    expect(ds.options.synchronize ?? false).toBe(false);
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('are recorded, so a restart applies nothing twice', async () => {
    const { ds } = t.services;
    expect(await ds.showMigrations()).toBe(false);
    const second = await startTestServer({}, t.db);
    await second.close();
    const rows = await ds.query('SELECT COUNT(*) AS n FROM migrations');
    expect(Number(rows[0].n)).toBe(ds.migrations.length);
  });
});
