import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCodeToken, type Jwk } from '@inspection-code/shared';
import { forgeries, garbage, signatureEdgeCases, unknownKid } from '../support/attacks.js';
import { World, type TestDepartment, type TestEnterprise } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
let dept: TestDepartment;
let enterprise: TestEnterprise;
let stranger: TestEnterprise;
let code: { codeNo: string; qrContent: string };
let jwks: { keys: (Jwk & Record<string, string>)[] };
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
  dept = await w.department();
  enterprise = await w.enterprise();
  stranger = await w.enterprise();
  code = await w.issue(enterprise, [dept]);
  jwks = (await t.api.get('/api/keys')).body;
});
afterAll(() => t.close());

describe('scan verdicts (扫码核验)', () => {
  it('valid: shows the whole public record, with the SPEC words', async () => {
    const r = await w.scan(code.qrContent);
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('valid');
    expect(r.body.message).toMatch(/^有效检查码/);
    expect(r.body.inspection).toMatchObject({
      codeNo: code.codeNo,
      kind: 'triggered',
      reason: '群众投诉',
      enterprise: { creditCode: enterprise.creditCode },
      departments: [{ departmentCode: dept.code, officers: [{ certNo: dept.officers[0], name: '执法员1' }, { certNo: dept.officers[1] }], items: [{ code: dept.items[0] }, { code: dept.items[1] }] }],
    });
    expect(r.body.inspection.departments[0]).not.toHaveProperty('rating');
  });

  it('accepts the bare token as well as the URL', async () => {
    const bare = code.qrContent.slice(code.qrContent.lastIndexOf('/') + 1);
    expect((await w.scan(bare)).body.verdict).toBe('valid');
  });

  it('records the enterprise’s first valid scan as its check-in, and only the first', async () => {
    expect((await w.scan(code.qrContent)).body.inspection.checkedInAt).toBeNull();
    expect((await w.scan(code.qrContent, stranger.token)).body.verdict).toBe('wrong_enterprise');
    expect((await w.scan(code.qrContent)).body.inspection.checkedInAt).toBeNull();
    const first = await w.scan(code.qrContent, enterprise.token);
    expect(first.body.verdict).toBe('valid');
    expect(first.body.inspection.checkedInAt).toEqual(expect.any(String));
    t.clock.advance(60_000);
    const second = await w.scan(code.qrContent, enterprise.token);
    t.clock.advance(-60_000);
    expect(second.body.inspection.checkedInAt).toBe(first.body.inspection.checkedInAt);
  });

  it('not_yet_valid before validFrom, expired at validTo, with no leeway', async () => {
    const now = t.clock.now().getTime();
    const later = await w.issue(enterprise, [dept], { validFrom: iso(now + HOUR), validTo: iso(now + 2 * HOUR) });
    const r1 = await w.scan(later.qrContent);
    expect(r1.body.verdict).toBe('not_yet_valid');
    expect(r1.body.message).toMatch(/^未生效/);
    expect(r1.body.inspection.codeNo).toBe(later.codeNo);

    t.clock.advance(2 * HOUR - (t.clock.now().getTime() - now) - 1000);
    try {
      expect((await w.scan(later.qrContent)).body.verdict).toBe('valid');
      t.clock.advance(1000);
      const r2 = await w.scan(later.qrContent);
      expect(r2.body.verdict).toBe('expired');
      expect(r2.body.message).toMatch(/^已过期/);
    } finally {
      t.clock.advance(-(t.clock.now().getTime() - now) + 1000 * 0);
    }
  });

  it('revoked', async () => {
    const c = await w.issue(enterprise, [dept]);
    await t.api.post(`/api/inspections/${c.codeNo}/revoke`, { reason: '申请有误' }, dept.token);
    const r = await w.scan(c.qrContent);
    expect(r.body.verdict).toBe('revoked');
    expect(r.body.message).toMatch(/^已撤销/);
    expect(r.body.inspection.revokeReason).toBe('申请有误');
  });

  it('wrong_enterprise for a user bound to another enterprise; valid for anonymous and the right one', async () => {
    const r = await w.scan(code.qrContent, stranger.token);
    expect(r.body.verdict).toBe('wrong_enterprise');
    expect(r.body.message).toMatch(/^非本企业检查码/);
    expect(r.body.message).toMatch(/拒绝/);
    expect(r.body).not.toHaveProperty('inspection');
  });

  it('keeps the clue of a triggered inspection from anonymous scanners', async () => {
    const anonymous = (await w.scan(code.qrContent)).body.inspection;
    expect(anonymous).toMatchObject({ reason: '群众投诉', clueRef: null, notice: null });
    const own = (await w.scan(code.qrContent, enterprise.token)).body.inspection;
    expect(own).toMatchObject({ clueRef: 'TS-2026-0001', notice: { title: '检查通知' } });
  });

  it('unknown_key for a kid no key has', async () => {
    const r = await w.scan(unknownKid(code.qrContent));
    expect(r.body.verdict).toBe('unknown_key');
    expect(r.body.message).toMatch(/^无法验证签发机关/);
    expect(r.body).not.toHaveProperty('inspection');
  });

  const attacks = ['tamperedPayload', 'tamperedEnterprise', 'flippedSignature', 'allZeroSignature', 'otherKeySameKid', 'algNone', 'algNoneWithSignature', 'hs256WithPublicKey', 'jsonwebtokenOtherKey'];
  it('covers every forgery the attack kit makes', () => {
    expect(Object.keys(forgeries(code.qrContent, jwks.keys[0]!)).sort()).toEqual([...attacks].sort());
  });
  it.each(attacks)('forged: %s', async (name) => {
    const forged = (forgeries(code.qrContent, jwks.keys[0]!) as Record<string, string>)[name]!;
    const r = await w.scan(forged);
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('forged');
    expect(r.body.message).toMatch(/^伪造/);
    expect(r.body).not.toHaveProperty('inspection');
  });

  it.each(garbage.map((g) => [g.slice(0, 20), g]))('malformed: %j', async (_, g) => {
    const r = await w.scan(g);
    expect(r.status).toBe(200);
    expect(r.body.verdict).toBe('malformed');
    expect(r.body.message).toMatch(/^无法识别/);
  });

  it('refuses a body without qrContent with 400, not a verdict', async () => {
    const r = await t.api.post('/api/scan', {});
    expect(r.status).toBe(400);
  });
});

