import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../support/api.js';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { spawnServer } from '../support/process.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Two officers applying at the same moment must not both slip under the annual cap or both pass
 * the repeat check: on one server, and across servers and processes over one database. The same
 * races across the nodes of a Galera cluster are in tests/galera/consistency.test.ts.
 */
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const RACERS = 8;

interface Race {
  d: TestDepartment;
  e: TestEnterprise;
  planNo: string;
  /** Sessions of two officers of the department, taking turns. */
  tokens: string[];
}

/** A department with one item per racer, an enterprise, and a plan covering both. */
async function prepare(w: World): Promise<Race> {
  const d = await w.department({ officers: 3, items: RACERS });
  const e = await w.enterprise();
  return { d, e, planNo: await w.plan(d, [e]), tokens: [d.token, await w.login('officer', d.officers[1]!)] };
}

/** Fires every application at once, spread over the given servers. */
function race(r: Race, apis: Api[], itemFor: (i: number) => string) {
  const now = Date.now();
  return Promise.all(
    Array.from({ length: RACERS }, (_, i) =>
      apis[i % apis.length]!.post(
        '/api/inspections',
        {
          kind: 'planned',
          planNo: r.planNo,
          enterpriseCreditCode: r.e.creditCode,
          validFrom: iso(now + HOUR),
          validTo: iso(now + 5 * HOUR),
          departments: [{ departmentCode: r.d.code, officerCertNos: r.d.officers.slice(0, 2), itemCodes: [itemFor(i)] }],
        },
        r.tokens[i % r.tokens.length],
      ),
    ),
  );
}

function expectExactly(replies: { status: number; body: any }[], issued: number, code: string) {
  const unexpected = replies.filter((x) => x.status !== 201 && x.status !== 409).map((x) => x.body);
  expect(replies.map((x) => x.status).sort(), JSON.stringify(unexpected)).toEqual([
    ...Array(issued).fill(201),
    ...Array(RACERS - issued).fill(409),
  ]);
  for (const x of replies.filter((x) => x.status === 409)) expect(x.body.code).toBe(code);
}

const countSql = 'SELECT COUNT(*) AS n FROM inspections WHERE enterpriseCreditCode = ? AND revokedAt IS NULL';

/** Cap race and repeat race, each on a fresh enterprise, spread over `apis`. */
async function bothRaces(w: World, apis: Api[], count: (creditCode: string) => Promise<number>) {
  const r = await prepare(w);
  expectExactly(await race(r, apis, (i) => r.d.items[i]!), 2, 'ANNUAL_CAP_REACHED');
  expect(await count(r.e.creditCode)).toBe(2);
  const r2 = await prepare(w);
  expectExactly(await race(r2, [...apis].reverse(), () => r2.d.items[0]!), 1, 'REPEATED_INSPECTION');
  expect(await count(r2.e.creditCode)).toBe(1);
}

describe('racing applications for one enterprise', () => {
  let t: TestServer;
  let w: World;
  const count = async (creditCode: string) => Number((await t.services.ds.query(countSql, [creditCode]))[0].n);
  beforeAll(async () => {
    t = await startTestServer();
    w = await World.create(t);
  });
  afterAll(() => t.close());

  it(`issues exactly 2 of ${RACERS} simultaneous planned applications at an annual cap of 2`, async () => {
    const r = await prepare(w);
    expectExactly(await race(r, [t.api], (i) => r.d.items[i]!), 2, 'ANNUAL_CAP_REACHED');
    expect(await count(r.e.creditCode)).toBe(2);
  });

  it(`issues exactly 1 of ${RACERS} simultaneous planned applications for the same item (repeat check)`, async () => {
    const r = await prepare(w);
    expectExactly(await race(r, [t.api], () => r.d.items[0]!), 1, 'REPEATED_INSPECTION');
    expect(await count(r.e.creditCode)).toBe(1);
  });

  it('holds across two servers on one database', async () => {
    const second = await startTestServer({}, t.db);
    try {
      await bothRaces(w, [t.api, second.api], count);
    } finally {
      await second.close();
    }
  });

  it('holds across two operating-system processes on one database', async () => {
    // spawnServer picks the port itself.
    const env = Object.fromEntries(Object.entries(t.env).filter(([key]) => key !== 'PORT' && key !== 'HOST'));
    const other = await spawnServer(env);
    try {
      await bothRaces(w, [t.api, new Api(other.url)], count);
    } finally {
      other.child.kill('SIGTERM');
      await other.exited;
    }
  });
});
