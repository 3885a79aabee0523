/**
 * Query latency at scale (issue 7, "data at scale"): the supervision, department and enterprise
 * read endpoints over HTTP against the real server as its own process, on a MariaDB database filled
 * by generate.ts; then EXPLAIN (MariaDB's ANALYZE: the plan and the rows actually read) of the SQL
 * behind each, captured by running the same services in this process with a TypeORM logger.
 *
 * A section of `npm run bench` (`--only=queries`); standalone:
 *
 *   node --import tsx tests/bench/queries.ts [--ratings 1000000] [--database ic_scale_…] [--samples 100] [--keep]
 *
 * With --database (or BENCH_SCALE_DATABASE) an existing generated database is measured and kept;
 * otherwise one is generated (--ratings, BENCH_SCALE_RATINGS) and dropped afterwards unless --keep.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'mysql2/promise';
import type { Logger } from 'typeorm';
import { loadConfig } from '@inspection-code/config';
import { auditQuery, complaintFilterQuery, complaintListQuery, flagListQuery, periodQuery } from '@inspection-code/shared';
import type { Principal } from '../../server/src/auth/principal.js';
import { openDatabase } from '../../server/src/db/dataSource.js';
import { getInspection } from '../../server/src/inspections/inspections.service.js';
import { myInspections } from '../../server/src/me/me.service.js';
import { listFlags } from '../../server/src/rules/flags.service.js';
import type { Services } from '../../server/src/services.js';
import { listAudit } from '../../server/src/supervision/audit.service.js';
import { addDays, shanghaiDate } from '../../server/src/supervision/calendar.js';
import { eachComplaint, listComplaints } from '../../server/src/supervision/complaints.service.js';
import { ratingsSummary } from '../../server/src/supervision/ratingsSummary.service.js';
import { supervisionStats } from '../../server/src/supervision/stats.service.js';
import { spawnServer } from '../support/process.js';
import { generate, parseSize } from './generate.js';

export interface QueryRow {
  section: string;
  case: string;
  p50: number;
  p95: number;
  samples: number;
  note: string;
}

interface Subjects {
  department: string;
  officer: string;
  enterprise: string;
  enterpriseInspections: number;
  codeNo: string;
  complaintId: number;
  month: { from: string; to: string };
  year: { from: string; to: string };
  counts: { ratings: number; complaints: number; inspections: number };
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;

/** Who and what to ask about: the busiest department and enterprise, the last full month, the last year. */
async function findSubjects(databaseUrl: string): Promise<Subjects> {
  const conn = await createConnection({ uri: databaseUrl, timezone: 'Z' });
  try {
    const one = async <T>(sql: string, values: unknown[] = []) => ((await conn.query(sql, values)) as unknown as [T[]])[0][0]!;
    const count = async (table: string) => Number((await one<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`)).n);
    const department = (
      await one<{ d: string }>('SELECT departmentCode AS d FROM complaints GROUP BY departmentCode ORDER BY COUNT(*) DESC LIMIT 1')
    ).d;
    const officer = (
      await one<{ c: string }>('SELECT certNo AS c FROM officers WHERE departmentCode = ? AND active = 1 ORDER BY certNo LIMIT 1', [
        department,
      ])
    ).c;
    const busy = await one<{ e: string; n: number }>(
      'SELECT enterpriseCreditCode AS e, COUNT(*) AS n FROM inspections GROUP BY enterpriseCreditCode ORDER BY n DESC LIMIT 1',
    );
    // A joint, rated inspection of that enterprise that the officer's department took part in, if any.
    const code =
      (await one<{ c: string } | undefined>(
        `SELECT i.codeNo AS c FROM inspections i JOIN inspection_departments p ON p.codeNo = i.codeNo AND p.departmentCode = ?
         WHERE i.enterpriseCreditCode = ? ORDER BY i.issuedAt DESC LIMIT 1`,
        [department, busy.e],
      )) ??
      (await one<{ c: string }>('SELECT codeNo AS c FROM inspections WHERE enterpriseCreditCode = ? ORDER BY issuedAt DESC LIMIT 1', [
        busy.e,
      ]));
    const complaintId = Number(
      (await one<{ id: number }>("SELECT id FROM complaints WHERE status = 'resolved' ORDER BY id DESC LIMIT 1")).id,
    );
    const newest = (await one<{ at: Date }>('SELECT MAX(ratedAt) AS at FROM ratings')).at;
    const today = shanghaiDate(newest);
    const monthStart = `${today.slice(0, 7)}-01`;
    const lastMonthStart = `${addDays(monthStart, -1).slice(0, 7)}-01`;
    return {
      department,
      officer,
      enterprise: busy.e,
      enterpriseInspections: Number(busy.n),
      codeNo: code.c,
      complaintId,
      month: { from: lastMonthStart, to: addDays(monthStart, -1) },
      year: { from: addDays(today, -364), to: today },
      counts: { ratings: await count('ratings'), complaints: await count('complaints'), inspections: await count('inspections') },
    };
  } finally {
    await conn.end();
  }
}

interface Case {
  name: string;
  path: string;
  as: 'supervisor' | 'enterprise' | 'officer';
  /** The same request, run in this process against the services, for EXPLAIN. */
  direct: (s: Services) => Promise<unknown>;
  csv?: boolean;
}

function cases(x: Subjects, who: { enterprise: Principal; officer: Principal; supervisor: Principal }): Case[] {
  const q = (params: Record<string, string | number>) =>
    new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  const list = (name: string, params: Record<string, string | number>): Case => ({
    name: `complaints: ${name}`,
    path: `/api/supervision/complaints?${q(params)}`,
    as: 'supervisor',
    direct: (s) => listComplaints(s, complaintListQuery.parse(params)),
  });
  const flags = (name: string, params: Record<string, string | number>): Case => ({
    name: `flags: ${name}`,
    path: `/api/supervision/flags?${q(params)}`,
    as: 'supervisor',
    direct: (s) => listFlags(s, flagListQuery.parse(params)),
  });
  const audit = (name: string, params: Record<string, string | number>): Case => ({
    name: `audit: ${name}`,
    path: `/api/supervision/audit?${q(params)}`,
    as: 'supervisor',
    direct: (s) => listAudit(s, auditQuery.parse(params)),
  });
  const stats = (name: string, params: Record<string, string>): Case => ({
    name: `stats: ${name}`,
    path: `/api/supervision/stats?${q(params)}`,
    as: 'supervisor',
    direct: (s) => supervisionStats(s, periodQuery.parse(params)),
  });
  const exportFilter = { departmentCode: x.department, ...x.month };
  return [
    list('no filter', {}),
    list('departmentCode', { departmentCode: x.department }),
    list('issue=notRecognised', { issue: 'notRecognised' }),
    list('issue=abusive', { issue: 'abusive' }),
    list('status=open', { status: 'open' }),
    list('status=resolved', { status: 'resolved' }),
    list('from/to (a month)', x.month),
    list('overdue=true', { overdue: 'true' }),
    list('overdue=false', { overdue: 'false' }),
    list('deep page (page 500)', { page: 500 }),
    list('department + accepted + a year', { departmentCode: x.department, status: 'accepted', ...x.year }),
    {
      name: 'export.csv: department, a month',
      path: `/api/supervision/complaints/export.csv?${q(exportFilter)}`,
      as: 'supervisor',
      csv: true,
      direct: async (s) => {
        for await (const c of eachComplaint(s, complaintFilterQuery.parse(exportFilter))) void c;
      },
    },
    stats('a month', x.month),
    stats('a year', x.year),
    flags('no filter', {}),
    flags('departmentCode', { departmentCode: x.department }),
    flags('kind=frequency', { kind: 'frequency' }),
    flags('from/to (a month)', x.month),
    audit('newest', {}),
    audit('action=complaint.resolve', { action: 'complaint.resolve' }),
    audit('one complaint', { targetType: 'complaint', targetId: String(x.complaintId) }),
    {
      name: 'ratings summary (supervisor)',
      path: `/api/department/ratings/summary?departmentCode=${x.department}`,
      as: 'supervisor',
      direct: (s) => ratingsSummary(s, who.supervisor, x.department),
    },
    {
      name: 'ratings summary (officer, own)',
      path: '/api/department/ratings/summary',
      as: 'officer',
      direct: (s) => ratingsSummary(s, who.officer, undefined),
    },
    {
      name: `me/inspections (${x.enterpriseInspections} inspections)`,
      path: '/api/me/inspections',
      as: 'enterprise',
      direct: (s) => myInspections(s, who.enterprise as Extract<Principal, { role: 'enterprise' }>, 100),
    },
    {
      name: 'inspections/:codeNo (supervisor)',
      path: `/api/inspections/${x.codeNo}`,
      as: 'supervisor',
      direct: (s) => getInspection(s, who.supervisor, x.codeNo),
    },
    {
      name: 'inspections/:codeNo (enterprise)',
      path: `/api/inspections/${x.codeNo}`,
      as: 'enterprise',
      direct: (s) => getInspection(s, who.enterprise, x.codeNo),
    },
    {
      name: 'inspections/:codeNo (officer)',
      path: `/api/inspections/${x.codeNo}`,
      as: 'officer',
      direct: (s) => getInspection(s, who.officer, x.codeNo),
    },
  ];
}

/** One request, timed to the first body byte and to the last. */
async function timed(url: string, token: string): Promise<{ status: number; ttfb: number; total: number; bytes: number }> {
  const started = performance.now();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const reader = res.body!.getReader();
  let ttfb = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (!ttfb) ttfb = performance.now() - started;
    if (done) break;
    bytes += value.byteLength;
  }
  return { status: res.status, ttfb, total: performance.now() - started, bytes };
}

interface Plan {
  sql: string;
  ms: number;
  lines: string[];
  keys: string[];
}

/** MariaDB's ANALYZE of a captured statement: the plan, its estimates and the rows it really read. */
async function analyze(conn: Awaited<ReturnType<typeof createConnection>>, sql: string, params: unknown[]): Promise<Plan> {
  const t0 = performance.now();
  await conn.query({ sql, values: params } as never);
  const ms = performance.now() - t0;
  const [plan] = (await conn.query({ sql: `ANALYZE ${sql}`, values: params } as never)) as unknown as [Record<string, unknown>[]];
  const lines = plan.map(
    (p) => `${p.table}: ${p.type} key=${p.key ?? '-'} rows≈${p.rows} read=${p.r_rows ?? '?'}${p.Extra ? ` (${p.Extra})` : ''}`,
  );
  const keys = plan
    .filter((p) => p.table && !String(p.table).startsWith('<'))
    .map(
      (p) =>
        `${p.key ?? (p.type === 'ALL' ? 'SCAN' : String(p.type))}${/filesort/.test(String(p.Extra ?? '')) ? '+filesort' : ''}${/temporary/.test(String(p.Extra ?? '')) ? '+temp' : ''}`,
    );
  return { sql, ms, lines, keys };
}

export async function queriesBench(options: {
  url: string;
  database?: string;
  ratings: number;
  inspections?: number;
  samples: number;
  keep?: boolean;
  row?: (r: QueryRow) => void;
  explain?: boolean;
}): Promise<QueryRow[]> {
  const rows: QueryRow[] = [];
  let databaseUrl: string;
  let generated: string | null = null;
  if (options.database) {
    databaseUrl = options.url.replace(/\/[^/?]*(\?.*)?$/, `/${options.database}`);
  } else {
    const g = await generate({
      url: options.url,
      ratings: options.ratings,
      inspections: options.inspections ?? 0,
      days: 365,
      departments: 50,
      seed: 7,
      replace: true,
      database: `ic_scale_${options.ratings}_${process.pid}`,
    });
    databaseUrl = g.databaseUrl;
    generated = g.database;
    console.log(
      `generated ${g.database} in ${g.seconds.toFixed(1)} s: ${Object.entries(g.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'ic-bench-queries-'));
  // Open it here first: pending migrations run now (timed), not inside the server's start-up.
  const config = loadConfig({ DATABASE_URL: databaseUrl, SEED_DEMO: '0' });
  const migrating = performance.now();
  const ds = await openDatabase(config.database, (e) => console.log(`  ${JSON.stringify(e)}`));
  const migrated = (performance.now() - migrating) / 1000;
  if (migrated > 5) console.log(`opening ${databaseUrl.replace(/^.*\//, '')} applied pending migrations in ${migrated.toFixed(1)} s`);
  try {
    const x = await findSubjects(databaseUrl);
    const section = `queries (mysql, ${x.counts.ratings.toLocaleString('en')} ratings)`;
    console.log(
      `${section}: ${x.counts.inspections.toLocaleString('en')} inspections, ${x.counts.complaints.toLocaleString('en')} complaints; department ${x.department}, officer ${x.officer}, enterprise ${x.enterprise} (${x.enterpriseInspections} inspections), code ${x.codeNo}, month ${x.month.from}..${x.month.to}`,
    );
    const server = await spawnServer({
      DATABASE_URL: databaseUrl,
      DATA_DIR: dataDir,
      AUTH_DEV_LOGIN: '1',
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000000',
      RATE_LIMIT_SCAN_PER_MINUTE: '1000000000',
    });
    let principals: { enterprise: Principal; officer: Principal; supervisor: Principal };
    try {
      const login = async (role: string, subject: string) => {
        const res = await fetch(`${server.url}/api/auth/dev-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role, subject }),
        });
        const body = (await res.json()) as { token: string; user: { id: string } };
        if (res.status !== 200) throw new Error(`dev login ${role} ${subject}: ${res.status} ${JSON.stringify(body)}`);
        return body;
      };
      const supervisor = await login('supervisor', 'bench-supervisor');
      const enterprise = await login('enterprise', x.enterprise);
      const officer = await login('officer', x.officer);
      const tokens = { supervisor: supervisor.token, enterprise: enterprise.token, officer: officer.token };
      principals = {
        supervisor: { role: 'supervisor', subject: 'bench-supervisor' },
        enterprise: { role: 'enterprise', subject: enterprise.user.id, userId: enterprise.user.id, creditCode: x.enterprise },
        officer: { role: 'officer', subject: x.officer, certNo: x.officer, departmentCode: x.department },
      };
      for (const c of cases(x, principals)) {
        const url = server.url + c.path;
        // Warm-up, then `samples` sequential requests, fewer (not under 10) if they would take over ~20 s.
        const first = await timed(url, tokens[c.as]);
        if (first.status !== 200) throw new Error(`${c.name}: ${first.status}`);
        for (let i = 0; i < 4; i++) await timed(url, tokens[c.as]);
        const n = Math.min(options.samples, Math.max(10, Math.floor(20_000 / Math.max(first.total, 1))));
        const total: number[] = [];
        const ttfb: number[] = [];
        let bytes = 0;
        for (let i = 0; i < n; i++) {
          const r = await timed(url, tokens[c.as]);
          if (r.status !== 200) throw new Error(`${c.name}: ${r.status}`);
          total.push(r.total);
          ttfb.push(r.ttfb);
          bytes = r.bytes;
        }
        total.sort((a, b) => a - b);
        ttfb.sort((a, b) => a - b);
        const note = c.csv
          ? `first byte p50 ${pct(ttfb, 50).toFixed(1)} / p95 ${pct(ttfb, 95).toFixed(1)} ms, ${(bytes / 1024).toFixed(0)} KiB`
          : `${(bytes / 1024).toFixed(1)} KiB`;
        const r: QueryRow = { section, case: c.name, p50: pct(total, 50), p95: pct(total, 95), samples: n, note };
        rows.push(r);
        console.log(`${section} | ${c.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | n=${n}, ${note}`);
      }
    } finally {
      const exited = new Promise((resolve) => server.child.on('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }

    if (options.explain !== false) {
      // The SQL behind each case: the same services, in this process, with a logger that keeps SELECTs.
      const captured: { sql: string; params: unknown[] }[] = [];
      const logger: Logger = {
        logQuery: (sql, params) => {
          if (/^\s*(SELECT|\(SELECT)/i.test(sql)) captured.push({ sql, params: params ?? [] });
        },
        logQueryError: () => undefined,
        logQuerySlow: () => undefined,
        logSchemaBuild: () => undefined,
        logMigration: () => undefined,
        log: () => undefined,
      };
      ds.setOptions({ logging: ['query'], logger });
      const services = { config, ds, clock: () => new Date(), log: () => undefined } as unknown as Services;
      const conn = await createConnection({ uri: databaseUrl, timezone: 'Z' });
      try {
        console.log('\nEXPLAIN (ANALYZE: estimated rows≈, rows actually read=) of the SQL behind each case:');
        for (const c of cases(x, principals!)) {
          captured.length = 0;
          await c.direct(services);
          const plans: Plan[] = [];
          // The export reads page after page with the same plan: the first page stands for all.
          const statements = c.csv ? captured.slice(0, 4) : captured;
          for (const { sql, params } of statements) plans.push(await analyze(conn, sql, params));
          console.log(`\n=== ${c.name} (${statements.length} statements${c.csv ? ` of ${captured.length}` : ''})`);
          for (const p of plans) {
            console.log(`  [${p.ms.toFixed(1)} ms] ${p.sql.replace(/\s+/g, ' ').slice(0, 260)}`);
            for (const line of p.lines) console.log(`      ${line}`);
          }
          const r = rows.find((row) => row.case === c.name);
          // The note names the index of each statement, slowest first.
          const slowest = [...plans].sort((a, b) => b.ms - a.ms).slice(0, 3);
          if (r) r.note = `${slowest.map((p) => `${p.keys.join('·')} ${p.ms.toFixed(0)}ms`).join('; ')} | ${r.note}`;
        }
      } finally {
        await conn.end();
      }
    }
    for (const r of rows) options.row?.(r);
    return rows;
  } finally {
    await ds.destroy();
    rmSync(dataDir, { recursive: true, force: true });
    if (generated && !options.keep) {
      const admin = await createConnection(options.url);
      await admin.query(`DROP DATABASE IF EXISTS \`${generated}\``);
      await admin.end();
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
    if (i < 0) return undefined;
    return args[i]!.includes('=') ? args[i]!.split('=').slice(1).join('=') : args[i + 1];
  };
  const url = args.find((a) => a.startsWith('mysql://')) ?? process.env.BENCH_MYSQL_URL ?? 'mysql://root@127.0.0.1:3306/test';
  const rows = await queriesBench({
    url,
    database: flag('database') ?? process.env.BENCH_SCALE_DATABASE,
    ratings: parseSize(flag('ratings') ?? process.env.BENCH_SCALE_RATINGS, 1_000_000),
    samples: parseSize(flag('samples'), 100),
    keep: args.includes('--keep'),
  });
  console.log(`\n| section | case | p50 ms | p95 ms | note (index per statement, slowest first) |\n|---|---|---|---|---|`);
  for (const r of rows) console.log(`| ${r.section} | ${r.case} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.note}, n=${r.samples} |`);
}
