/**
 * npm run bench [-- --smoke] [-- --only scan,ratings,sizes,scale,queries]
 *
 * Measures the product against baselines measured in the same run and prints one table.
 * Benchmarks are not tests: nothing here fails on a number (it fails only if something breaks).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'mysql2/promise';
import { Api } from '../support/api.js';
import { World } from '../support/fixtures.js';
import { freePort, repoRoot, spawnServer } from '../support/process.js';
import { TestClock, type TestServer } from '../support/server.js';
import { load, type LoadResult } from './load.js';
import { measureSizes } from './sizes.js';
import { queriesBench, type QueryRow } from './queries.js';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const wants = (section: string) => !only || only.includes(section);
const SECONDS = smoke ? 1 : 8;
const ROUNDS = smoke ? 1 : 3;
const MYSQL = process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => {
  rows.push(cells.map(String));
  console.log(cells.join(' | '));
};
const fmt = (n: number, digits = 0) => n.toFixed(digits);

const benchEnv = { AUTH_DEV_LOGIN: '1', RATE_LIMIT_LOGIN_PER_MINUTE: '1000000000', RATE_LIMIT_SCAN_PER_MINUTE: '1000000000' };

async function freshMysqlDatabase(): Promise<string> {
  const name = `ic_bench_${Date.now()}`;
  const conn = await createConnection(MYSQL);
  await conn.query(`CREATE DATABASE ${name} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await conn.end();
  return MYSQL.replace(/\/[^/]*$/, `/${name}`);
}

async function dropMysqlDatabase(url: string) {
  const conn = await createConnection(MYSQL);
  await conn.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)}`);
  await conn.end();
}

function world(url: string): World {
  // The fixtures only need an API client and a clock; the server is a separate process here.
  return new World({ api: new Api(url), clock: new TestClock() } as unknown as TestServer);
}

async function startBaseline(answer: unknown): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/baseline.ts'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), BASELINE_ANSWER: JSON.stringify(answer) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout!.on('data', (d) => String(d).includes('listening') && resolve()));
  return { url: `http://127.0.0.1:${port}`, child };
}

async function stop(child: ChildProcess) {
  const exited = new Promise((r) => child.on('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** Average of alternating rounds, so drift of the machine hits both sides alike. */
function mean(results: LoadResult[]): LoadResult {
  const avg = (f: (r: LoadResult) => number) => results.reduce((s, r) => s + f(r), 0) / results.length;
  return { rps: avg((r) => r.rps), p50: avg((r) => r.p50), p99: avg((r) => r.p99), errors: avg((r) => r.errors), non2xx: avg((r) => r.non2xx), total: avg((r) => r.total) };
}

async function scanBench(db: 'sqlite' | 'mysql') {
  const databaseUrl = db === 'mysql' ? await freshMysqlDatabase() : undefined;
  const server = await spawnServer({ ...benchEnv, DATA_DIR: mkdtempSync(join(tmpdir(), 'ic-bench-')), ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  try {
    const w = world(server.url);
    await w.init();
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept]);
    const body = JSON.stringify({ qrContent: code.qrContent });
    const sample = await w.scan(code.qrContent);
    if (sample.body.verdict !== 'valid') throw new Error(`bench code not valid: ${JSON.stringify(sample.body)}`);
    const baseline = await startBaseline(sample.body);
    try {
      const warm = { body, seconds: 1 };
      await load({ url: `${baseline.url}/api/scan`, ...warm });
      await load({ url: `${server.url}/api/scan`, ...warm });
      const base: LoadResult[] = [];
      const product: LoadResult[] = [];
      for (let i = 0; i < ROUNDS; i++) {
        base.push(await load({ url: `${baseline.url}/api/scan`, body, seconds: SECONDS }));
        product.push(await load({ url: `${server.url}/api/scan`, body, seconds: SECONDS }));
      }
      const b = mean(base);
      const p = mean(product);
      row(`scan (${db})`, 'bare Koa baseline', fmt(b.rps), fmt(b.p50, 1), fmt(b.p99, 1), '1.00');
      row(`scan (${db})`, 'POST /api/scan, valid code', fmt(p.rps), fmt(p.p50, 1), fmt(p.p99, 1), fmt(p.rps / b.rps, 2));
      const half = await load({ url: `${server.url}/api/scan`, body, seconds: SECONDS, rate: Math.max(1, Math.floor(p.rps / 2)) });
      row(`scan (${db})`, `at half of peak (${fmt(p.rps / 2)}/s)`, fmt(half.rps), fmt(half.p50, 1), fmt(half.p99, 1), '');
      if (p.errors || p.non2xx) row(`scan (${db})`, 'errors / non-2xx', fmt(p.errors), fmt(p.non2xx), '', '');
      return code.qrContent;
    } finally {
      await stop(baseline.child);
    }
  } finally {
    await stop(server.child);
    if (databaseUrl) await dropMysqlDatabase(databaseUrl);
  }
}

