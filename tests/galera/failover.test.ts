import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../support/api.js';
import type { TestDepartment, TestEnterprise, World } from '../support/fixtures.js';
import { cluster, createClusterDatabase, eventually, NODES, onNode, startServersTogether, worldVia, type NodeServer } from './support.js';

/**
 * Node 3 of the cluster is killed (SIGKILL) while all three processes serve writes and scans, and
 * later rejoins (IST from a peer). The processes on nodes 1 and 2 keep serving, the one on node 3
 * answers 503 problem details and recovers by itself, no acknowledged write is lost, and all
 * nodes end up with the same rows.
 */
interface Outcome {
  server: number;
  at: number;
  kind: 'apply' | 'scan';
  status: number;
  code?: string;
  contentType?: string | null;
  codeNo?: string;
}

let db: Awaited<ReturnType<typeof createClusterDatabase>>;
let servers: NodeServer[];
let close: () => Promise<void>;
let w: World;

beforeAll(async () => {
  db = await createClusterDatabase();
  ({ servers, close } = await startServersTogether(db.name));
  w = await worldVia(servers[0]!);
});
afterAll(async () => {
  await close?.();
  // Leave the cluster whole for whatever runs next, even if the test failed half-way.
  await cluster('start');
  await db?.drop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sequential requests against one process until `until()` says stop (bounded in count too). */
async function worker(
  index: number,
  dept: TestDepartment,
  enterprises: TestEnterprise[],
  qrContent: string,
  until: () => boolean,
  out: Outcome[],
) {
  const api = servers[index]!.api;
  for (let i = 0; i < 5000 && !until(); i++) {
    const kind = i % 2 === 0 ? 'apply' : 'scan';
    let r: Reply;
    try {
      r =
        kind === 'apply'
          ? await api.post('/api/inspections', w.application(enterprises[i % enterprises.length]!, [dept]), dept.token)
          : await api.post('/api/scan', { qrContent });
    } catch (err) {
      out.push({ server: index, at: Date.now(), kind, status: 0, code: String(err) });
      await sleep(100);
      continue;
    }
    out.push({
      server: index,
      at: Date.now(),
      kind,
      status: r.status,
      code: r.body?.code,
      contentType: r.headers.get('content-type'),
      codeNo: r.status === 201 ? r.body.codeNo : undefined,
    });
    if (r.status >= 500) await sleep(100);
  }
}

describe('a node fails under load', () => {
  it('keeps serving through the other nodes, answers 503 on the dead one, recovers when it rejoins, and loses no acknowledged write', async () => {
    const dept = await w.department();
    const enterprises = await Promise.all(Array.from({ length: 12 }, () => w.enterprise()));
    const code = await w.issue(enterprises[0]!, [dept]);
    const out: Outcome[] = [];
    let stop = false;
    const workers = servers.flatMap((_, i) => [0, 1].map(() => worker(i, dept, enterprises, code.qrContent, () => stop, out)));

    try {
      await sleep(2000);
      const killedAt = Date.now();
      await cluster('kill', 3);
      // The process on node 3 notices at once: its health check and its requests answer 503.
      await eventually(
        'health 503 on node 3',
        () => servers[2]!.api.get('/api/health'),
        (r) => r.status === 503,
        20_000,
      );
      // Writes on the survivors pause until the group drops node 3 (evs.suspect_timeout, 5 s), then resume.
      await sleep(10_000);
      const rejoinAt = Date.now();
      await cluster('start');
      const recovered = await eventually(
        'health 200 on node 3',
        () => servers[2]!.api.get('/api/health'),
        (r) => r.status === 200,
        60_000,
      );
      expect(recovered.body).toEqual({ status: 'ok', db: 'mysql' });
      const recoveredAt = Date.now();
      await sleep(3000);
      stop = true;
      await Promise.all(workers);

      const after = (s: number, t: number) => out.filter((o) => o.server === s && o.at > t);
      // Nodes 1 and 2: never an error, and writes acknowledged while node 3 was down.
      for (const s of [0, 1]) {
        const errors = out.filter((o) => o.server === s && o.status !== 200 && o.status !== 201);
        expect(errors, `process on node ${s + 1}`).toEqual([]);
        expect(
          after(s, killedAt + 7000).filter((o) => o.at < rejoinAt && o.status === 201).length,
          `writes on node ${s + 1} while node 3 was down`,
        ).toBeGreaterThan(0);
      }
      // Node 3: 503 problem details while its node was down, never a 500, and service again after.
      const down = out.filter((o) => o.server === 2 && o.at > killedAt && o.at < recoveredAt);
      expect(down.filter((o) => o.status === 503).length).toBeGreaterThan(0);
      for (const o of down.filter((o) => o.status === 503)) {
        expect(o.code).toBe('SERVICE_UNAVAILABLE');
        expect(o.contentType).toContain('application/problem+json');
      }
      expect(out.filter((o) => o.server === 2 && ![200, 201, 503].includes(o.status))).toEqual([]);
      expect(after(2, recoveredAt).filter((o) => o.status === 201).length).toBeGreaterThan(0);

      // Every acknowledged write is on every node, and the nodes hold the same rows.
      const acknowledged = out.filter((o) => o.codeNo).map((o) => o.codeNo!);
      expect(acknowledged.length).toBeGreaterThan(20);
      const fingerprint = 'SELECT COUNT(*) AS n, BIT_XOR(CRC32(codeNo)) AS x FROM inspections';
      const prints = await Promise.all(NODES.map((n) => onNode(n, db.name, fingerprint)));
      expect(prints.map((p) => `${p[0].n}/${p[0].x}`)).toEqual(Array(3).fill(`${prints[0]![0].n}/${prints[0]![0].x}`));
      for (const n of NODES) {
        const rows = await onNode<{ codeNo: string }>(n, db.name, 'SELECT codeNo FROM inspections WHERE codeNo IN (?)', [acknowledged]);
        expect(rows.length, `acknowledged codes on node ${n}`).toBe(acknowledged.length);
      }
      const times = out.filter((o) => o.server < 2).map((o) => o.at);
      const pause = Math.max(...times.slice(1).map((t, i) => t - times[i]!));
      console.log(
        `failover: ${out.length} requests, ${acknowledged.length} codes issued; longest pause on nodes 1-2 ${(pause / 1000).toFixed(1)} s; ` +
          `node 3 down ${((recoveredAt - killedAt) / 1000).toFixed(1)} s ` +
          `(rejoin took ${((recoveredAt - rejoinAt) / 1000).toFixed(1)} s); node 3 answered 503 ${down.filter((o) => o.status === 503).length} times`,
      );
    } finally {
      stop = true;
      await Promise.all(workers);
    }
  });
});
