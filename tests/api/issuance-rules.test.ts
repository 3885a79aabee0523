import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHANGHAI = 8 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const now = () => t.clock.now().getTime();

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
});
afterAll(() => t.close());

/** A department's part of an application: its first two officers and the given items. */
const part = (d: TestDepartment, items = d.items.slice(0, 1)) => ({
  departmentCode: d.code,
  officerCertNos: d.officers.slice(0, 2),
  itemCodes: items,
});
const windowAt = (startMs: number, lengthMs = 2 * HOUR) => ({ validFrom: iso(startMs), validTo: iso(startMs + lengthMs) });

const filePlan = (d: TestDepartment, enterprises: TestEnterprise[], items = d.items) => w.plan(d, enterprises, { items, days: 400 });

/** A planned application of `d` alone (or with `parts`) for one enterprise. */
function applyPlanned(e: TestEnterprise, d: TestDepartment, planNo: string, overrides: Record<string, unknown> = {}) {
  return w.apply(e, [d], { kind: 'planned', planNo, reason: undefined, clueRef: undefined, departments: [part(d)], ...overrides });
}

async function flags(query = '') {
  const r = await t.api.get(`/api/supervision/flags${query}`, w.supervisorToken);
  expect(r.status).toBe(200);
  return r.body as { items: any[]; total: number; page: number; pageSize: number };
}

const inspectionCount = async () => Number((await t.services.ds.query('SELECT COUNT(*) AS n FROM inspections'))[0].n);

describe('exemption lists (无感监管对象清单, 无事不扰事项清单)', () => {
  it('refuses a planned code for a listed enterprise, and allows triggered and emergency ones', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    expect((await t.api.put(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken)).status).toBe(200);

    const before = await inspectionCount();
    const refused = await applyPlanned(e, d, planNo, { justification: '年度计划' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EXEMPT_ENTERPRISE', creditCode: e.creditCode });
    expect(refused.body.detail).toContain('low-disturbance object list');
    expect(refused.body.detail).toMatch(/triggered/);
    expect(await inspectionCount()).toBe(before);

    expect((await w.apply(e, [d])).status).toBe(201);
    expect((await w.apply(e, [d], { kind: 'emergency', clueRef: undefined, startedAt: iso(now() - HOUR) })).status).toBe(201);

    expect((await t.api.delete(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken)).status).toBe(204);
    expect((await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[2]!])] })).status).toBe(201);
  });

  it('refuses a planned code including a listed item, whatever the justification', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    await t.api.put(`/api/admin/exemptions/items/${d.items[1]}`, w.adminToken);

    const refused = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[0]!, d.items[1]!])], justification: '专项整治' });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'EXEMPT_ITEM', itemCodes: [d.items[1]] });
    expect(refused.body.detail).toContain(d.items[1]);
    expect(refused.body.detail).toContain('no-disturbance item list');

    expect((await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[0]!])] })).status).toBe(201);
    const triggered = await w.apply(e, [d], { departments: [part(d, [d.items[1]!])] });
    expect(triggered.status).toBe(201);
  });
});