/** Sustained ratings per second on MariaDB, each to its own completed inspection; then count rows. */
async function ratingBench() {
  const databaseUrl = await freshMysqlDatabase();
  const server = await spawnServer({ ...benchEnv, DATA_DIR: mkdtempSync(join(tmpdir(), 'ic-bench-')), DATABASE_URL: databaseUrl });
  try {
    const w = world(server.url);
    await w.init();
    const depts = await Promise.all(Array.from({ length: 4 }, () => w.department({ officers: 2, items: 2 })));
    const enterprise = await w.enterprise();
    const n = smoke ? 100 : 2000;
    const codes: { codeNo: string; dept: string }[] = [];
    for (let i = 0; i < n; i += depts.length) {
      // Joint codes of four departments: four ratings per inspection.
      const c = await w.issue(enterprise, depts);
      for (const d of depts) await w.complete(c.codeNo, d);
      for (const d of depts) codes.push({ codeNo: c.codeNo, dept: d.code });
    }
    let next = 0;
    const requests = [
      {
        method: 'POST' as const,
        setupRequest: (req: Record<string, unknown>) => {
          const target = codes[next++ % codes.length]!;
          return { ...req, path: `/api/inspections/${target.codeNo}/ratings`, body: JSON.stringify({ departmentCode: target.dept, recognised: next % 3 !== 0, issues: next % 5 === 0 ? ['repeated'] : [] }) };
        },
      },
    ];
    const started = Date.now();
    const r = await load({ url: server.url, seconds: 0, amount: codes.length, connections: 16, requests: requests as never, headers: { authorization: `Bearer ${enterprise.token}` } });
    const conn = await createConnection(databaseUrl);
    const [[{ n: stored }]] = (await conn.query('SELECT COUNT(*) AS n FROM ratings')) as unknown as [[{ n: number }]];
    await conn.end();
    const accepted = r.total - r.non2xx - r.errors;
    row('ratings (mysql)', `${codes.length} departments to rate, 16 connections`, fmt(accepted / ((Date.now() - started) / 1000)), fmt(r.p50, 1), fmt(r.p99, 1), `${stored} stored / ${accepted} acknowledged`);
  } finally {
    await stop(server.child);
    await dropMysqlDatabase(databaseUrl);
  }
}

/** One versus two server processes over one MariaDB. */
async function scaleBench() {
  const databaseUrl = await freshMysqlDatabase();
  const env = { ...benchEnv, DATA_DIR: mkdtempSync(join(tmpdir(), 'ic-bench-')), DATABASE_URL: databaseUrl };
  const a = await spawnServer(env);
  const b = await spawnServer(env);
  try {
    const w = world(a.url);
    await w.init();
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept]);
    const body = JSON.stringify({ qrContent: code.qrContent });
    const one = await load({ url: `${a.url}/api/scan`, body, seconds: SECONDS });
    const both = await Promise.all([a, b].map((s) => load({ url: `${s.url}/api/scan`, body, seconds: SECONDS, connections: 16 })));
    row('scale-out (mysql)', '1 process', fmt(one.rps), fmt(one.p50, 1), fmt(one.p99, 1), '1.00');
    const sum = both[0]!.rps + both[1]!.rps;
    row('scale-out (mysql)', '2 processes', fmt(sum), fmt(Math.max(both[0]!.p50, both[1]!.p50), 1), fmt(Math.max(both[0]!.p99, both[1]!.p99), 1), fmt(sum / one.rps, 2));
  } finally {
    await stop(a.child);
    await stop(b.child);
    await dropMysqlDatabase(databaseUrl);
  }
}

console.log(`machine: ${cpus().length} × ${cpus()[0]?.model}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}${smoke ? ' (smoke run)' : ''}`);
console.log('section | case | req/s | p50 ms | p99 ms | ratio / note');
let qr = '';
if (wants('scan')) {
  qr = await scanBench('sqlite');
  await scanBench('mysql');
}
if (wants('ratings')) await ratingBench();
if (wants('scale')) await scaleBench();
if (wants('sizes')) for (const [what, value, note] of await measureSizes(qr)) row('sizes', what, value, '', '', note);
// Data at scale (queries.ts): on a database generated now (BENCH_SCALE_RATINGS, default 1 M; a
// few thousand in the smoke run), or on one generated before (BENCH_SCALE_DATABASE=ic_scale_…).
const queryRows: QueryRow[] = [];
if (wants('queries')) {
  await queriesBench({
    url: MYSQL,
    database: process.env.BENCH_SCALE_DATABASE,
    ratings: smoke ? 5000 : Number(process.env.BENCH_SCALE_RATINGS ?? 1_000_000),
    samples: smoke ? 5 : 100,
    row: (r) => queryRows.push(r),
  });
}

console.log('\n| section | case | req/s | p50 ms | p99 ms | ratio / note |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
if (queryRows.length) {
  console.log('\n| section | case | p50 ms | p95 ms | note (index of each statement, slowest first) |\n|---|---|---|---|---|');
  for (const r of queryRows) console.log(`| ${r.section} | ${r.case} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.note}, n=${r.samples} |`);
}
