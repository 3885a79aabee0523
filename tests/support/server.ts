import { loadConfig } from '@inspection-code/config';
import { startServer, type RunningServer } from '@inspection-code/server';
import { createTestDatabase, type TestDatabase } from './database.js';
import { Api } from './api.js';

/** A clock the test moves: the server's only source of "now". */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export interface TestServer {
  url: string;
  api: Api;
  clock: TestClock;
  server: RunningServer;
  services: RunningServer["services"];
  db: TestDatabase;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** The real server, listening on a free port, over a fresh database. `env` overrides configuration. */
export async function startTestServer(env: Record<string, string> = {}, db?: TestDatabase, log: (entry: Record<string, unknown>) => void = () => undefined): Promise<TestServer> {
  const database = db ?? (await createTestDatabase());
  // Tests log in and scan far more often than people do; the rate-limit test sets its own limits.
  const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_SCAN_PER_MINUTE: '1000000' };
  // Tests never reach outside this machine: WeChat is a closed local port unless a test fakes it.
  const offline = { WECHAT_API_BASE: 'http://127.0.0.1:9' };
  const fullEnv = { PORT: '0', HOST: '127.0.0.1', AUTH_DEV_LOGIN: '1', SEED_DEMO: '0', ...limits, ...offline, ...database.env, ...env };
  const clock = new TestClock();
  const server = await startServer(loadConfig(fullEnv), { clock: clock.now, log });
  return {
    url: server.url,
    api: new Api(server.url),
    clock,
    server,
    services: server.services,
    db: database,
    env: fullEnv,
    async close() {
      await server.close();
      if (!db) await database.drop();
    },
  };
}
