/**
 * Fixture factories for component tests: a signing key and genuine codes (signed here with Node's
 * crypto, verified by the app with the shared pure-JS verifier), inspections as the API returns
 * them, and a fake API answering `Taro.request`.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Rating, User } from '@inspection-code/shared';
import type { InspectionView } from '../services/api';
import { fake, type FakeRequest, type FakeResponse } from './taro';

const b64url = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64url');

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  jwk: { kty: 'EC'; crv: 'P-256'; x: string; y: string; kid: string; alg: 'ES256'; use: 'sig' };
}

export function makeKey(kid = 'kTEST0001'): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' }) as { x: string; y: string };
  return { kid, privateKey, jwk: { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256', use: 'sig' } };
}

export const OWN_CREDIT_CODE = '91310000631696382C';
export const OTHER_CREDIT_CODE = '91110000600037341L';

export interface CodeOptions {
  codeNo?: string;
  creditCode?: string;
  departments?: string[];
  kind?: 'p' | 't' | 'e';
  nbf?: number;
  exp?: number;
}

/** A genuine code's QR content (URL + compact JWS), signed with `key`. */
export function makeCode(key: TestKey, o: CodeOptions = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = b64url(JSON.stringify({ alg: 'ES256', kid: key.kid }));
  const payload = b64url(
    JSON.stringify({
      c: o.codeNo ?? 'JC2026030200000042',
      e: o.creditCode ?? OWN_CREDIT_CODE,
      d: o.departments ?? ['SHSC'],
      k: o.kind ?? 't',
      nbf: o.nbf ?? now - 3600,
      exp: o.exp ?? now + 3600,
    }),
  );
  const signature = sign('sha256', Buffer.from(`${header}.${payload}`), { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return `https://jcm.example.cn/c/${header}.${payload}.${b64url(signature)}`;
}

/** The same code with its enterprise changed and the signature kept: a forgery. */
export function forge(qrContent: string, creditCode = OTHER_CREDIT_CODE): string {
  const [prefix, token] = [qrContent.slice(0, qrContent.lastIndexOf('/') + 1), qrContent.slice(qrContent.lastIndexOf('/') + 1)];
  const [h, p, s] = token.split('.');
  const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
  claims.e = creditCode;
  return `${prefix}${h}.${b64url(JSON.stringify(claims))}.${s}`;
}

export function makeUser(enterprise: User['enterprise'] = { creditCode: OWN_CREDIT_CODE, name: '【演示】上海示例餐饮有限公司' }): User {
  return { id: 'u-1', role: 'enterprise', subject: 'u-1', enterprise, departmentCode: null };
}

export function signIn(user: User = makeUser(), token = 'session-token'): void {
  fake.storage.set('ic.session', { token, user });
}

export function cacheKeys(...keys: TestKey[]): void {
  fake.storage.set('ic.jwks', { jwks: { keys: keys.map((k) => k.jwk) }, fetchedAt: Date.now() });
}

type Department = InspectionView['departments'][number];

export function makeDepartment(o: Partial<Department> = {}): Department {
  return {
    departmentCode: 'SHSC',
    name: '上海市市场监督管理局',
    officers: [
      { name: '张伟', certNo: '31001000001' },
      { name: '李娜', certNo: '31001000002' },
    ],
    items: [
      { code: 'SC-002', name: '食品标签检查' },
      { code: 'SC-003', name: '价格行为检查' },
    ],
    completedAt: null,
    summary: null,
    rating: null,
    ...o,
  };
}

export function makeInspection(o: Partial<InspectionView> = {}): InspectionView {
  return {
    codeNo: 'JC2026030200000042',
    kind: 'triggered',
    status: 'issued',
    planNo: null,
    reason: '消费者投诉食品标签不规范',
    clueRef: 'TS-2026-0001',
    startedAt: null,
    validFrom: '2026-03-02T01:00:00.000Z',
    validTo: '2026-03-02T09:00:00.000Z',
    issuedAt: '2026-03-01T08:00:00.000Z',
    checkedInAt: null,
    revokedAt: null,
    revokeReason: null,
    enterprise: { creditCode: OWN_CREDIT_CODE, name: '【演示】上海示例餐饮有限公司' },
    notice: null,
    departments: [makeDepartment()],
    ...o,
  };
}

/** `GET /me/inspections` as the server answers it. */
export function myInspections(items: InspectionView[], thisYear = { year: new Date().getFullYear(), total: 0, byDepartment: [] }) {
  return { items, thisYear };
}

export function makeRating(o: Partial<Rating> = {}): Rating {
  return {
    departmentCode: 'SHSC',
    recognised: true,
    disputedItemCodes: [],
    issues: [],
    comment: null,
    ratedAt: '2026-03-02T10:00:00.000Z',
    ...o,
  };
}

export const problem = (status: number, code: string, detail = code): FakeResponse => ({
  statusCode: status,
  data: { type: `https://jcm.example.cn/problems/${code.toLowerCase()}`, title: code, status, detail, code },
});

export const ok = (data: unknown, statusCode = 200): FakeResponse => ({ statusCode, data });

type Route = (req: FakeRequest) => FakeResponse | 'network-error' | Promise<FakeResponse | 'network-error'>;

/** Answers requests by `METHOD /path` (without the /api prefix); anything else is a 404 problem. */
export function fakeApi(routes: Record<string, Route>): void {
  fake.handler = (req) => {
    const path = req.url.replace(/^\/api/, '');
    const route = routes[`${req.method} ${path}`];
    return route ? route(req) : problem(404, 'NOT_FOUND');
  };
}

/** Every request fails as if offline. */
export function offline(): void {
  fake.handler = () => 'network-error';
}
