import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routes } from '@inspection-code/server';
import { startFakeWechat } from '../support/fakeWechat.js';
import { World } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Property-based fuzzing of every route's request schema: generated bodies, query strings and
 * path parameters, sent by a caller whose role the route accepts. The server must never answer
 * 5xx, and a refused write must leave every table as it was.
 */
let t: TestServer;
let tokens: Record<string, string>;
let tables: string[];
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
beforeAll(async () => {
  wechat = await startFakeWechat('wx-fuzz', 'secret');
  t = await startTestServer({ WECHAT_APPID: 'wx-fuzz', WECHAT_SECRET: 'secret', WECHAT_API_BASE: wechat.url });
  const w = await World.create(t);
  const dept = await w.department();
  const enterprise = await w.enterprise();
  await w.issue(enterprise, [dept]);
  tokens = { admin: w.adminToken, supervisor: w.supervisorToken, officer: dept.token, enterprise: enterprise.token };
  tables = t.services.ds.entityMetadatas.map((m) => m.tableName);
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = Number((await t.services.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  return counts;
}

const propertiesOf = (schema: z.ZodType | undefined): string[] => {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
};

/** Bodies: arbitrary JSON, objects with the schema's own keys and arbitrary values, and broken JSON text. */
function bodyArbitrary(keys: string[]) {
  const value = fc.oneof(fc.jsonValue(), fc.string({ unit: 'binary' }), fc.constantFrom('', ' ', 'null', '91310115MA1FL0AB1X', '2026-12-04T00:00:00Z', -1, 1e308, '<script>', "' OR 1=1 --"));
  const shaped = keys.length ? fc.dictionary(fc.constantFrom(...keys, '__proto__', 'constructor', 'id', 'ratedBy', 'role'), value) : fc.constant({});
  return fc.oneof(
    shaped.map((b) => ({ json: b })),
    fc.jsonValue().map((b) => ({ json: b })),
    fc.string({ unit: 'binary' }).map((raw) => ({ raw })),
  );
}

const segment = fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('..', '%', '0', 'JC000000AAAAAA', 'a'.repeat(5000)));

describe('fuzzing every request schema', () => {
  for (const route of routes) {
    const role = route.access === 'anyone' ? undefined : route.access[0];
    it(`${route.method.toUpperCase()} ${route.path}`, async () => {
      const bodyKeys = propertiesOf(route.body);
      const queryKeys = propertiesOf(route.query);
      await fc.assert(
        fc.asyncProperty(
          bodyArbitrary(bodyKeys),
          fc.dictionary(fc.constantFrom(...queryKeys, 'page', 'x'), fc.string({ unit: 'binary', maxLength: 50 })),
          fc.array(segment, { minLength: 3, maxLength: 3 }),
          async (body, query, segments) => {
            let i = 0;
            const path = route.path.replace(/:(\w+)/g, () => encodeURIComponent(segments[i++]!));
            const qs = new URLSearchParams(query).toString();
            const write = route.method !== 'get';
            const before = write ? await rowCounts() : undefined;
            const r = await t.api.request(route.method.toUpperCase(), qs ? `${path}?${qs}` : path, {
              token: role ? tokens[role] : undefined,
              ...(write ? ('raw' in body ? { raw: body.raw } : { body: body.json }) : {}),
            });
            expect(r.status, `${route.method} ${path} → ${JSON.stringify(r.body)}`).toBeLessThan(500);
            if (write && r.status >= 400) expect(await rowCounts()).toEqual(before);
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe('mass assignment', () => {
  it('ignores fields a client may not set', async () => {
    const w = new World(t);
    Object.assign(w, { adminToken: tokens.admin, supervisorToken: tokens.supervisor });
    const dept = await w.department();
    const enterprise = await w.enterprise();
    const code = await w.issue(enterprise, [dept], { codeNo: 'JC999999HACKED', issuedBy: 'someone', revokedAt: new Date().toISOString(), kid: 'evil' });
    expect(code.codeNo).not.toBe('JC999999HACKED');
    expect(code.revokedAt).toBeNull();
    await w.complete(code.codeNo, dept);
    const rating = await t.api.post(`/api/inspections/${code.codeNo}/ratings`, { departmentCode: dept.code, recognised: true, ratedBy: 'victim', enterpriseCreditCode: '91310115MA1FL0AB1X' }, enterprise.token);
    expect(rating.status).toBe(201);
    const [row] = await t.services.ds.query(`SELECT ratedBy, enterpriseCreditCode FROM ratings WHERE codeNo = '${code.codeNo}'`);
    expect(row.ratedBy).not.toBe('victim');
    expect(row.enterpriseCreditCode).toBe(enterprise.creditCode);
  });
});
