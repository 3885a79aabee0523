import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeCodeToken, verifyCodeToken } from '@inspection-code/shared';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
let dept: TestDepartment;
let partner: TestDepartment;
let enterprise: TestEnterprise;
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
  dept = await w.department();
  partner = await w.department();
  enterprise = await w.enterprise();
});
afterAll(() => t.close());

describe('applying for a code (申领赋码)', () => {
  it('issues a triggered code with a signed ES256 token in QR content of at most 400 characters', async () => {
    const r = await w.apply(enterprise, [dept]);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      codeNo: expect.stringMatching(/^JC\d{6}[0-9A-Z]{6}$/),
      kind: 'triggered',
      status: 'issued',
      reason: '群众投诉',
      enterprise: { creditCode: enterprise.creditCode, name: enterprise.name },
      notice: { title: '检查通知', text: expect.stringContaining('群众投诉') },
    });
    expect(r.body.departments[0]).toMatchObject({ departmentCode: dept.code, officers: [{ certNo: dept.officers[0] }, { certNo: dept.officers[1] }] });
    expect(r.body.qrContent.length).toBeLessThanOrEqual(400);
    expect(r.body.qrContent.endsWith(r.body.token)).toBe(true);

    const decoded = decodeCodeToken(r.body.qrContent);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.header).toEqual({ alg: 'ES256', kid: expect.any(String) });
    expect(decoded.claims).toEqual({
      c: r.body.codeNo,
      e: enterprise.creditCode,
      d: [dept.code],
      k: 't',
      nbf: Math.floor(Date.parse(r.body.validFrom) / 1000),
      exp: Math.floor(Date.parse(r.body.validTo) / 1000),
    });
    const jwks = (await t.api.get('/api/keys')).body;
    expect(verifyCodeToken(r.body.qrContent, jwks, Math.floor(Date.now() / 1000)).verdict).toBe('valid');
  });

  it('requires the reason and clue of a triggered code, and the start of an emergency one', async () => {
    const t1 = await w.apply(enterprise, [dept], { reason: undefined, clueRef: undefined });
    expect(t1.status).toBe(400);
    expect(t1.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.clueRef', 'body.reason']);
    const e1 = await w.apply(enterprise, [dept], { kind: 'emergency', clueRef: undefined });
    expect(e1.body.errors.map((e: { path: string }) => e.path)).toEqual(['body.startedAt']);
    const e2 = await w.apply(enterprise, [dept], { kind: 'emergency', startedAt: iso(t.clock.now().getTime() - 2 * HOUR) });
    expect(e2.status).toBe(201);
    expect(e2.body).toMatchObject({ kind: 'emergency', startedAt: expect.any(String) });
  });

  it('issues one joint code for several departments', async () => {
    const r = await w.apply(enterprise, [dept, partner]);
    expect(r.status).toBe(201);
    expect(r.body.departments.map((d: { departmentCode: string }) => d.departmentCode)).toEqual([dept.code, partner.code]);
    expect(decodeCodeToken(r.body.qrContent).ok && (decodeCodeToken(r.body.qrContent) as any).claims.d).toEqual([dept.code, partner.code]);
  });

  it('enforces the two-person rule per department', async () => {
    const r = await w.apply(enterprise, [dept], {
      departments: [{ departmentCode: dept.code, officerCertNos: [dept.officers[0], dept.officers[0]], itemCodes: [dept.items[0]] }],
    });
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('TWO_PERSON_RULE');
  });

  it('refuses inactive officers and officers of another department', async () => {
    const d = await w.department({ officers: 3 });
    await t.api.request('PATCH', `/api/admin/officers/${d.officers[2]}`, { body: { active: false }, token: w.adminToken });
    const inactive = await w.apply(enterprise, [d], { departments: [{ departmentCode: d.code, officerCertNos: [d.officers[0], d.officers[2]], itemCodes: [d.items[0]] }] });
    expect(inactive.body.code).toBe('OFFICER_INACTIVE');
    const foreign = await w.apply(enterprise, [d], { departments: [{ departmentCode: d.code, officerCertNos: [d.officers[0], partner.officers[0]], itemCodes: [d.items[0]] }] });
    expect(foreign.body.code).toBe('OFFICER_NOT_OF_DEPARTMENT');
    const item = await w.apply(enterprise, [d], { departments: [{ departmentCode: d.code, officerCertNos: d.officers.slice(0, 2), itemCodes: [partner.items[0]] }] });
    expect(item.body.code).toBe('ITEM_NOT_OF_DEPARTMENT');
  });

  it('lets an officer apply only with its own department taking part', async () => {
    const r = await t.api.post('/api/inspections', w.application(enterprise, [partner]), dept.token);
    expect(r.status).toBe(403);
    expect(r.body.code).toBe('NOT_OWN_DEPARTMENT');
  });

  it('refuses windows that have ended, run backwards, or exceed 30 days', async () => {
    const now = t.clock.now().getTime();
    expect((await w.apply(enterprise, [dept], { validFrom: iso(now - 3 * HOUR), validTo: iso(now - HOUR) })).body.code).toBe('INVALID_WINDOW');
    expect((await w.apply(enterprise, [dept], { validFrom: iso(now + 2 * HOUR), validTo: iso(now + HOUR) })).body.code).toBe('VALIDATION_FAILED');
    expect((await w.apply(enterprise, [dept], { validFrom: iso(now), validTo: iso(now + 31 * 24 * HOUR) })).body.code).toBe('INVALID_WINDOW');
    expect((await w.apply(enterprise, [dept], { validFrom: iso(now), validTo: iso(now + 30 * 24 * HOUR) })).status).toBe(201);
  });

  it('refuses an unknown enterprise and writes nothing on any refusal', async () => {
    const before = (await t.api.get('/api/plans', w.supervisorToken)).body.length;
    const r = await w.apply({ ...enterprise, creditCode: '91310115MA1FL0AB1X'.slice(0, 17) + 'X' }, [dept]);
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    const count = async () => (await t.services.ds.query('SELECT COUNT(*) AS n FROM inspection_departments'))[0].n;
    const rows = Number(await count());
    await w.apply(enterprise, [dept, partner], {
      departments: [
        { departmentCode: dept.code, officerCertNos: dept.officers.slice(0, 2), itemCodes: [dept.items[0]] },
        { departmentCode: partner.code, officerCertNos: [partner.officers[0]], itemCodes: [partner.items[0]] },
      ],
    });
    expect(Number(await count())).toBe(rows);
    expect((await t.api.get('/api/plans', w.supervisorToken)).body.length).toBe(before);
  });

  it('is for officers only', async () => {
    expect((await t.api.post('/api/inspections', w.application(enterprise, [dept]), enterprise.token)).status).toBe(403);
    expect((await t.api.post('/api/inspections', w.application(enterprise, [dept]), w.adminToken)).status).toBe(403);
    expect((await t.api.post('/api/inspections', w.application(enterprise, [dept]))).status).toBe(401);
  });
});