describe('comprehensive supervision scenarios (综合监管场景)', () => {
  let lead: TestDepartment;
  let partner: TestDepartment;
  let scenarioCode: string;

  beforeAll(async () => {
    lead = await w.department();
    partner = await w.department();
    scenarioCode = `CJ-${lead.code}`;
    await w.admin('/api/admin/scenarios', {
      code: scenarioCode,
      name: '餐饮服务',
      leadDepartmentCode: lead.code,
      departmentCodes: [partner.code],
      itemCodes: [lead.items[0], partner.items[0]],
    });
  });

  it('refuses a scenario item inspected by one department alone with JOINT_REQUIRED, naming what is missing', async () => {
    const e = await w.enterprise();
    const before = await inspectionCount();
    const r = await w.apply(e, [lead], { departments: [part(lead, [lead.items[0]!])] });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('JOINT_REQUIRED');
    expect(r.body.detail).toContain(scenarioCode);
    expect(r.body.detail).toContain(partner.code);
    expect(r.body.detail).toMatch(/justification/);
    expect(r.body.scenarios).toEqual([{ itemCode: lead.items[0], scenarioCode, missingDepartmentCodes: [partner.code] }]);
    expect(await inspectionCount()).toBe(before);
  });

  it('issues the inspection jointly with the scenario’s departments, without a flag', async () => {
    const e = await w.enterprise();
    const r = await w.apply(e, [lead, partner], { departments: [part(lead, [lead.items[0]!]), part(partner, [partner.items[1]!])] });
    expect(r.status).toBe(201);
    expect(r.body.flags).toEqual([]);
    // Items outside every scenario need no partner.
    expect((await w.apply(e, [lead], { departments: [part(lead, [lead.items[1]!])] })).status).toBe(201);
  });

  it('issues it alone with a justification, flagged joint_waived for supervision', async () => {
    const e = await w.enterprise();
    const justification = '专业性强，无法协调联合检查';
    const r = await w.apply(e, [lead], { departments: [part(lead, [lead.items[0]!])], justification });
    expect(r.status).toBe(201);
    expect(r.body.flags).toEqual([{ kind: 'joint_waived', departmentCode: lead.code, detail: expect.stringContaining(scenarioCode) }]);
    const listed = await flags(`?kind=joint_waived&departmentCode=${lead.code}`);
    expect(listed.items[0]).toMatchObject({
      kind: 'joint_waived',
      codeNo: r.body.codeNo,
      justification,
      enterprise: { creditCode: e.creditCode, name: e.name },
    });
  });

  it('suggests joining an upcoming inspection of a missing department', async () => {
    const e = await w.enterprise();
    const theirs = await w.issue(e, [partner], { departments: [part(partner, [partner.items[1]!])] });
    const r = await w.apply(e, [lead], { departments: [part(lead, [lead.items[0]!])] });
    expect(r.body.code).toBe('JOINT_REQUIRED');
    expect(r.body.detail).toContain(`join inspection ${theirs.codeNo}`);
    expect(r.body.upcoming.map((u: { codeNo: string }) => u.codeNo)).toEqual([theirs.codeNo]);
  });
});

describe('repeated inspections (重复检查)', () => {
  it('refuses a planned code of the same department on an overlapping item within 90 days, naming the earlier code', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    const first = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[0]!, d.items[1]!])] });
    expect(first.status).toBe(201);

    const r = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[1]!])], ...windowAt(now() + 80 * DAY) });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('REPEATED_INSPECTION');
    expect(r.body.detail).toContain(first.body.codeNo);
    expect(r.body.detail).toContain(d.items[1]);
    expect(r.body.detail).toMatch(/90 days/);
    expect(r.body.detail).toMatch(/justification/);
    expect(r.body.earlierCodeNos).toEqual([first.body.codeNo]);
  });

  it('tells the officer to use the earlier code when it has not ended yet', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    const first = await w.issue(e, [d], { departments: [part(d)] });
    const r = await applyPlanned(e, d, planNo);
    expect(r.body.code).toBe('REPEATED_INSPECTION');
    expect(r.body.detail).toContain(`Inspect under ${first.codeNo}`);
  });

  it('allows other items, a window more than 90 days away, and a repeat of a revoked code', async () => {
    const d = await w.department();
    const [e1, e2, e3] = [await w.enterprise(), await w.enterprise(), await w.enterprise()];
    const planNo = await filePlan(d, [e1, e2, e3]);
    expect((await applyPlanned(e1, d, planNo, { departments: [part(d, [d.items[0]!])] })).status).toBe(201);
    expect((await applyPlanned(e1, d, planNo, { departments: [part(d, [d.items[1]!])] })).status).toBe(201);

    expect((await applyPlanned(e2, d, planNo)).status).toBe(201);
    expect((await applyPlanned(e2, d, planNo, windowAt(now() + 95 * DAY))).status).toBe(201);

    const earlier = await w.issue(e3, [d], { departments: [part(d)] });
    expect((await applyPlanned(e3, d, planNo)).body.code).toBe('REPEATED_INSPECTION');
    expect((await t.api.post(`/api/inspections/${earlier.codeNo}/revoke`, { reason: '录入错误' }, d.token)).status).toBe(200);
    expect((await applyPlanned(e3, d, planNo)).status).toBe(201);
  });

  it('issues a justified repeat, flagged repeat_justified with the earlier code', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    const first = await w.issue(e, [d], { departments: [part(d)] });
    const r = await applyPlanned(e, d, planNo, { justification: '上次检查发现问题，需复查整改情况' });
    expect(r.status).toBe(201);
    expect(r.body.flags).toContainEqual({
      kind: 'repeat_justified',
      departmentCode: d.code,
      detail: expect.stringContaining(first.codeNo),
    });
    const listed = await flags(`?kind=repeat_justified&departmentCode=${d.code}`);
    expect(listed.items.map((f: { codeNo: string }) => f.codeNo)).toEqual([r.body.codeNo]);
  });

  it('never refuses triggered or emergency codes for repeats', async () => {
    const d = await w.department();
    const e = await w.enterprise();
    await w.issue(e, [d], { departments: [part(d)] });
    expect((await w.apply(e, [d], { departments: [part(d)] })).status).toBe(201);
    expect(
      (await w.apply(e, [d], { kind: 'emergency', clueRef: undefined, startedAt: iso(now() - HOUR), departments: [part(d)] })).status,
    ).toBe(201);
  });
});

