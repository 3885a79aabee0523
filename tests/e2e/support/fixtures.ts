/**
 * What officers and the platform do through the API around a browser test: issue a code for an
 * enterprise, complete a department's part. Reference data comes from the seeded demo set.
 */
interface Officer {
  certNo: string;
  name: string;
  departmentCode: string;
  active: boolean;
}
interface Item {
  code: string;
  name: string;
  departmentCode: string;
}
interface Scenario {
  itemCodes: string[];
}
interface Enterprise {
  creditCode: string;
  name: string;
}
export interface IssuedCode {
  codeNo: string;
  qrContent: string;
  enterprise: Enterprise;
  departments: { departmentCode: string; name: string; items: { code: string; name: string }[] }[];
}

export interface DepartmentPart {
  departmentCode: string;
  officers: Officer[];
  items: Item[];
}

export class Fixtures {
  private tokens = new Map<string, string>();
  parts: DepartmentPart[] = [];
  enterprises: Enterprise[] = [];
  private used = new Set<string>();

  constructor(readonly url: string) {}

  async call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw Object.assign(new Error(`${method} ${path} → ${res.status} ${text}`), { status: res.status, body: text });
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async login(role: 'admin' | 'officer' | 'enterprise', subject: string): Promise<string> {
    const key = `${role}:${subject}`;
    const known = this.tokens.get(key);
    if (known) return known;
    const { token } = await this.call<{ token: string }>('POST', '/api/auth/dev-login', null, { role, subject });
    this.tokens.set(key, token);
    return token;
  }

  /**
   * Departments with two active officers and items outside every comprehensive supervision
   * scenario (so a single-department code needs no joint inspection), and enterprises that are not
   * on the low-disturbance list.
   */
  async load(): Promise<void> {
    const admin = await this.login('admin', 'e2e');
    const [officers, items, scenarios, enterprises, exempt] = await Promise.all([
      this.call<Officer[]>('GET', '/api/admin/officers', admin),
      this.call<Item[]>('GET', '/api/admin/items', admin),
      this.call<Scenario[]>('GET', '/api/admin/scenarios', admin),
      this.call<Enterprise[]>('GET', '/api/admin/enterprises', admin),
      this.call<{ key: string }[]>('GET', '/api/admin/exemptions/enterprises', admin).catch(() => []),
    ]);
    const inScenario = new Set(scenarios.flatMap((s) => s.itemCodes));
    const departments = [...new Set(officers.map((o) => o.departmentCode))];
    this.parts = departments
      .map((departmentCode) => ({
        departmentCode,
        officers: officers.filter((o) => o.departmentCode === departmentCode && o.active).slice(0, 2),
        items: items.filter((i) => i.departmentCode === departmentCode && !inScenario.has(i.code)),
      }))
      .filter((p) => p.officers.length === 2 && p.items.length >= 2);
    const exemptCodes = new Set(exempt.map((e) => e.key));
    this.enterprises = enterprises.filter((e) => !exemptCodes.has(e.creditCode));
    if (this.parts.length < 2 || this.enterprises.length < 4)
      throw new Error('the demo data set lacks departments or enterprises for the e2e tests');
  }

  /** An enterprise no other test has used (inspections of one do not disturb another). */
  freshEnterprise(): Enterprise {
    const e = this.enterprises.find((x) => !this.used.has(x.creditCode));
    if (!e) throw new Error('out of demo enterprises');
    this.used.add(e.creditCode);
    return e;
  }

  /** A triggered code (never refused for frequency) for `enterprise`, by the first of `parts`. */
  async issue(enterprise: Enterprise, parts: DepartmentPart[] = [this.parts[0]!], validFromMs = Date.now() - 60_000): Promise<IssuedCode> {
    const officer = await this.login('officer', parts[0]!.officers[0]!.certNo);
    const body = {
      kind: 'triggered',
      enterpriseCreditCode: enterprise.creditCode,
      reason: '群众举报：后厨卫生状况差，食品储存不规范',
      clueRef: `E2E-${Math.floor(Math.random() * 1e6)}`,
      validFrom: new Date(validFromMs).toISOString(),
      validTo: new Date(validFromMs + 8 * 3600_000).toISOString(),
      departments: parts.map((p) => ({
        departmentCode: p.departmentCode,
        officerCertNos: p.officers.map((o) => o.certNo),
        itemCodes: p.items.slice(0, 2).map((i) => i.code),
      })),
    };
    try {
      return await this.call<IssuedCode>('POST', '/api/inspections', officer, body);
    } catch (e) {
      // A rule this test does not know about: a justification lets the code through (flagged).
      if ((e as { status?: number }).status !== 409 && (e as { status?: number }).status !== 422) throw e;
      return this.call<IssuedCode>('POST', '/api/inspections', officer, {
        ...body,
        justification: '端到端测试：专业性检查，来不及协调联合检查',
      });
    }
  }

  async complete(codeNo: string, part: DepartmentPart): Promise<void> {
    const officer = await this.login('officer', part.officers[0]!.certNo);
    await this.call('POST', `/api/inspections/${codeNo}/complete`, officer, { summary: '现场检查完毕，未发现违法行为。' });
  }
}
