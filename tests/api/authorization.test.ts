import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@inspection-code/server';
import { startFakeWechat } from '../support/fakeWechat.js';
import { newCreditCode, World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * Every endpoint × every kind of caller, with the status each must get. A route without a row
 * fails the first test, so a new endpoint cannot ship without deciding who may call it.
 * Each cell gets fresh objects (codes, complaints, …) so the cells do not interfere.
 */
const CALLERS = ['anonymous', 'enterprise', 'otherEnterprise', 'officer', 'otherOfficer', 'supervisor', 'admin'] as const;
type Caller = (typeof CALLERS)[number];
type Request = { path: string; body?: unknown };
interface Row {
  request: (caller: Caller) => Promise<Request> | Request;
  expect: [anonymous: number, enterprise: number, otherEnterprise: number, officer: number, otherOfficer: number, supervisor: number, admin: number];
}

let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
let t: TestServer;
let w: World;
let dept: TestDepartment;
let otherDept: TestDepartment;
let ent: TestEnterprise;
let otherEnt: TestEnterprise;
let tokens: Record<Caller, string | undefined>;
let n = 0;

beforeAll(async () => {
  wechat = await startFakeWechat('wx-matrix', 'secret');
  t = await startTestServer({ WECHAT_APPID: 'wx-matrix', WECHAT_SECRET: 'secret', WECHAT_API_BASE: wechat.url });
  w = await World.create(t);
  dept = await w.department({ officers: 3, items: 4 });
  otherDept = await w.department({ officers: 3, items: 4 });
  ent = await w.enterprise();
  otherEnt = await w.enterprise();
  tokens = {
    anonymous: undefined,
    enterprise: ent.token,
    otherEnterprise: otherEnt.token,
    officer: dept.token,
    otherOfficer: otherDept.token,
    supervisor: w.supervisorToken,
    admin: w.adminToken,
  };
});
afterAll(async () => {
  await t.close();
  await wechat.close();
});

const unique = (prefix: string) => `${prefix}${++n}`;
const now = () => t.clock.now().getTime();
// Each cell uses its own item, so the repeat rule never refuses a matrix application.
const freshCode = async () => {
  const item = unique('MI');
  await w.admin('/api/admin/items', { code: item, name: item, departmentCode: dept.code });
  return w.issue(ent, [dept], { departments: [{ departmentCode: dept.code, officerCertNos: dept.officers.slice(0, 2), itemCodes: [item] }] });
};
const completedCode = async () => {
  const c = await freshCode();
  await w.complete(c.codeNo, dept);
  return c;
};
const freshComplaint = async () => {
  const c = await completedCode();
  await t.api.post(`/api/inspections/${c.codeNo}/ratings`, { departmentCode: dept.code, recognised: false, issues: ['abusive'] }, ent.token);
  const list = await t.api.get(`/api/supervision/complaints?departmentCode=${dept.code}&pageSize=1`, w.supervisorToken);
  return list.body.items[0].id as string | number;
};
const plan = (d: TestDepartment) => ({
  name: '年度检查计划',
  itemCodes: d.items.slice(0, 1),
  enterpriseCreditCodes: [ent.creditCode],
  periodFrom: new Date(now() - 86_400_000).toISOString(),
  periodTo: new Date(now() + 30 * 86_400_000).toISOString(),
});

const ALL = (s: number): Row['expect'] => [s, s, s, s, s, s, s];
const SIGNED_IN = (s: number): Row['expect'] => [401, s, s, s, s, s, s];
const ONLY = (allowed: Partial<Record<Caller, number>>): Row['expect'] =>
  CALLERS.map((c) => allowed[c] ?? (c === 'anonymous' ? 401 : 403)) as Row['expect'];

const matrix: Record<string, Row> = {
  'GET /api/health': { request: () => ({ path: '/api/health' }), expect: ALL(200) },
  'POST /api/auth/dev-login': { request: () => ({ path: '/api/auth/dev-login', body: { role: 'supervisor', subject: 'm' } }), expect: ALL(200) },
  'POST /api/auth/wechat': {
    request: () => {
      const code = unique('wx');
      wechat.sessions.set(code, unique('openid'));
      return { path: '/api/auth/wechat', body: { code } };
    },
    expect: ALL(200),
  },
  'GET /api/me': { request: () => ({ path: '/api/me' }), expect: SIGNED_IN(200) },
  'POST /api/me/binding': {
    request: async (caller) => {
      // Each enterprise user spends a code of its own enterprise, so it stays bound where it was.
      const own = caller === 'otherEnterprise' ? otherEnt : ent;
      const r = await t.api.post(`/api/admin/enterprises/${own.creditCode}/binding-codes`, {}, w.adminToken);
      return { path: '/api/me/binding', body: { creditCode: own.creditCode, bindingCode: r.body.bindingCode } };
    },
    expect: ONLY({ enterprise: 200, otherEnterprise: 200 }),
  },
  'GET /api/keys': { request: () => ({ path: '/api/keys' }), expect: ALL(200) },
  'POST /api/admin/keys/rotate': { request: () => ({ path: '/api/admin/keys/rotate', body: {} }), expect: ONLY({ admin: 201 }) },
  'POST /api/admin/departments': { request: () => ({ path: '/api/admin/departments', body: { code: unique('MD'), name: '部门' } }), expect: ONLY({ admin: 201 }) },
  'POST /api/admin/officers': {
    request: () => ({ path: '/api/admin/officers', body: { certNo: unique('MO'), name: '执法员', departmentCode: dept.code } }),
    expect: ONLY({ admin: 201 }),
  },
  'POST /api/admin/enterprises': { request: () => ({ path: '/api/admin/enterprises', body: { creditCode: newCreditCode(), name: '企业' } }), expect: ONLY({ admin: 201 }) },
  'POST /api/admin/items': { request: () => ({ path: '/api/admin/items', body: { code: unique('MX'), name: '事项', departmentCode: dept.code } }), expect: ONLY({ admin: 201 }) },
  'POST /api/admin/scenarios': {
    request: () => ({ path: '/api/admin/scenarios', body: { code: unique('MS'), name: '场景', leadDepartmentCode: otherDept.code, departmentCodes: [otherDept.code], itemCodes: [otherDept.items[3]] } }),
    expect: ONLY({ admin: 201 }),
  },
  ...Object.fromEntries(
    ['departments', 'officers', 'enterprises', 'items', 'scenarios', 'exemptions/enterprises', 'exemptions/items'].map((list) => [
      `GET /api/admin/${list}`,
      { request: () => ({ path: `/api/admin/${list}` }), expect: ONLY({ officer: 200, otherOfficer: 200, supervisor: 200, admin: 200 }) },
    ]),
  ),
  'PATCH /api/admin/officers/:certNo': { request: () => ({ path: `/api/admin/officers/${dept.officers[2]}`, body: { active: true } }), expect: ONLY({ admin: 200 }) },
  'PUT /api/admin/exemptions/enterprises/:creditCode': {
    request: async () => {
      const e = newCreditCode();
      await w.admin('/api/admin/enterprises', { creditCode: e, name: '企业' });
      return { path: `/api/admin/exemptions/enterprises/${e}` };
    },
    expect: ONLY({ admin: 200 }),
  },
  'DELETE /api/admin/exemptions/enterprises/:creditCode': {
    request: async () => {
      const e = newCreditCode();
      await w.admin('/api/admin/enterprises', { creditCode: e, name: '企业' });
      await t.api.put(`/api/admin/exemptions/enterprises/${e}`, w.adminToken);
      return { path: `/api/admin/exemptions/enterprises/${e}` };
    },
    expect: ONLY({ admin: 204 }),
  },
  'PUT /api/admin/exemptions/items/:itemCode': { request: () => ({ path: `/api/admin/exemptions/items/${otherDept.items[2]}` }), expect: ONLY({ admin: 200 }) },
  'DELETE /api/admin/exemptions/items/:itemCode': {
    request: async () => {
      await t.api.put(`/api/admin/exemptions/items/${otherDept.items[1]}`, w.adminToken);
      return { path: `/api/admin/exemptions/items/${otherDept.items[1]}` };
    },
    expect: ONLY({ admin: 204 }),
  },
  'POST /api/admin/enterprises/:creditCode/binding-codes': { request: () => ({ path: `/api/admin/enterprises/${ent.creditCode}/binding-codes`, body: {} }), expect: ONLY({ admin: 201 }) },
  'POST /api/plans': {
    request: (caller) => ({ path: '/api/plans', body: plan(caller === 'otherOfficer' ? otherDept : dept) }),
    expect: ONLY({ officer: 201, otherOfficer: 201 }),
  },
  'GET /api/plans': { request: () => ({ path: '/api/plans' }), expect: ONLY({ officer: 200, otherOfficer: 200, supervisor: 200, admin: 200 }) },
  'GET /api/plans/:planNo': {
    request: async () => ({ path: `/api/plans/${(await t.api.post('/api/plans', plan(dept), dept.token)).body.planNo}` }),
    expect: ONLY({ officer: 200, otherOfficer: 404, supervisor: 200, admin: 200 }),
  },
  'POST /api/inspections': {
    request: async () => {
      const item = unique('MI');
      await w.admin('/api/admin/items', { code: item, name: item, departmentCode: dept.code });
      return { path: '/api/inspections', body: w.application(ent, [dept], { departments: [{ departmentCode: dept.code, officerCertNos: dept.officers.slice(0, 2), itemCodes: [item] }] }) };
    },
    // Another department's officer may not apply for this department.
    expect: ONLY({ officer: 201, otherOfficer: 403 }),
  },
  'GET /api/inspections/:codeNo': {
    request: async () => ({ path: `/api/inspections/${(await freshCode()).codeNo}` }),
    expect: [401, 200, 404, 200, 404, 200, 200],
  },
  'POST /api/inspections/:codeNo/complete': {
    request: async () => ({ path: `/api/inspections/${(await freshCode()).codeNo}/complete`, body: { summary: '完成' } }),
    expect: ONLY({ officer: 200, otherOfficer: 404 }),
  },
  'POST /api/inspections/:codeNo/revoke': {
    request: async () => ({ path: `/api/inspections/${(await freshCode()).codeNo}/revoke`, body: { reason: '撤销' } }),
    expect: ONLY({ officer: 200, otherOfficer: 404, admin: 200 }),
  },
  'POST /api/scan': { request: async () => ({ path: '/api/scan', body: { qrContent: (await freshCode()).qrContent } }), expect: ALL(200) },
  'POST /api/inspections/:codeNo/ratings': {
    request: async () => ({ path: `/api/inspections/${(await completedCode()).codeNo}/ratings`, body: { departmentCode: dept.code, recognised: true } }),
    expect: ONLY({ enterprise: 201, otherEnterprise: 404 }),
  },
  'GET /api/me/inspections': { request: () => ({ path: '/api/me/inspections' }), expect: ONLY({ enterprise: 200, otherEnterprise: 200 }) },
  'GET /api/supervision/complaints': { request: () => ({ path: '/api/supervision/complaints' }), expect: ONLY({ supervisor: 200 }) },
  'GET /api/supervision/complaints/export.csv': { request: () => ({ path: '/api/supervision/complaints/export.csv' }), expect: ONLY({ supervisor: 200 }) },
  'GET /api/supervision/complaints/:id': { request: async () => ({ path: `/api/supervision/complaints/${await freshComplaint()}` }), expect: ONLY({ supervisor: 200 }) },
  'POST /api/supervision/complaints/:id/transitions': {
    request: async () => ({ path: `/api/supervision/complaints/${await freshComplaint()}/transitions`, body: { action: 'accept', note: '受理' } }),
    expect: ONLY({ supervisor: 200 }),
  },
  'GET /api/supervision/stats': { request: () => ({ path: '/api/supervision/stats' }), expect: ONLY({ supervisor: 200 }) },
  'GET /api/supervision/audit': { request: () => ({ path: '/api/supervision/audit' }), expect: ONLY({ supervisor: 200 }) },
  'GET /api/supervision/flags': { request: () => ({ path: '/api/supervision/flags' }), expect: ONLY({ supervisor: 200 }) },
  'GET /api/department/ratings/summary': {
    request: (caller) => ({ path: caller === 'supervisor' ? `/api/department/ratings/summary?departmentCode=${dept.code}` : '/api/department/ratings/summary' }),
    expect: ONLY({ officer: 200, otherOfficer: 200, supervisor: 200 }),
  },
};

describe('authorization matrix', () => {
  it('has a row for every endpoint, and no row for an endpoint that does not exist', () => {
    const endpoints = routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort();
    expect(Object.keys(matrix).sort()).toEqual(endpoints);
  });

  for (const route of routes) {
    const key = `${route.method.toUpperCase()} ${route.path}`;
    it(key, async () => {
      const row = matrix[key];
      if (!row) throw new Error(`no matrix row for ${key}`);
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, caller] of CALLERS.entries()) {
        const { path, body } = await row.request(caller);
        const r = await t.api.request(route.method.toUpperCase(), path, { token: tokens[caller], body });
        got[caller] = r.status;
        want[caller] = row.expect[i]!;
      }
      expect(got).toEqual(want);
    });
  }

  it('treats tampered and expired sessions as anonymous-but-wrong: 401 everywhere', async () => {
    const tampered = `${w.adminToken.slice(0, -4)}AAAA`;
    for (const path of ['/api/me', '/api/admin/departments', '/api/supervision/complaints', '/api/me/inspections']) {
      expect((await t.api.get(path, tampered)).status, path).toBe(401);
    }
    t.clock.advance(13 * 3_600_000);
    try {
      expect((await t.api.get('/api/supervision/stats', w.supervisorToken)).status).toBe(401);
    } finally {
      t.clock.advance(-13 * 3_600_000);
    }
  });
});
