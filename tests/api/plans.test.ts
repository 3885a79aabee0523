import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCreditCode, World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
let dept: TestDepartment;
let other: TestDepartment;
let enterprise: TestEnterprise;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
  dept = await w.department();
  other = await w.department();
  enterprise = await w.enterprise();
});
afterAll(() => t.close());

async function filePlan(overrides: Record<string, unknown> = {}, token = dept.token) {
  const now = t.clock.now().getTime();
  return t.api.post(
    '/api/plans',
    { name: '2026年度食品安全双随机检查', itemCodes: dept.items.slice(0, 2), enterpriseCreditCodes: [enterprise.creditCode], periodFrom: iso(now - DAY), periodTo: iso(now + 60 * DAY), ...overrides },
    token,
  );
}

describe('plans (检查计划备案)', () => {
  it('files a plan for the officer’s own department and gives it a plan number', async () => {
    const r = await filePlan();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ planNo: expect.stringMatching(/^JH/), departmentCode: dept.code, itemCodes: dept.items.slice(0, 2) });
    expect((await t.api.get(`/api/plans/${r.body.planNo}`, dept.token)).body.planNo).toBe(r.body.planNo);
  });

  it('refuses items of another department, unknown enterprises, and a reversed period', async () => {
    expect((await filePlan({ itemCodes: [other.items[0]] })).body.code).toBe('ITEM_NOT_OF_DEPARTMENT');
    expect((await filePlan({ enterpriseCreditCodes: [newCreditCode()] })).body.code).toBe('UNKNOWN_REFERENCE');
    const now = t.clock.now().getTime();
    const reversed = await filePlan({ periodFrom: iso(now + DAY), periodTo: iso(now) });
    expect(reversed.status).toBe(400);
    expect(reversed.body.code).toBe('VALIDATION_FAILED');
  });

  it('shows a department only its own plans', async () => {
    const mine = (await filePlan()).body.planNo;
    const theirs = (await t.api.get('/api/plans', other.token)).body.map((p: { planNo: string }) => p.planNo);
    expect(theirs).not.toContain(mine);
    expect((await t.api.get(`/api/plans/${mine}`, other.token)).status).toBe(404);
    expect((await t.api.get('/api/plans', w.supervisorToken)).body.map((p: { planNo: string }) => p.planNo)).toContain(mine);
  });
});

describe('planned codes must fit their plan', () => {
  const planned = (planNo: string, overrides: Record<string, unknown> = {}) =>
    w.apply(enterprise, [dept], { kind: 'planned', planNo, reason: undefined, clueRef: undefined, ...overrides });

  it('issues a planned code inside its plan', async () => {
    const planNo = (await filePlan()).body.planNo;
    const r = await planned(planNo);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ kind: 'planned', planNo });
  });

  it('requires a plan number', async () => {
    const r = await planned(undefined as unknown as string);
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('body.planNo');
  });

  it('refuses a plan of another department', async () => {
    const theirs = (await filePlan({ itemCodes: other.items.slice(0, 2) }, other.token)).body.planNo;
    const r = await planned(theirs);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('PLAN_MISMATCH');
  });

  it('refuses a window outside the plan period', async () => {
    const now = t.clock.now().getTime();
    const planNo = (await filePlan({ periodFrom: iso(now - DAY), periodTo: iso(now + 2 * DAY) })).body.planNo;
    const r = await planned(planNo, { validFrom: iso(now + DAY), validTo: iso(now + 3 * DAY) });
    expect(r.body.code).toBe('PLAN_MISMATCH');
    expect(r.body.detail).toMatch(/window/);
  });

  it('refuses an enterprise or an item the plan does not list', async () => {
    const planNo = (await filePlan({ itemCodes: [dept.items[0]] })).body.planNo;
    const stranger = await w.enterprise();
    const r1 = await w.apply(stranger, [dept], { kind: 'planned', planNo });
    expect(r1.body.code).toBe('PLAN_MISMATCH');
    const r2 = await planned(planNo, {
      departments: [{ departmentCode: dept.code, officerCertNos: dept.officers.slice(0, 2), itemCodes: [dept.items[1]] }],
    });
    expect(r2.body.code).toBe('PLAN_MISMATCH');
    expect(r2.body.detail).toContain(dept.items[1]);
  });

  it('refuses an unknown plan', async () => {
    expect((await planned('JHNOPE')).body.code).toBe('UNKNOWN_REFERENCE');
  });
});