describe('ECDSA edge cases: server, shared verifier and Node’s crypto agree', () => {
  it('accepts high-S and refuses out-of-range, wrongly sized, DER, padded, non-base64url and other-curve signatures', async () => {
    const { createPublicKey, verify } = await import('node:crypto');
    const key = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    const now = Math.floor(t.clock.now().getTime() / 1000);
    for (const [name, qr] of Object.entries(signatureEdgeCases(code.qrContent))) {
      const [h, p, s] = qr.slice(code.qrContent.lastIndexOf('/') + 1).split('.') as [string, string, string];
      const node = /^[A-Za-z0-9_-]+$/.test(s) && verify('sha256', Buffer.from(`${h}.${p}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
      const expected = name === 'highS' ? 'valid' : name === 'padded' || name === 'standardBase64' || name === 'illegalCharacter' ? 'malformed' : 'forged';
      expect(node, name).toBe(name === 'highS');
      expect((await w.scan(qr)).body.verdict, name).toBe(expected);
      expect(verifyCodeToken(qr, jwks, now).verdict, name).toBe(expected);
    }
  });
});

describe('the shared offline verifier agrees with the server', () => {
  it('on valid, tampered, forged, unknown-key and malformed tokens', async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const cases = [code.qrContent, unknownKid(code.qrContent), ...Object.values(forgeries(code.qrContent, jwks.keys[0]!)), ...garbage];
    for (const qr of cases) {
      const server = (await w.scan(qr)).body.verdict;
      const offline = verifyCodeToken(qr, jwks, now).verdict;
      expect(offline, qr.slice(0, 60)).toBe(server);
    }
  });
});
