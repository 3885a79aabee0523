import { execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createConnection } from 'mysql2/promise';
import { inject } from 'vitest';
import { Api } from '../support/api.js';
import { World } from '../support/fixtures.js';
import { spawnServer } from '../support/process.js';
import { TestClock, type TestServer } from '../support/server.js';

/** The nodes of tests/galera/cluster.sh: SQL on 127.0.0.1:3321..3323. */
export const NODES = [1, 2, 3] as const;
export type NodeNo = (typeof NODES)[number];
const port = (n: NodeNo) => 3320 + n;
export const nodeUrl = (n: NodeNo, database = 'test') => `mysql://root@127.0.0.1:${port(n)}/${database}`;

const script = fileURLToPath(new URL('./cluster.sh', import.meta.url));

/** Runs tests/galera/cluster.sh on the suite's cluster (start rejoins nodes that are down). */
export async function cluster(command: 'start' | 'status' | 'kill', node?: NodeNo): Promise<string> {
  const args = [command, inject('galeraDir'), ...(node ? [String(node)] : [])];
  const { stdout } = await promisify(execFile)(script, args, { timeout: 150_000 });
  return stdout;
}

/**
 * Runs one statement on one node. Causal by default (wsrep_sync_wait): the node first applies
 * everything the cluster committed, so counts compare what each node holds, not how far it lags.
 */
export async function onNode<T = any>(n: NodeNo, database: string, sql: string, params: unknown[] = [], causal = true): Promise<T[]> {
  const conn = await createConnection({ uri: nodeUrl(n, database), connectTimeout: 5000 });
  try {
    // 15: reads, updates, deletes, inserts and SHOW all wait for causality.
    if (causal) await conn.query('SET SESSION wsrep_sync_wait = 15');
    const [rows] = await conn.query(sql, params);
    return rows as T[];
  } finally {
    await conn.end();
  }
}

export async function countOn(n: NodeNo, database: string, sql: string, params: unknown[] = []): Promise<number> {
  const rows = await onNode<{ n: number | string }>(n, database, sql, params);
  return Number(rows[0]!.n);
}

/** A fresh database for one test file, created through node 1 (DDL reaches every node). */
export async function createClusterDatabase(): Promise<{ name: string; drop(): Promise<void> }> {
  const name = `ic_galera_${randomBytes(5).toString('hex')}`;
  await onNode(1, 'test', `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`, [], false);
  return { name, drop: async () => void (await onNode(1, 'test', `DROP DATABASE IF EXISTS \`${name}\``, [], false)) };
}

export interface NodeServer {
  node: NodeNo;
  url: string;
  api: Api;
  child: ChildProcess;
  output(): string;
  /** The structured log lines the process printed, parsed. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/**
 * One server process per node, all started at the same moment on a database none of them has
 * migrated yet: the real `server/src/main.ts`, each with its own DATABASE_URL.
 */
export async function startServersTogether(
  database: string,
  env: Record<string, string> = {},
): Promise<{ servers: NodeServer[]; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ic-galera-data-'));
  const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000', RATE_LIMIT_SCAN_PER_MINUTE: '1000000' };
  const started = await Promise.allSettled(
    NODES.map((node) =>
      spawnServer({
        AUTH_DEV_LOGIN: '1',
        DATA_DIR: join(dataDir, `node${node}`),
        ...limits,
        ...env,
        DATABASE_URL: nodeUrl(node, database),
      }),
    ),
  );
  const servers: NodeServer[] = [];
  started.forEach((s, i) => {
    if (s.status === 'rejected') return;
    const { url, child, output, exited } = s.value;
    servers.push({
      node: NODES[i]!,
      url,
      api: new Api(url),
      child,
      output,
      logs: () =>
        output()
          .split('\n')
          .filter((l) => l.startsWith('{'))
          .map((l) => JSON.parse(l) as Record<string, unknown>),
      async stop() {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      },
    });
  });
  const close = async () => {
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dataDir, { recursive: true, force: true });
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await close();
    throw (failed as PromiseRejectedResult).reason;
  }
  return { servers, close };
}

/** The fixture factories of tests/support, over one server process (the server's clock is real). */
export function worldVia(server: NodeServer): Promise<World> {
  return World.create({ url: server.url, api: server.api, clock: new TestClock() } as unknown as TestServer);
}

/** A bounded wait for a condition. */
export async function eventually<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (err) {
      error = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not within ${timeoutMs} ms (last: ${JSON.stringify(last)}${error ? `, error: ${String(error)}` : ''})`);
}
