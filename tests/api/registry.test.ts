import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCreditCode, World } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
});
afterAll(() => t.close());

describe('reference data (admin)', () => {
  it('adds and lists departments, officers, enterprises, items and scenarios', async () => {
    const a = await w.department();
    const b = await w.department();
    const creditCode = newCreditCode();
    const e = await t.api.post('/api/admin/enterprises', { creditCode, name: '上海测试有限公司', kind: 'legal_person', creditGrade: 'A' }, w.adminToken);
    expect(e.status).toBe(201);
    const sc = await t.api.post(
      '/api/admin/scenarios',
      { code: 'CJ-T1', name: '餐饮服务', leadDepartmentCode: a.code, departmentCodes: [b.code], itemCodes: [a.items[0], b.items[0]] },
      w.adminToken,
    );
    expect(sc.status).toBe(201);
    expect(sc.body.departmentCodes).toEqual([a.code, b.code]);

    for (const [path, key, value] of [
      ['/api/admin/departments', 'code', a.code],
      ['/api/admin/officers', 'certNo', a.officers[0]],
      ['/api/admin/enterprises', 'creditCode', creditCode],
      ['/api/admin/items', 'code', b.items[1]],
      ['/api/admin/scenarios', 'code', 'CJ-T1'],
    ] as const) {
      const list = await t.api.get(path, w.supervisorToken);
      expect(list.status, path).toBe(200);
      expect(list.body.map((row: Record<string, string>) => row[key])).toContain(value);
    }
  });

  it('validates credit codes, including the organisation code check digit', async () => {
    const valid = newCreditCode();
    const wrongLast = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const r = await t.api.post('/api/admin/enterprises', { creditCode: wrongLast, name: 'x' }, w.adminToken);
    expect(r.status).toBe(400);
    expect(r.body.errors[0]).toMatchObject({ path: 'body.creditCode', message: expect.stringMatching(/check character/) });

    // Position 17 is GB 11714's check digit over positions 9-16: change it and fix position 18.
    const { withCheckCharacters, creditCodeCheckCharacter } = await import('@inspection-code/shared');
    const good = withCheckCharacters('91310115' + '12345678');
    const badOrg = good.slice(0, 16) + (good[16] === '0' ? '1' : '0');
    const badOrgFull = badOrg + creditCodeCheckCharacter(badOrg);
    const r2 = await t.api.post('/api/admin/enterprises', { creditCode: badOrgFull, name: 'x' }, w.adminToken);
    expect(r2.status).toBe(400);
    expect(r2.body.detail).toMatch(/organisation code/);
  });

  it('refuses a duplicate with 409 ALREADY_EXISTS and leaves the first untouched', async () => {
    const d = await w.department();
    const r = await t.api.post('/api/admin/departments', { code: d.code, name: '重名' }, w.adminToken);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('ALREADY_EXISTS');
    const list = await t.api.get('/api/admin/departments', w.adminToken);
    expect(list.body.find((x: { code: string }) => x.code === d.code).name).not.toBe('重名');
  });

  it('refuses references to unknown departments and items with 422', async () => {
    const r = await t.api.post('/api/admin/officers', { certNo: 'OFF-X', name: '张三', departmentCode: 'NOPE' }, w.adminToken);
    expect(r.status).toBe(422);
    expect(r.body.code).toBe('UNKNOWN_REFERENCE');
    const d = await w.department();
    const s = await t.api.post('/api/admin/scenarios', { code: 'CJ-X', name: 'x', leadDepartmentCode: d.code, departmentCodes: [d.code], itemCodes: ['NOPE'] }, w.adminToken);
    expect(s.body.code).toBe('UNKNOWN_REFERENCE');
    const other = await w.department();
    const s2 = await t.api.post('/api/admin/scenarios', { code: 'CJ-Y', name: 'x', leadDepartmentCode: d.code, departmentCodes: [d.code], itemCodes: [other.items[0]] }, w.adminToken);
    expect(s2.body.code).toBe('ITEM_NOT_OF_DEPARTMENT');
  });

  it('keeps the two exemption lists with who and when, idempotently', async () => {
    const e = await w.enterprise();
    const d = await w.department();
    const put = await t.api.put(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ key: e.creditCode, addedBy: 'test-admin', addedAt: expect.any(String) });
    expect((await t.api.put(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken)).body.addedAt).toBe(put.body.addedAt);
    expect((await t.api.put(`/api/admin/exemptions/items/${d.items[0]}`, w.adminToken)).status).toBe(200);

    expect((await t.api.get('/api/admin/exemptions/enterprises', w.adminToken)).body.map((x: { key: string }) => x.key)).toContain(e.creditCode);
    expect((await t.api.get('/api/admin/exemptions/items', w.adminToken)).body.map((x: { key: string }) => x.key)).toContain(d.items[0]);

    expect((await t.api.delete(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken)).status).toBe(204);
    expect((await t.api.delete(`/api/admin/exemptions/enterprises/${e.creditCode}`, w.adminToken)).status).toBe(404);
    expect((await t.api.put(`/api/admin/exemptions/items/NOPE`, w.adminToken)).status).toBe(404);
  });

  it('is writable by the admin only', async () => {
    const officer = (await w.department()).token;
    for (const token of [officer, w.supervisorToken]) {
      expect((await t.api.post('/api/admin/departments', { code: 'ZZ', name: 'z' }, token)).status).toBe(403);
      expect((await t.api.put(`/api/admin/exemptions/items/X`, token)).status).toBe(403);
      expect((await t.api.post('/api/admin/keys/rotate', {}, token)).status).toBe(403);
    }
  });
});
