/**
 * Fills a scratch MariaDB database with a few hundred thousand synthetic complaints, ratings,
 * inspections, flags and audit entries, runs every supervision query the API issues, and prints
 * MariaDB's EXPLAIN for each (the index it picks, rows examined, filesort or not).
 *
 *   npx tsx server/scripts/explain-supervision.ts [mysql://root@127.0.0.1:3306/test] [rows]
 */
import { createConnection } from 'mysql2/promise';
import type { Logger, QueryRunner } from 'typeorm';
import { loadConfig } from '@inspection-code/config';
import { openDatabase } from '../src/db/dataSource.js';
import type { Services } from '../src/services.js';
import { listAudit } from '../src/supervision/audit.service.js';
import { eachComplaint, listComplaints } from '../src/supervision/complaints.service.js';
import { ratingsSummary } from '../src/supervision/ratingsSummary.service.js';
import { supervisionStats } from '../src/supervision/stats.service.js';

const [url = 'mysql://root@127.0.0.1:3306/test', rowsArg = '300000'] = process.argv.slice(2);
const N = Number(rowsArg);
const scratch = `ic_explain_${Date.now()}`;
const admin = await createConnection(url);
await admin.query(`CREATE DATABASE ${scratch} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);

const captured: { sql: string; params: unknown[] }[] = [];
const logger: Logger = {
  logQuery: (sql: string, params?: unknown[], _qr?: QueryRunner) => {
    if (/^\s*SELECT/i.test(sql)) captured.push({ sql, params: params ?? [] });
  },
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

try {
  const config = loadConfig({ DATABASE_URL: url.replace(/\/[^/]*$/, `/${scratch}`), SEED_DEMO: '0' });
  const ds = await openDatabase(config.database);
  const q = (sql: string) => ds.query(sql);
  const seq = (n: number) => `seq_1_to_${n}`;
  console.log(`filling ${scratch} with ${N} rows per table…`);
  await q(`INSERT INTO departments (code, name) SELECT CONCAT('D', LPAD(seq, 2, '0')), CONCAT('部门', seq) FROM ${seq(20)}`);
  // Two years of inspections, ten percent joint, two percent revoked.
  await q(`INSERT INTO inspections (codeNo, kind, enterpriseCreditCode, validFrom, validTo, issuingDepartmentCode, issuedBy, issuedAt, kid, qrContent, revokedAt)
    SELECT CONCAT('C', seq), 'triggered', CONCAT('91310115', LPAD(seq MOD 50000, 10, '0')), NOW(3), NOW(3), CONCAT('D', LPAD(1 + seq MOD 20, 2, '0')), 'x',
      NOW(3) - INTERVAL FLOOR(seq * 63072000 / ${N}) SECOND, 'k', 'q', IF(seq MOD 50 = 0, NOW(3), NULL) FROM ${seq(N)}`);
  await q(`INSERT INTO inspection_departments (codeNo, departmentCode, officerCertNos, itemCodes)
    SELECT CONCAT('C', seq), CONCAT('D', LPAD(1 + seq MOD 20, 2, '0')), '[]', '[]' FROM ${seq(N)}`);
  await q(`INSERT INTO inspection_departments (codeNo, departmentCode, officerCertNos, itemCodes)
    SELECT CONCAT('C', seq), CONCAT('D', LPAD(1 + (seq + 7) MOD 20, 2, '0')), '[]', '[]' FROM ${seq(N)} WHERE seq MOD 10 = 0`);
  await q(`INSERT INTO ratings (codeNo, departmentCode, enterpriseCreditCode, recognised, disputedItemCodes, repeated, inaction, abusive, ratedBy, ratedAt)
    SELECT i.codeNo, d.departmentCode, i.enterpriseCreditCode, IF(RAND() < 0.85, 1, 0), '[]', IF(RAND() < 0.05, 1, 0), IF(RAND() < 0.03, 1, 0), IF(RAND() < 0.02, 1, 0), 'u', i.issuedAt + INTERVAL 1 DAY
    FROM inspection_departments d JOIN inspections i ON i.codeNo = d.codeNo`);
  // As many complaints as inspections (far more than real life), so their plans show at scale.
  await q(`INSERT INTO complaints (ratingId, codeNo, departmentCode, enterpriseCreditCode, notRecognised, repeated, inaction, abusive, status, createdAt, deadline, closedAt, updatedAt)
    SELECT seq, CONCAT('C', seq), CONCAT('D', LPAD(1 + seq MOD 20, 2, '0')), '91310115000000000X', IF(seq MOD 3 = 0, 1, 0), IF(seq MOD 5 = 0, 1, 0), IF(seq MOD 7 = 0, 1, 0), IF(seq MOD 11 = 0, 1, 0),
      ELT(1 + seq MOD 10, 'open', 'accepted', 'accepted', 'resolved', 'resolved', 'resolved', 'resolved', 'dismissed', 'dismissed', 'resolved'),
      NOW(3) - INTERVAL FLOOR(seq * 63072000 / ${N}) SECOND, NOW(3) - INTERVAL FLOOR(seq * 63072000 / ${N}) SECOND + INTERVAL 21 DAY, NULL, NOW(3) FROM ${seq(N)}`);
  await q(`INSERT INTO issuance_flags (kind, codeNo, departmentCode, enterpriseCreditCode, detail, createdAt)
    SELECT 'frequency', CONCAT('C', seq), CONCAT('D', LPAD(1 + seq MOD 20, 2, '0')), 'x', 'x', NOW(3) - INTERVAL FLOOR(seq * 63072000 / ${N}) SECOND FROM ${seq(N)} WHERE seq MOD 6 = 0`);
  await q(`INSERT INTO audit_log (at, actorRole, actor, action, targetType, targetId, detail)
    SELECT NOW(3) - INTERVAL seq SECOND, 'supervisor', 's', ELT(1 + seq MOD 4, 'complaint.open', 'complaint.accept', 'complaint.resolve', 'exemption.put'), 'complaint', seq, NULL FROM ${seq(N)}`);
  for (const table of ['inspections', 'inspection_departments', 'ratings', 'complaints', 'issuance_flags', 'audit_log'])
    await q(`ANALYZE TABLE ${table}`);

  ds.setOptions({ logging: ['query'], logger });
  const s = { config, ds, clock: () => new Date(), log: () => undefined } as unknown as Services;
  const yearAgo = new Date(Date.now() - 365 * 86_400_000).toISOString();
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  const list = { page: 1, pageSize: 20 };
  const scenarios: [string, () => Promise<unknown>][] = [
    ['list: no filter', () => listComplaints(s, list)],
    ['list: page 500', () => listComplaints(s, { page: 500, pageSize: 20 })],
    ['list: department', () => listComplaints(s, { ...list, departmentCode: 'D07' })],
    ['list: issue=abusive', () => listComplaints(s, { ...list, issue: 'abusive' })],
    ['list: status=open', () => listComplaints(s, { ...list, status: 'open' })],
    ['list: overdue', () => listComplaints(s, { ...list, overdue: true })],
    ['list: last month', () => listComplaints(s, { ...list, from: monthAgo })],
    [
      'list: department + status + last year',
      () => listComplaints(s, { ...list, departmentCode: 'D07', status: 'accepted', from: yearAgo }),
    ],
    [
      'export: keyset page',
      async () => {
        const seen: number[] = [];
        for await (const c of eachComplaint(s, { departmentCode: 'D03' }, 200)) if (seen.push(c.id) >= 400) break;
      },
    ],
    ['stats: last year', () => supervisionStats(s, { from: yearAgo })],
    ['stats: last month', () => supervisionStats(s, { from: monthAgo })],
    ['ratings summary', () => ratingsSummary(s, { role: 'supervisor', subject: 's' }, 'D05')],
    ['audit: newest', () => listAudit(s, { page: 1, pageSize: 20 })],
    ['audit: target', () => listAudit(s, { page: 1, pageSize: 20, targetType: 'complaint', targetId: '4242' })],
  ];
  for (const [name, run] of scenarios) {
    captured.length = 0;
    const started = performance.now();
    await run();
    const ms = performance.now() - started;
    console.log(`\n=== ${name} (${ms.toFixed(0)} ms) ===`);
    const queries = captured.filter((c) =>
      /FROM `(complaints|ratings|inspection_departments|inspections|issuance_flags|audit_log)`/.test(c.sql),
    );
    for (const { sql, params } of queries) {
      const conn = await createConnection(url.replace(/\/[^/]*$/, `/${scratch}`));
      const [plan] = await conn.query({ sql: `EXPLAIN ${sql}`, values: params, timezone: 'Z' } as never);
      const t0 = performance.now();
      await conn.query({ sql, values: params, timezone: 'Z' } as never);
      const took = performance.now() - t0;
      await conn.end();
      console.log(`[${took.toFixed(0)} ms] ${sql.replace(/\s+/g, ' ').slice(0, 220)}`);
      for (const p of plan as Record<string, unknown>[]) {
        console.log(`   ${p.table}: type=${p.type} key=${p.key} rows=${p.rows} ${p.Extra ?? ''}`);
      }
    }
  }
  await ds.destroy();
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${scratch}`);
  await admin.end();
}