describe('annual cap (年度上限)', () => {
  const nextShanghaiYear = () => {
    const year = new Date(now() + SHANGHAI).getUTCFullYear();
    return Date.UTC(year + 1, 0, 1) - SHANGHAI;
  };

  it('refuses a third planned code of a department for one enterprise in a year, and lifts it with a justification', async () => {
    const d = await w.department({ items: 6 });
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    const first = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[0]!])] });
    const second = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[1]!])] });
    expect([first.status, second.status]).toEqual([201, 201]);
    // Triggered codes are counted in the enterprise's totals, never against the planned cap.
    expect((await w.apply(e, [d], { departments: [part(d, [d.items[2]!])] })).status).toBe(201);

    const before = await inspectionCount();
    const r = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[3]!])] });
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ANNUAL_CAP_REACHED');
    expect(r.body.detail).toContain(first.body.codeNo);
    expect(r.body.detail).toContain(second.body.codeNo);
    expect(r.body.detail).toMatch(/cap is 2/);
    expect(r.body.detail).toMatch(/justification/);
    expect(await inspectionCount()).toBe(before);

    const justified = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[3]!])], justification: '专项整治行动要求' });
    expect(justified.status).toBe(201);
    expect(justified.body.flags).toContainEqual({
      kind: 'cap_waived',
      departmentCode: d.code,
      detail: expect.stringContaining(first.body.codeNo),
    });

    // Next calendar year (Asia/Shanghai) starts a new count.
    const nextYear = await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[4]!])], ...windowAt(nextShanghaiYear() + HOUR) });
    expect(nextYear.status).toBe(201);
  });

  it('does not count revoked codes, and counts joint planned codes for every department taking part', async () => {
    const d = await w.department({ items: 6 });
    const partner = await w.department({ items: 4 });
    const e = await w.enterprise();
    const planNo = await filePlan(d, [e]);
    const partnerPlan = await filePlan(partner, [e]);
    const one = await w.issue(e, [d], {
      kind: 'planned',
      planNo,
      reason: undefined,
      clueRef: undefined,
      departments: [part(d, [d.items[0]!])],
    });
    await t.api.post(`/api/inspections/${one.codeNo}/revoke`, { reason: '计划调整' }, d.token);
    expect((await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[1]!])] })).status).toBe(201);
    // A joint planned code of d counts for the partner too: one more of its own reaches its cap.
    const joint = await w.apply(e, [d, partner], {
      kind: 'planned',
      planNo,
      reason: undefined,
      clueRef: undefined,
      departments: [part(d, [d.items[2]!]), part(partner, [partner.items[0]!])],
    });
    expect(joint.status).toBe(201);
    expect((await applyPlanned(e, partner, partnerPlan, { departments: [part(partner, [partner.items[1]!])] })).status).toBe(201);
    const refused = await applyPlanned(e, partner, partnerPlan, { departments: [part(partner, [partner.items[2]!])] });
    expect(refused.body.code).toBe('ANNUAL_CAP_REACHED');
    expect(refused.body.detail).toContain(joint.body.codeNo);
    // d has two live planned codes (the revoked one does not count): its third is refused.
    expect((await applyPlanned(e, d, planNo, { departments: [part(d, [d.items[3]!])] })).body.code).toBe('ANNUAL_CAP_REACHED');
  });
});

