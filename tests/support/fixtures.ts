import { randomBytes } from 'node:crypto';
import { withCheckCharacters } from '@inspection-code/shared';
import type { TestServer } from './server.js';

let counter = 0;
const unique = (prefix: string) => `${prefix}${(++counter).toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;

/** A valid 统一社会信用代码 for a Shanghai company, different every call. */
export function newCreditCode(): string {
  const body = Array.from(randomBytes(8), (b) => String(b % 10)).join('');
  return withCheckCharacters(`91310115${body}`);
}

export interface TestDepartment {
  code: string;
  officers: string[];
  items: string[];
  token: string;
}

export interface TestEnterprise {
  creditCode: string;
  name: string;
  token: string;
}

const iso = (d: Date) => d.toISOString();
const HOUR = 3_600_000;

/**
 * Fixture factories over the real API: every piece of reference data is created through the
 * admin endpoints, every session through dev login.
 */
export class World {
  adminToken = '';
  supervisorToken = '';

  constructor(readonly t: TestServer) {}

  static async create(t: TestServer): Promise<World> {
    return new World(t).init();
  }

  async init(): Promise<this> {
    this.adminToken = await this.login('admin', 'test-admin');
    this.supervisorToken = await this.login('supervisor', 'test-supervisor');
    return this;
  }

  async login(role: string, subject: string): Promise<string> {
    const r = await this.t.api.post('/api/auth/dev-login', { role, subject });
    if (r.status !== 200) throw new Error(`dev login ${role}/${subject}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.token;
  }

  async admin(path: string, body: unknown) {
    const r = await this.t.api.post(path, body, this.adminToken);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  /** A department with `officers` active officers, `items` items, and a session of its first officer. */
  async department(options: { officers?: number; items?: number } = {}): Promise<TestDepartment> {
    const code = unique('D');
    await this.admin('/api/admin/departments', { code, name: `测试部门 ${code}` });
    const officers: string[] = [];
    for (let i = 0; i < (options.officers ?? 3); i++) {
      const certNo = unique('C');
      await this.admin('/api/admin/officers', { certNo, name: `执法员${i + 1}`, departmentCode: code });
      officers.push(certNo);
    }
    const items: string[] = [];
    for (let i = 0; i < (options.items ?? 3); i++) {
      const itemCode = unique('I');
      await this.admin('/api/admin/items', { code: itemCode, name: `检查事项 ${itemCode}`, departmentCode: code });
      items.push(itemCode);
    }
    return { code, officers, items, token: await this.login('officer', officers[0]!) };
  }

  async enterprise(): Promise<TestEnterprise> {
    const creditCode = newCreditCode();
    const name = `测试企业 ${creditCode.slice(-6)}`;
    await this.admin('/api/admin/enterprises', { creditCode, name });
    return { creditCode, name, token: await this.login('enterprise', creditCode) };
  }

  /** Files a plan of `dept` covering `enterprises` and `items` from yesterday for `days` days; its plan number. */
  async plan(dept: TestDepartment, enterprises: TestEnterprise[], options: { items?: string[]; days?: number } = {}): Promise<string> {
    const now = this.t.clock.now().getTime();
    const r = await this.t.api.post(
      '/api/plans',
      {
        name: '年度双随机抽查计划',
        itemCodes: options.items ?? dept.items,
        enterpriseCreditCodes: enterprises.map((e) => e.creditCode),
        periodFrom: iso(new Date(now - 24 * HOUR)),
        periodTo: iso(new Date(now + (options.days ?? 60) * 24 * HOUR)),
      },
      dept.token,
    );
    if (r.status !== 201) throw new Error(`plan: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.planNo;
  }

  /** An application body for a triggered code of `dept` (the applicant's department) and any joint ones. */
  application(enterprise: TestEnterprise, depts: TestDepartment[], overrides: Record<string, unknown> = {}) {
    const now = this.t.clock.now();
    return {
      kind: 'triggered',
      reason: '群众投诉',
      clueRef: 'TS-2026-0001',
      enterpriseCreditCode: enterprise.creditCode,
      validFrom: iso(new Date(now.getTime() - HOUR)),
      validTo: iso(new Date(now.getTime() + 24 * HOUR)),
      departments: depts.map((d) => ({ departmentCode: d.code, officerCertNos: d.officers.slice(0, 2), itemCodes: d.items.slice(0, 2) })),
      ...overrides,
    };
  }

  async apply(enterprise: TestEnterprise, depts: TestDepartment[], overrides: Record<string, unknown> = {}) {
    return this.t.api.post('/api/inspections', this.application(enterprise, depts, overrides), depts[0]!.token);
  }

  /** Issues a code and fails the test if it is refused. */
  async issue(enterprise: TestEnterprise, depts: TestDepartment[], overrides: Record<string, unknown> = {}) {
    const r = await this.apply(enterprise, depts, overrides);
    if (r.status !== 201) throw new Error(`issue: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body as { codeNo: string; token: string; qrContent: string; [k: string]: any };
  }

  async complete(codeNo: string, dept: TestDepartment) {
    const r = await this.t.api.post(`/api/inspections/${codeNo}/complete`, { summary: '现场检查未发现问题' }, dept.token);
    if (r.status !== 200) throw new Error(`complete: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }

  scan(qrContent: string, token?: string) {
    return this.t.api.post('/api/scan', { qrContent }, token);
  }
}
