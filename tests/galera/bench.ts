/**
 * Throughput of scans and ratings: server processes over one MariaDB, or one process per node
 * of the tests/galera cluster. Loopback only, bounded in time; the load comes from this process
 * (autocannon), the servers are their own processes.
 *
 *   node --import tsx tests/galera/bench.ts single   # needs MariaDB on 127.0.0.1:3306
 *   node --import tsx tests/galera/bench.ts galera   # needs tests/galera/cluster.sh start DIR
 *
 * Env: BENCH_SECONDS (default 10 per measurement), BENCH_CONNECTIONS (default 30, all processes).
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import autocannon from 'autocannon';
import { createConnection } from 'mysql2/promise';
import { Api } from '../support/api.js';
import { World } from '../support/fixtures.js';
import { spawnServer } from '../support/process.js';
import { TestClock, type TestServer } from '../support/server.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 30);
const RATINGS_SEEDED = 60_000;

const targets: Record<string, { label: string; urls: string[] }[]> = {
  single: [
    { label: '1 process, single MariaDB', urls: ['mysql://root@127.0.0.1:3306/test'] },
    { label: '3 processes, single MariaDB', urls: Array(3).fill('mysql://root@127.0.0.1:3306/test') },
  ],
  galera: [
    { label: '1 process, Galera node 1', urls: ['mysql://root@127.0.0.1:3321/test'] },
    { label: '3 processes, one per Galera node', urls: [1, 2, 3].map((n) => `mysql://root@127.0.0.1:${3320 + n}/test`) },
  ],
};

const withDatabase = (url: string, name: string) => url.replace(/\/[^/]*$/, `/${name}`);

async function sql(url: string, statement: string, params: unknown[] = []) {
  const conn = await createConnection(url);
  try {
    return (await conn.query(statement, params))[0];
  } finally {
    await conn.end();
  }
}

/** Clones one real, completed inspection `count` times (Sequence engine): each clone can be rated once. */
async function seedRatable(url: string, codeNo: string, count: number): Promise<string[]> {
  const columns = async (table: string) =>
    (
      (await sql(
        url,
        'SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
        [table],
      )) as { c: string }[]
    )
      .map((r) => r.c)
      .filter((c) => c !== 'id');
  const clone = async (table: string) => {
    const cols = await columns(table);
    const select = cols.map((c) => (c === 'codeNo' ? `CONCAT('BN', LPAD(seq, 12, '0'))` : `t.\`${c}\``)).join(', ');
    await sql(
      url,
      `INSERT INTO ${table} (${cols.map((c) => `\`${c}\``).join(', ')}) SELECT ${select} FROM ${table} t JOIN seq_1_to_${count} WHERE t.codeNo = ?`,
      [codeNo],
    );
  };
  await clone('inspections');
  await clone('inspection_departments');
  return Array.from({ length: count }, (_, i) => `BN${String(i + 1).padStart(12, '0')}`);
}

interface Measured {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** One autocannon per process, all at once; throughput is summed, latency taken from the slowest. */
async function load(urls: string[], options: (i: number) => Partial<autocannon.Options>): Promise<Measured> {
  const per = Math.max(1, Math.floor(CONNECTIONS / urls.length));
  const results = await Promise.all(
    urls.map((url, i) => autocannon({ url, connections: per, duration: SECONDS, ...options(i) } as autocannon.Options)),
  );
  return {
    requestsPerSecond: Math.round(results.reduce((s, r) => s + r.requests.average, 0)),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((s, r) => s + r.non2xx, 0),
    errors: results.reduce((s, r) => s + r.errors + r.timeouts, 0),
  };
}

async function run(label: string, urls: string[]) {
  const name = `ic_bench_${randomBytes(4).toString('hex')}`;
  await sql(urls[0]!, `CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const limits = { RATE_LIMIT_LOGIN_PER_MINUTE: '1000000000', RATE_LIMIT_SCAN_PER_MINUTE: '1000000000' };
  const servers = await Promise.all(
    urls.map((url) => spawnServer({ AUTH_DEV_LOGIN: '1', ...limits, DATABASE_URL: withDatabase(url, name) })),
  );
  try {
    const api = new Api(servers[0]!.url);
    const w = await World.create({ url: servers[0]!.url, api, clock: new TestClock() } as unknown as TestServer);
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept]);
    await w.complete(code.codeNo, dept);
    const codeNos = await seedRatable(withDatabase(urls[0]!, name), code.codeNo, RATINGS_SEEDED);
    await new Promise((r) => setTimeout(r, 2000));

    const scanBody = JSON.stringify({ qrContent: code.qrContent });
    const json = { 'content-type': 'application/json' };
    // Warm-up (JIT, pools), not counted.
    await load(
      servers.map((s) => `${s.url}/api/scan`),
      () => ({ duration: 2, method: 'POST', headers: json, body: scanBody }),
    );
    const scans = await load(
      servers.map((s) => `${s.url}/api/scan`),
      () => ({ method: 'POST', headers: json, body: scanBody }),
    );

    // Each process rates its own slice of the clones, one rating per request.
    const slice = Math.floor(codeNos.length / servers.length);
    const ratingBody = JSON.stringify({ departmentCode: dept.code, recognised: true });
    const ratings = await load(
      servers.map((s) => s.url),
      (i) => {
        let next = i * slice;
        return {
          method: 'POST',
          headers: { ...json, authorization: `Bearer ${enterprise.token}` },
          requests: [
            {
              method: 'POST',
              setupRequest: (req: any) => ({ ...req, path: `/api/inspections/${codeNos[next++]}/ratings`, body: ratingBody }),
            },
          ],
        };
      },
    );
    const rated = Number(((await sql(withDatabase(urls[0]!, name), 'SELECT COUNT(*) AS n FROM ratings')) as { n: number }[])[0]!.n);
    return { label, processes: urls.length, scans, ratings, rated };
  } finally {
    for (const s of servers) s.child.kill('SIGTERM');
    await Promise.all(servers.map((s) => s.exited));
    await sql(urls[0]!, `DROP DATABASE IF EXISTS ${name}`);
  }
}

const mode = process.argv[2] ?? 'single';
if (!targets[mode]) throw new Error(`usage: bench.ts single|galera`);
console.log(`# ${cpus().length} × ${cpus()[0]?.model}, ${SECONDS} s per measurement, ${CONNECTIONS} connections`);
for (const t of targets[mode]!) {
  const r = await run(t.label, t.urls);
  const row = (what: string, m: Measured) =>
    `| ${r.label} | ${what} | ${m.requestsPerSecond} | ${m.p50} | ${m.p99} | ${m.non2xx + m.errors} |`;
  console.log(row('scan', r.scans));
  console.log(row('rating', r.ratings));
  console.log(`#   ratings stored: ${r.rated}`);
}
process.exit(0);
