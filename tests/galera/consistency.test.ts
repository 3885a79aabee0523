import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../support/api.js';
import type { TestDepartment, TestEnterprise, World } from '../support/fixtures.js';
import { countOn, createClusterDatabase, NODES, onNode, startServersTogether, worldVia, type NodeServer } from './support.js';

/**
 * Three server processes, one per node of a 3-node Galera cluster, started together on a fresh
 * database. Row locks do not cross nodes and a transaction that loses certification fails with
 * 1213, so everything here races requests over the three processes and then counts rows on
 * every node.
 */
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

let db: Awaited<ReturnType<typeof createClusterDatabase>>;
let servers: NodeServer[];
let close: () => Promise<void>;
let w: World;

beforeAll(async () => {
  db = await createClusterDatabase();
  ({ servers, close } = await startServersTogether(db.name, { ANNUAL_CAP_PLANNED: '2', SEED_DEMO: '1' }));
  w = await worldVia(servers[0]!);
});
afterAll(async () => {
  await close?.();
  await db?.drop();
});

const count = (node: (typeof NODES)[number], sql: string, params: unknown[] = []) => countOn(node, db.name, sql, params);
const onEveryNode = (sql: string, params: unknown[] = []) => Promise.all(NODES.map((n) => count(n, sql, params)));
const via = (i: number) => servers[i % servers.length]!.api;
const statuses = (replies: Reply[]) => replies.map((r) => r.status).sort();
const retriesLogged = () => servers.flatMap((s) => s.logs()).filter((l) => l.msg === 'transaction retry');

async function completedInspection(): Promise<{ dept: TestDepartment; enterprise: TestEnterprise; codeNo: string }> {
  const dept = await w.department();
  const enterprise = await w.enterprise();
  const code = await w.issue(enterprise, [dept]);
  await w.complete(code.codeNo, dept);
  return { dept, enterprise, codeNo: code.codeNo };
}

describe('three processes started together on three nodes', () => {
  it('apply the migrations exactly once: one process migrates, the others wait for it', async () => {
    const applied = servers.map((s) => s.logs().find((l) => typeof l.msg === 'string' && l.msg.startsWith('migrations applied')));
    const winners = applied.filter((l) => l?.msg === 'migrations applied');
    expect(winners, servers.map((s) => s.output()).join('\n----\n')).toHaveLength(1);
    // The others waited for it or, if they came up after it had finished, found nothing to do.
    const migrations = Number(winners[0]!.count);
    expect(migrations).toBeGreaterThan(0);
    for (const node of NODES) {
      const [row] = await onNode(node, db.name, 'SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS distinctNames FROM migrations');
      expect({ node, n: Number(row.n), distinct: Number(row.distinctNames) }).toEqual({ node, n: migrations, distinct: migrations });
      expect(await count(node, 'SELECT COUNT(*) AS n FROM migration_lease')).toBe(0);
    }
    for (const s of servers) expect((await s.api.get('/api/health')).body).toEqual({ status: 'ok', db: 'mysql' });
  });

  it('seed the demo data exactly once and agree on one session secret', async () => {
    expect(servers.filter((s) => s.output().includes('Seeded the Shanghai demo data set'))).toHaveLength(1);
    expect(await onEveryNode("SELECT COUNT(*) AS n FROM settings WHERE `key` IN ('demo_seeded', 'session_secret')")).toEqual([2, 2, 2]);
    // A session from one process is accepted by the others.
    for (const s of servers) expect((await s.api.get('/api/admin/departments', w.adminToken)).status).toBe(200);
  });
});

describe('uniqueness across nodes', () => {
  it('gives one 201 and 409 ALREADY_RATED to the rest of 16 identical ratings racing over three nodes, and keeps one row', async () => {
    // Racers on one node meet the unique index (1062); racers on different nodes meet at
    // certification (1213 at COMMIT, retried, then 1062). Race until both kinds have been seen.
    const before = retriesLogged().length;
    let round = 0;
    while (round < 3 || (retriesLogged().length === before && round < 12)) {
      round++;
      const { dept, enterprise, codeNo } = await completedInspection();
      const replies = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          via(i).post(`/api/inspections/${codeNo}/ratings`, { departmentCode: dept.code, recognised: i % 2 === 0 }, enterprise.token),
        ),
      );
      const unexpected = replies.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body);
      expect(statuses(replies), JSON.stringify(unexpected)).toEqual([201, ...Array(15).fill(409)]);
      for (const r of replies.filter((r) => r.status === 409)) expect(r.body.code).toBe('ALREADY_RATED');
      const winner = replies.find((r) => r.status === 201)!.body;
      expect(await onEveryNode('SELECT COUNT(*) AS n FROM ratings WHERE codeNo = ?', [codeNo])).toEqual([1, 1, 1]);
      expect(
        await onEveryNode('SELECT COUNT(*) AS n FROM ratings WHERE codeNo = ? AND recognised = ?', [codeNo, winner.recognised ? 1 : 0]),
      ).toEqual([1, 1, 1]);
    }
    expect(
      retriesLogged()
        .slice(before)
        .map((l) => l.code),
    ).toContain('ER_LOCK_DEADLOCK');
  });
});

