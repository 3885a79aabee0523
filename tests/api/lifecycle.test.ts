import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
let lead: TestDepartment;
let partner: TestDepartment;
let enterprise: TestEnterprise;
let stranger: TestEnterprise;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
  lead = await w.department();
  partner = await w.department();
  enterprise = await w.enterprise();
  stranger = await w.enterprise();
});
afterAll(() => t.close());

const rate = (codeNo: string, body: Record<string, unknown>, token = enterprise.token) => t.api.post(`/api/inspections/${codeNo}/ratings`, body, token);

describe('completing an inspection', () => {
  it('completes per department; the inspection is completed when all have', async () => {
    const c = await w.issue(enterprise, [lead, partner]);
    const first = await t.api.post(`/api/inspections/${c.codeNo}/complete`, { summary: '未发现问题' }, lead.token);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('issued');
    expect(first.body.departments[0]).toMatchObject({ departmentCode: lead.code, completedAt: expect.any(String), summary: '未发现问题' });
    expect(first.body.departments[1].completedAt).toBeNull();
    const second = await t.api.post(`/api/inspections/${c.codeNo}/complete`, {}, partner.token);
    expect(second.body.status).toBe('completed');
  });

  it('refuses a second completion, a revoked code, and a code not yet started', async () => {
    const c = await w.issue(enterprise, [lead]);
    await w.complete(c.codeNo, lead);
    expect((await t.api.post(`/api/inspections/${c.codeNo}/complete`, {}, lead.token)).body.code).toBe('ALREADY_COMPLETED');

    const r = await w.issue(enterprise, [lead]);
    await t.api.post(`/api/inspections/${r.codeNo}/revoke`, { reason: '重复申请' }, lead.token);
    expect((await t.api.post(`/api/inspections/${r.codeNo}/complete`, {}, lead.token)).body.code).toBe('REVOKED');

    const now = t.clock.now().getTime();
    const f = await w.issue(enterprise, [lead], { validFrom: iso(now + HOUR), validTo: iso(now + 2 * HOUR) });
    expect((await t.api.post(`/api/inspections/${f.codeNo}/complete`, {}, lead.token)).body.code).toBe('NOT_STARTED');
  });

  it('lets only officers of participating departments complete', async () => {
    const c = await w.issue(enterprise, [lead]);
    expect((await t.api.post(`/api/inspections/${c.codeNo}/complete`, {}, partner.token)).status).toBe(404);
    expect((await t.api.post(`/api/inspections/${c.codeNo}/complete`, {}, enterprise.token)).status).toBe(403);
  });
});

describe('revoking a code', () => {
  it('is for the department that applied, or an admin; once', async () => {
    const c = await w.issue(enterprise, [lead, partner]);
    const byPartner = await t.api.post(`/api/inspections/${c.codeNo}/revoke`, { reason: 'x' }, partner.token);
    expect(byPartner.status).toBe(403);
    expect(byPartner.body.code).toBe('NOT_OWN_DEPARTMENT');
    const r = await t.api.post(`/api/inspections/${c.codeNo}/revoke`, { reason: '企业已停业' }, lead.token);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'revoked', revokeReason: '企业已停业' });
    expect((await t.api.post(`/api/inspections/${c.codeNo}/revoke`, { reason: 'x' }, w.adminToken)).body.code).toBe('ALREADY_REVOKED');

    const d = await w.issue(enterprise, [lead]);
    expect((await t.api.post(`/api/inspections/${d.codeNo}/revoke`, { reason: '平台纠错' }, w.adminToken)).status).toBe(200);
  });

  it('requires a reason and refuses a completed inspection', async () => {
    const c = await w.issue(enterprise, [lead]);
    expect((await t.api.post(`/api/inspections/${c.codeNo}/revoke`, {}, lead.token)).status).toBe(400);
    await w.complete(c.codeNo, lead);
    expect((await t.api.post(`/api/inspections/${c.codeNo}/revoke`, { reason: 'x' }, lead.token)).body.code).toBe('ALREADY_COMPLETED');
  });
});