describe('enterprise-wide frequency (减频次)', () => {
  /** Monday 10:00 in Shanghai, at least `weeksAhead` weeks from now. */
  const mondayAhead = (weeksAhead: number) => {
    const local = new Date(now() + SHANGHAI + weeksAhead * 7 * DAY);
    const monday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - ((local.getUTCDay() + 6) % 7));
    return monday - SHANGHAI + 10 * HOUR;
  };

  it('flags a second inspection on one day across departments and tells the applicant which inspections are coming', async () => {
    const a = await w.department();
    const b = await w.department();
    const e = await w.enterprise();
    const first = await w.apply(e, [a], { departments: [part(a)] });
    expect(first.status).toBe(201);
    expect(first.body.flags).toEqual([]);
    expect(first.body.upcoming).toEqual([]);

    const second = await w.apply(e, [b], { departments: [part(b)] });
    expect(second.status).toBe(201);
    expect(second.body.flags).toEqual([{ kind: 'frequency', departmentCode: b.code, detail: expect.stringMatching(/limit 1 a day/) }]);
    expect(second.body.flags[0].detail).toContain(first.body.codeNo);
    expect(second.body.upcoming).toEqual([
      {
        codeNo: first.body.codeNo,
        kind: 'triggered',
        validFrom: first.body.validFrom,
        validTo: first.body.validTo,
        departments: [{ departmentCode: a.code, name: expect.any(String) }],
      },
    ]);
    const listed = await flags(`?kind=frequency&departmentCode=${b.code}`);
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0]).toMatchObject({ codeNo: second.body.codeNo, enterprise: { creditCode: e.creditCode } });
  });

  it('flags the third inspection in a week (Monday to Sunday) and the fourth in a month', async () => {
    const depts = [await w.department(), await w.department(), await w.department(), await w.department()];
    const e = await w.enterprise();
    const monday = mondayAhead(2);
    const apply = (i: number, at: number) => w.apply(e, [depts[i]!], { departments: [part(depts[i]!)], ...windowAt(at) });
    expect((await apply(0, monday)).body.flags).toEqual([]);
    expect((await apply(1, monday + 2 * DAY)).body.flags).toEqual([]);
    const third = await apply(2, monday + 4 * DAY);
    expect(third.body.flags).toHaveLength(1);
    expect(third.body.flags[0].detail).toMatch(/limit 2 a week/);

    // One inspection a week, four weeks in one Shanghai month: the fourth is flagged.
    const f = await w.enterprise();
    const local = new Date(now() + SHANGHAI + 40 * DAY);
    const firstOfMonth = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - SHANGHAI + 10 * HOUR;
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await w.apply(f, [depts[i]!], { departments: [part(depts[i]!)], ...windowAt(firstOfMonth + i * 7 * DAY) }));
    }
    expect(results.slice(0, 3).map((r) => r.body.flags)).toEqual([[], [], []]);
    expect(results[3]!.body.flags[0].detail).toMatch(/limit 3 a month/);
    expect(results[3]!.body.flags[0].detail).not.toMatch(/a week/);
  });
});