describe('signing keys', () => {
  it('publishes a JWKS of P-256 keys with kids', async () => {
    const r = await t.api.get('/api/keys');
    expect(r.status).toBe(200);
    expect(r.body.keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x: expect.any(String), y: expect.any(String), kid: expect.any(String), alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(r.body)).not.toMatch(/"d"/);
  });

  it('rotates: new codes use the new key, old codes keep verifying until they expire', async () => {
    const before = await w.issue(enterprise, [dept]);
    const oldKid = (decodeCodeToken(before.qrContent) as any).header.kid;
    const rotated = await t.api.post('/api/admin/keys/rotate', {}, w.adminToken);
    expect(rotated.status).toBe(201);
    expect(rotated.body.kid).not.toBe(oldKid);

    const after = await w.issue(enterprise, [dept]);
    expect((decodeCodeToken(after.qrContent) as any).header.kid).toBe(rotated.body.kid);
    const kids = (await t.api.get('/api/keys')).body.keys.map((k: { kid: string }) => k.kid);
    expect(kids.slice(0, 2)).toEqual([rotated.body.kid, oldKid]);
    expect((await w.scan(before.qrContent)).body.verdict).toBe('valid');
    expect((await w.scan(after.qrContent)).body.verdict).toBe('valid');

    // Once every code the old key could have signed has expired, it leaves the JWKS.
    t.clock.advance(31 * 24 * HOUR);
    try {
      expect((await t.api.get('/api/keys')).body.keys.map((k: { kid: string }) => k.kid)).not.toContain(oldKid);
    } finally {
      t.clock.advance(-31 * 24 * HOUR);
    }
  });
});

describe('two server processes over one database', () => {
  it('verify each other’s codes and see each other’s key rotations', async () => {
    const second = await startTestServer({}, t.db);
    try {
      const code = await w.issue(enterprise, [dept]);
      expect((await second.api.post('/api/scan', { qrContent: code.qrContent })).body.verdict).toBe('valid');
      const kid = (await second.api.post('/api/admin/keys/rotate', {}, await new World(second).login('admin', 'ops2'))).body.kid;
      const fresh = await w.issue(enterprise, [dept]);
      expect((decodeCodeToken(fresh.qrContent) as any).header.kid).toBe(kid);
      expect((await second.api.post('/api/scan', { qrContent: fresh.qrContent })).body.verdict).toBe('valid');
      // Sessions issued by one process are accepted by the other (shared secret).
      expect((await second.api.get('/api/me', w.adminToken)).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});