describe('rating (扫码评价)', () => {
  it('rates each department of a joint inspection separately, once each has completed', async () => {
    const c = await w.issue(enterprise, [lead, partner]);
    const early = await rate(c.codeNo, { departmentCode: lead.code, recognised: true });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('NOT_COMPLETED');

    await w.complete(c.codeNo, lead);
    const r1 = await rate(c.codeNo, { departmentCode: lead.code, recognised: true, comment: '执法规范' });
    expect(r1.status).toBe(201);
    expect(r1.body).toMatchObject({ departmentCode: lead.code, recognised: true, issues: [], disputedItemCodes: [], comment: '执法规范' });
    expect((await rate(c.codeNo, { departmentCode: partner.code, recognised: true })).body.code).toBe('NOT_COMPLETED');

    await w.complete(c.codeNo, partner);
    const r2 = await rate(c.codeNo, { departmentCode: partner.code, recognised: false, disputedItemCodes: [partner.items[0]], issues: ['repeated', 'abusive', 'repeated'] });
    expect(r2.status).toBe(201);
    expect(r2.body).toMatchObject({ recognised: false, disputedItemCodes: [partner.items[0]], issues: ['repeated', 'abusive'] });
  });

  it('answers a second rating of the same department with 409 ALREADY_RATED and keeps the first', async () => {
    const c = await w.issue(enterprise, [lead]);
    await w.complete(c.codeNo, lead);
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: true })).status).toBe(201);
    const again = await rate(c.codeNo, { departmentCode: lead.code, recognised: false, issues: ['abusive'] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RATED');
    const view = await t.api.get(`/api/inspections/${c.codeNo}`, enterprise.token);
    expect(view.body.departments[0].rating).toMatchObject({ recognised: true, issues: [] });
  });

  it('gives exactly one 201 among 16 concurrent identical ratings', async () => {
    const c = await w.issue(enterprise, [lead]);
    await w.complete(c.codeNo, lead);
    const replies = await Promise.all(Array.from({ length: 16 }, () => rate(c.codeNo, { departmentCode: lead.code, recognised: false, issues: ['inaction'] })));
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(15);
    expect(replies.filter((r) => r.status === 409).every((r) => r.body.code === 'ALREADY_RATED')).toBe(true);
    const [{ n }] = await t.services.ds.query(`SELECT COUNT(*) AS n FROM ratings WHERE codeNo = '${c.codeNo}'`);
    expect(Number(n)).toBe(1);
  });

  it('validates disputed items against the department’s items, and recognised against disputes', async () => {
    const c = await w.issue(enterprise, [lead, partner]);
    await w.complete(c.codeNo, lead);
    const foreign = await rate(c.codeNo, { departmentCode: lead.code, recognised: false, disputedItemCodes: [partner.items[0]] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('VALIDATION_FAILED');
    const contradictory = await rate(c.codeNo, { departmentCode: lead.code, recognised: true, disputedItemCodes: [lead.items[0]] });
    expect(contradictory.status).toBe(400);
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: false, issues: ['lazy'] })).status).toBe(400);
    expect((await rate(c.codeNo, { departmentCode: 'NOPE', recognised: true })).body.code).toBe('UNKNOWN_REFERENCE');
    // None of the refusals wrote a rating.
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: true })).status).toBe(201);
  });

  it('is only for the inspected enterprise', async () => {
    const c = await w.issue(enterprise, [lead]);
    await w.complete(c.codeNo, lead);
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: false }, stranger.token)).status).toBe(404);
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: false }, lead.token)).status).toBe(403);
    expect((await rate(c.codeNo, { departmentCode: lead.code, recognised: false }, '')).status).toBe(401);
  });
});

describe('visibility of an inspection (SPEC §2)', () => {
  it('shows ratings to the enterprise and supervisors, never to officers; others get 404', async () => {
    const c = await w.issue(enterprise, [lead]);
    await w.complete(c.codeNo, lead);
    await rate(c.codeNo, { departmentCode: lead.code, recognised: false, issues: ['abusive'], comment: '态度恶劣' });

    const own = await t.api.get(`/api/inspections/${c.codeNo}`, enterprise.token);
    expect(own.body.departments[0].rating).toMatchObject({ recognised: false, comment: '态度恶劣' });
    const sup = await t.api.get(`/api/inspections/${c.codeNo}`, w.supervisorToken);
    expect(sup.body.departments[0].rating.issues).toEqual(['abusive']);
    const officer = await t.api.get(`/api/inspections/${c.codeNo}`, lead.token);
    expect(officer.status).toBe(200);
    expect(officer.body.departments[0]).not.toHaveProperty('rating');
    expect(JSON.stringify(officer.body)).not.toContain('态度恶劣');
    // Nor through a scan made with an officer's session.
    const scanned = await w.scan(c.qrContent, lead.token);
    expect(JSON.stringify(scanned.body)).not.toContain('态度恶劣');

    expect((await t.api.get(`/api/inspections/${c.codeNo}`, partner.token)).status).toBe(404);
    expect((await t.api.get(`/api/inspections/${c.codeNo}`, stranger.token)).status).toBe(404);
    expect((await t.api.get(`/api/inspections/${c.codeNo}`)).status).toBe(401);
    expect((await t.api.get('/api/inspections/JC000000NOPE00', w.adminToken)).status).toBe(404);
  });
});

describe('the record as issued', () => {
  it('shows the same names for a code issued before records were kept (resolved from reference data)', async () => {
    const c = await w.issue(enterprise, [lead, partner]);
    const withRecord = (await t.api.get(`/api/inspections/${c.codeNo}`, w.supervisorToken)).body;
    await t.services.ds.query(`UPDATE inspections SET record = NULL WHERE codeNo = '${c.codeNo}'`);
    const legacy = (await t.api.get(`/api/inspections/${c.codeNo}`, w.supervisorToken)).body;
    expect(legacy).toEqual(withRecord);
    expect(legacy.departments[0].officers[0].name).toBe('执法员1');
  });
});

describe('my inspections (enterprise)', () => {
  it('lists only its own, newest first, with notices and rating state', async () => {
    const fresh = await w.enterprise();
    const a = await w.issue(fresh, [lead]);
    t.clock.advance(1000);
    const b = await w.issue(fresh, [lead, partner]);
    t.clock.advance(-1000);
    await w.issue(stranger, [lead]);
    await w.complete(b.codeNo, lead);
    await rate(b.codeNo, { departmentCode: lead.code, recognised: true }, fresh.token);

    const r = await t.api.get('/api/me/inspections', fresh.token);
    expect(r.status).toBe(200);
    expect(r.body.items.map((i: { codeNo: string }) => i.codeNo)).toEqual([b.codeNo, a.codeNo]);
    expect(r.body.items[0].notice.title).toBe('检查通知');
    expect(r.body.items[0].departments[0].rating).toMatchObject({ recognised: true });
    expect(r.body.items[0].departments[1].rating).toBeNull();
    expect((await t.api.get('/api/me/inspections', lead.token)).status).toBe(403);
  });
});