describe('issuance rules across nodes', () => {
  const RACERS = 9;

  async function race(itemFor: (i: number) => number) {
    const dept = await w.department({ officers: 3, items: RACERS });
    const enterprise = await w.enterprise();
    const planNo = await w.plan(dept, [enterprise]);
    const now = Date.now();
    const replies = await Promise.all(
      Array.from({ length: RACERS }, (_, i) =>
        via(i).post(
          '/api/inspections',
          {
            kind: 'planned',
            planNo,
            enterpriseCreditCode: enterprise.creditCode,
            validFrom: iso(now + HOUR),
            validTo: iso(now + 5 * HOUR),
            departments: [{ departmentCode: dept.code, officerCertNos: dept.officers.slice(0, 2), itemCodes: [dept.items[itemFor(i)]] }],
          },
          dept.token,
        ),
      ),
    );
    const issued = await onEveryNode('SELECT COUNT(*) AS n FROM inspections WHERE enterpriseCreditCode = ?', [enterprise.creditCode]);
    return { replies, issued };
  }

  it(`issues exactly the annual cap (2) of ${RACERS} planned applications racing on three nodes`, async () => {
    const { replies, issued } = await race((i) => i);
    const unexpected = replies.filter((r) => r.status !== 201 && r.status !== 409).map((r) => r.body);
    expect(statuses(replies), JSON.stringify(unexpected)).toEqual([201, 201, ...Array(RACERS - 2).fill(409)]);
    for (const r of replies.filter((r) => r.status === 409)) expect(r.body.code).toBe('ANNUAL_CAP_REACHED');
    expect(issued).toEqual([2, 2, 2]);
  });

  it(`issues exactly one of ${RACERS} planned applications for the same item racing on three nodes (repeat rule)`, async () => {
    const { replies, issued } = await race(() => 0);
    expect(statuses(replies)).toEqual([201, ...Array(RACERS - 1).fill(409)]);
    for (const r of replies.filter((r) => r.status === 409)) expect(r.body.code).toBe('REPEATED_INSPECTION');
    expect(issued).toEqual([1, 1, 1]);
  });
});

describe('certification failures (1213)', () => {
  it('retries a transaction that lost certification, and it succeeds: racing triggered codes for one enterprise are all issued', async () => {
    const before = retriesLogged().length;
    const dept = await w.department();
    const enterprise = await w.enterprise();
    // Every issuance writes the enterprise's guard row, so these conflict at certification.
    const replies = await Promise.all(
      Array.from({ length: 9 }, (_, i) => via(i).post('/api/inspections', w.application(enterprise, [dept]), dept.token)),
    );
    expect(statuses(replies), JSON.stringify(replies.filter((r) => r.status !== 201).map((r) => r.body))).toEqual(Array(9).fill(201));
    expect(await onEveryNode('SELECT COUNT(*) AS n FROM inspections WHERE enterpriseCreditCode = ?', [enterprise.creditCode])).toEqual([
      9, 9, 9,
    ]);
    const retries = retriesLogged().slice(before);
    expect(retries.length).toBeGreaterThan(0);
    expect(new Set(retries.map((l) => l.code))).toEqual(new Set(['ER_LOCK_DEADLOCK']));
  });

  it('retries racing key rotations on three nodes until each has run on top of the others: one signing key stays active', async () => {
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => via(i).post('/api/admin/keys/rotate', {}, w.adminToken)));
    expect(statuses(replies)).toEqual(Array(6).fill(201));
    expect(await onEveryNode('SELECT COUNT(*) AS n FROM signing_keys WHERE retiredAt IS NULL')).toEqual([1, 1, 1]);
    const active = await onNode(1, db.name, 'SELECT kid FROM signing_keys WHERE retiredAt IS NULL');
    expect(replies.map((r) => r.body.kid)).toContain(active[0].kid);
  });
});

describe('read-your-writes through another process', () => {
  it('shows a client its own write at once through any other node, every time', async () => {
    const dept = await w.department();
    const enterprise = await w.enterprise();
    for (let i = 0; i < 30; i++) {
      // Issue through A; read, scan and complete through B; rate through C; read through A and B.
      const [a, b, c] = [via(i), via(i + 1), via(i + 2)];
      const issued = await a.post('/api/inspections', w.application(enterprise, [dept]), dept.token);
      expect(issued.status).toBe(201);
      const codeNo = issued.body.codeNo;
      expect((await b.get(`/api/inspections/${codeNo}`, dept.token)).body.codeNo).toBe(codeNo);
      expect((await c.post('/api/scan', { qrContent: issued.body.qrContent }, enterprise.token)).body.verdict).toBe('valid');
      expect((await b.post(`/api/inspections/${codeNo}/complete`, { summary: '现场检查未发现问题' }, dept.token)).status).toBe(200);
      const rated = await c.post(`/api/inspections/${codeNo}/ratings`, { departmentCode: dept.code, recognised: true }, enterprise.token);
      expect(rated.status, JSON.stringify(rated.body)).toBe(201);
      const mine = await a.get('/api/me/inspections', enterprise.token);
      expect(mine.body.items.find((x: { codeNo: string }) => x.codeNo === codeNo)?.departments[0].rating).toMatchObject({
        recognised: true,
      });
      expect((await b.get(`/api/inspections/${codeNo}`, enterprise.token)).body.departments[0].rating).toMatchObject({ recognised: true });
    }
  });
});
