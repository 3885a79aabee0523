import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '@inspection-code/config';
import { createApp } from './app.js';
import { jsonLog } from './http/jsonLog.js';
import { Sessions } from './auth/sessions.js';
import { openDatabase } from './db/dataSource.js';
import { Keyring } from './keys/keyring.js';
import { RateLimiter } from './ratelimit/rateLimiter.js';
import type { Clock, Log, Services } from './services.js';

export interface StartOptions {
  /** The server's clock (tests move it to reach expiry); defaults to the system clock. */
  clock?: Clock;
  log?: Log;
}

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database (running migrations), loads the keys, and listens. */
export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? jsonLog();
  const ds = await openDatabase(config.database, log);
  const keyring = new Keyring(ds, config.maxCodeWindowSeconds * 1000);
  await keyring.init(clock());
  const services: Services = {
    config,
    ds,
    clock,
    keyring,
    sessions: await Sessions.create(config, ds),
    rateLimiter: new RateLimiter(ds, clock),
    log,
  };
  const app = createApp(services);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    url: `http://${host}:${port}`,
    services,
    async close() {
      // Stop accepting, let in-flight requests finish, then release the database.
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await ds.destroy();
    },
  };
}