describe('emergency codes (先检查后补码)', () => {
  it('issues a code applied for within 24 hours of the start without a flag', async () => {
    const d = await w.department();
    const r = await w.apply(await w.enterprise(), [d], { kind: 'emergency', clueRef: undefined, startedAt: iso(now() - 23 * HOUR) });
    expect(r.status).toBe(201);
    expect(r.body.flags).toEqual([]);
  });

  it('issues a late one and flags it late_emergency', async () => {
    const d = await w.department();
    const r = await w.apply(await w.enterprise(), [d], {
      kind: 'emergency',
      clueRef: undefined,
      startedAt: iso(now() - 30 * HOUR),
      validFrom: iso(now() - 31 * HOUR),
    });
    expect(r.status).toBe(201);
    expect(r.body.flags).toEqual([
      { kind: 'late_emergency', departmentCode: d.code, detail: expect.stringMatching(/30\.0 h later, past the 24 h deadline/) },
    ]);
    const listed = await flags(`?kind=late_emergency&departmentCode=${d.code}`);
    expect(listed.items.map((f: { codeNo: string }) => f.codeNo)).toEqual([r.body.codeNo]);
  });
});

describe('GET /api/supervision/flags', () => {
  it('pages newest first and filters by department, kind and period', async () => {
    const d = await w.department();
    const other = await w.department();
    const e = await w.enterprise();
    const codes: string[] = [];
    const issuedAt: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await w.apply(e, [d], {
        kind: 'emergency',
        clueRef: undefined,
        startedAt: iso(now() - 48 * HOUR),
        validFrom: iso(now() - 49 * HOUR),
        departments: [part(d)],
      });
      codes.push(r.body.codeNo);
      issuedAt.push(r.body.issuedAt);
      t.clock.advance(1000);
    }
    await w.apply(await w.enterprise(), [other], {
      kind: 'emergency',
      clueRef: undefined,
      startedAt: iso(now() - 48 * HOUR),
      validFrom: iso(now() - 49 * HOUR),
    });

    const mine = await flags(`?departmentCode=${d.code}&kind=late_emergency&pageSize=2`);
    expect(mine).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(mine.items.map((f) => f.codeNo)).toEqual([codes[2], codes[1]]);
    expect(mine.items[0]).toMatchObject({
      departmentCode: d.code,
      departmentName: expect.stringContaining(d.code),
      enterprise: { creditCode: e.creditCode, name: e.name },
    });
    expect((await flags(`?departmentCode=${d.code}&kind=late_emergency&pageSize=2&page=2`)).items.map((f) => f.codeNo)).toEqual([codes[0]]);
    // The same department's frequency flags are another kind.
    expect((await flags(`?departmentCode=${d.code}&kind=frequency`)).total).toBe(2);

    const from = issuedAt[2];
    expect((await flags(`?departmentCode=${d.code}&kind=late_emergency&from=${from}`)).items.map((f) => f.codeNo)).toEqual([codes[2]]);
    expect((await flags(`?departmentCode=${d.code}&kind=late_emergency&to=${from}`)).total).toBe(2);
    expect((await flags(`?departmentCode=${d.code}&from=${iso(now() + DAY)}`)).total).toBe(0);
    // A bare date is that whole day in Asia/Shanghai.
    const today = new Date(Date.parse(issuedAt[2]!) + SHANGHAI).toISOString().slice(0, 10);
    expect((await flags(`?departmentCode=${d.code}&from=${today}&to=${today}`)).total).toBe(5);
  });

  it('refuses a bad filter with 400', async () => {
    const r = await t.api.get('/api/supervision/flags?kind=nonsense', w.supervisorToken);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect((await t.api.get(`/api/supervision/flags?from=${iso(now())}&to=${iso(now() - DAY)}`, w.supervisorToken)).status).toBe(400);
  });

  it('is for supervisors only', async () => {
    const officer = (await w.department()).token;
    const enterprise = (await w.enterprise()).token;
    expect((await t.api.get('/api/supervision/flags')).status).toBe(401);
    for (const token of [officer, enterprise, w.adminToken]) {
      const r = await t.api.get('/api/supervision/flags', token);
      expect(r.status).toBe(403);
      expect(r.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('the enterprise’s own count (GET /api/me/inspections)', () => {
  it('counts this year’s inspections per department, with the triggered ones, leaving revoked codes out', async () => {
    const a = await w.department({ items: 4 });
    const b = await w.department();
    const e = await w.enterprise();
    const planNo = await filePlan(a, [e]);
    const at = windowAt(now() + 60_000);
    await w.issue(e, [a], { kind: 'planned', planNo, reason: undefined, clueRef: undefined, departments: [part(a, [a.items[0]!])], ...at });
    await w.issue(e, [a, b], { departments: [part(a, [a.items[1]!]), part(b)], ...at });
    await w.issue(e, [b], {
      kind: 'emergency',
      clueRef: undefined,
      startedAt: iso(now() - HOUR),
      departments: [part(b, [b.items[1]!])],
      ...at,
    });
    const revoked = await w.issue(e, [a], { departments: [part(a, [a.items[2]!])], ...at });
    await t.api.post(`/api/inspections/${revoked.codeNo}/revoke`, { reason: '重复申请' }, a.token);

    const r = await t.api.get('/api/me/inspections', e.token);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(4);
    expect(r.body.thisYear).toEqual({
      year: new Date(now() + SHANGHAI).getUTCFullYear(),
      total: 3,
      byDepartment: expect.arrayContaining([
        { departmentCode: a.code, name: expect.any(String), total: 2, planned: 1, triggered: 1, emergency: 0 },
        { departmentCode: b.code, name: expect.any(String), total: 2, planned: 0, triggered: 1, emergency: 1 },
      ]),
    });
    expect(r.body.thisYear.byDepartment).toHaveLength(2);

    const fresh = await w.enterprise();
    expect((await t.api.get('/api/me/inspections', fresh.token)).body.thisYear).toMatchObject({ total: 0, byDepartment: [] });
  });
});

describe('thresholds come from configuration', () => {
  let c: TestServer;
  let cw: World;
  beforeAll(async () => {
    c = await startTestServer({
      ANNUAL_CAP_PLANNED: '1',
      REPEAT_WINDOW_DAYS: '10',
      FREQUENCY_MAX_PER_DAY: '5',
      FREQUENCY_MAX_PER_WEEK: '10',
      FREQUENCY_MAX_PER_MONTH: '10',
      EMERGENCY_DEADLINE_HOURS: '2',
    });
    cw = await World.create(c);
  });
  afterAll(() => c.close());

  it('applies the configured cap, repeat window, frequency limit and emergency deadline', async () => {
    const d = await cw.department({ items: 4 });
    const other = await cw.department();
    const e = await cw.enterprise();
    const cNow = c.clock.now().getTime();
    const planNo = await cw.plan(d, [e], { days: 100 });
    const planned = (items: string[], extra: Record<string, unknown> = {}) =>
      cw.apply(e, [d], {
        kind: 'planned',
        planNo,
        reason: undefined,
        clueRef: undefined,
        departments: [part(d, items)],
        ...extra,
      });

    // A triggered code on items[0] now; a planned one on the same item 12 days later is no repeat with a 10-day window.
    expect((await cw.apply(e, [d], { departments: [part(d, [d.items[0]!])] })).status).toBe(201);
    const later = await planned([d.items[0]!], windowAt(cNow + 12 * DAY));
    expect(later.status).toBe(201);
    const capped = await planned([d.items[1]!], windowAt(cNow + 12 * DAY));
    expect(capped.body.code).toBe('ANNUAL_CAP_REACHED');
    expect(capped.body.detail).toMatch(/cap is 1/);

    // Two on one day across departments: under a limit of 5 a day, no frequency flag.
    expect((await cw.apply(e, [other], { departments: [part(other)] })).body.flags).toEqual([]);

    const emergency = await cw.apply(e, [other], {
      kind: 'emergency',
      clueRef: undefined,
      startedAt: iso(cNow - 3 * HOUR),
      departments: [part(other, [other.items[1]!])],
    });
    expect(emergency.body.flags.map((f: { kind: string }) => f.kind)).toEqual(['late_emergency']);
  });
});
