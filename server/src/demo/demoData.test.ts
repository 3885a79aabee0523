import { describe, it, expect } from 'vitest';
import { isValidCreditCode } from '@inspection-code/shared';
import { demoData, DEMO_NAME_PREFIX } from './demoData.js';

const {
  departments,
  officers,
  enterprises,
  items,
  scenarios,
  exemptEnterprises,
  exemptItems,
} = demoData;

const departmentCodes = new Set(departments.map((d) => d.code));
const itemsByCode = new Map(items.map((i) => [i.code, i]));
const enterprisesByCode = new Map(enterprises.map((e) => [e.creditCode, e]));

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

describe('demo data: sizes', () => {
  it('has the documented number of rows', () => {
    expect(departments).toHaveLength(8);
    expect(officers).toHaveLength(30);
    expect(enterprises).toHaveLength(50);
    expect(items).toHaveLength(40);
    expect(scenarios).toHaveLength(6);
    expect(exemptEnterprises).toHaveLength(3);
    expect(exemptItems).toHaveLength(2);
  });

  it('has 3-5 officers per department, at least 2 active each, 2 inactive overall', () => {
    for (const d of departments) {
      const own = officers.filter((o) => o.departmentCode === d.code);
      expect(own.length, d.code).toBeGreaterThanOrEqual(3);
      expect(own.length, d.code).toBeLessThanOrEqual(5);
      expect(own.filter((o) => o.active).length, d.code).toBeGreaterThanOrEqual(
        2,
      );
    }
    expect(officers.filter((o) => !o.active)).toHaveLength(2);
  });

  it('has 5 items per department', () => {
    for (const d of departments) {
      expect(
        items.filter((i) => i.departmentCode === d.code),
        d.code,
      ).toHaveLength(5);
    }
  });
});

describe('demo data: uniqueness', () => {
  it('has unique department codes and names', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    expect(duplicates(departments.map((d) => d.name))).toEqual([]);
  });

  it('has unique officer certificate numbers', () => {
    expect(duplicates(officers.map((o) => o.certNo))).toEqual([]);
  });

  it('has unique enterprise credit codes and names', () => {
    expect(duplicates(enterprises.map((e) => e.creditCode))).toEqual([]);
    expect(duplicates(enterprises.map((e) => e.name))).toEqual([]);
  });

  it('has unique item codes and scenario codes', () => {
    expect(duplicates(items.map((i) => i.code))).toEqual([]);
    expect(duplicates(scenarios.map((s) => s.code))).toEqual([]);
  });

  it('has no duplicates within the lists or inside a scenario', () => {
    expect(duplicates(exemptEnterprises)).toEqual([]);
    expect(duplicates(exemptItems)).toEqual([]);
    for (const s of scenarios) {
      expect(duplicates(s.departmentCodes), s.code).toEqual([]);
      expect(duplicates(s.itemCodes), s.code).toEqual([]);
    }
  });
});

describe('demo data: formats', () => {
  it('uses short upper-case department codes', () => {
    for (const d of departments) {
      expect(d.code).toMatch(/^[A-Z]{2,8}$/);
      expect(d.name.startsWith('上海市'), d.name).toBe(true);
    }
  });

  it('uses 11-digit Shanghai enforcement certificate numbers', () => {
    for (const o of officers) expect(o.certNo).toMatch(/^310\d{8}$/);
  });

  it('marks every enterprise as demo data', () => {
    for (const e of enterprises)
      expect(e.name.startsWith(DEMO_NAME_PREFIX), e.name).toBe(true);
    expect(DEMO_NAME_PREFIX).toBe('【演示】');
  });

  it('gives every enterprise a valid Shanghai credit code', () => {
    for (const e of enterprises) {
      expect(e.creditCode, e.name).toHaveLength(18);
      expect(e.creditCode, e.name).toMatch(/^[0-9A-HJ-NP-RTUW-Y]{18}$/);
      expect(e.creditCode.slice(2, 6), e.name).toBe('3101');
      expect(isValidCreditCode(e.creditCode), `${e.name} ${e.creditCode}`).toBe(
        true,
      );
    }
  });

  it('matches the entity-type prefix to the enterprise kind', () => {
    for (const e of enterprises) {
      const type = e.creditCode.slice(0, 2);
      if (e.kind === 'individual_business') expect(type, e.name).toBe('92');
      else if (e.kind === 'unincorporated') expect(type, e.name).toBe('91');
      else expect(['91', '93', '52', '12'], e.name).toContain(type);
    }
  });

  it('covers every enterprise kind and every credit grade, mostly B', () => {
    const kinds = new Set(enterprises.map((e) => e.kind));
    expect([...kinds].sort()).toEqual([
      'individual_business',
      'legal_person',
      'unincorporated',
    ]);
    const count = (g: string) =>
      enterprises.filter((e) => e.creditGrade === g).length;
    for (const g of ['A', 'B', 'C', 'D'])
      expect(count(g), g).toBeGreaterThan(0);
    expect(count('B')).toBeGreaterThan(enterprises.length / 2);
  });

  it('uses item codes prefixed per department', () => {
    for (const i of items) expect(i.code).toMatch(/^[A-Z]{2}-\d{3}$/);
  });
});

describe('demo data: references', () => {
  it('assigns every officer to an existing department', () => {
    for (const o of officers)
      expect(departmentCodes.has(o.departmentCode), o.certNo).toBe(true);
  });

  it('assigns every item to an existing department', () => {
    for (const i of items)
      expect(departmentCodes.has(i.departmentCode), i.code).toBe(true);
  });

  it('builds scenarios from existing departments and items, lead included', () => {
    for (const s of scenarios) {
      expect(departmentCodes.has(s.leadDepartmentCode), s.code).toBe(true);
      expect(s.departmentCodes, s.code).toContain(s.leadDepartmentCode);
      expect(s.departmentCodes.length, s.code).toBeGreaterThanOrEqual(2);
      for (const code of s.departmentCodes)
        expect(departmentCodes.has(code), code).toBe(true);
      expect(s.itemCodes.length, s.code).toBeGreaterThan(0);
      for (const code of s.itemCodes)
        expect(itemsByCode.has(code), code).toBe(true);
    }
  });

  it('only uses scenario items that belong to the scenario departments', () => {
    for (const s of scenarios) {
      for (const code of s.itemCodes) {
        expect(s.departmentCodes, `${s.code} ${code}`).toContain(
          itemsByCode.get(code)?.departmentCode,
        );
      }
    }
  });

  it('gives every scenario department at least one scenario item', () => {
    for (const s of scenarios) {
      const owners = new Set(
        s.itemCodes.map((c) => itemsByCode.get(c)?.departmentCode),
      );
      for (const d of s.departmentCodes)
        expect(owners.has(d), `${s.code} ${d}`).toBe(true);
    }
  });

  it('lists only existing grade-A enterprises as exempt', () => {
    for (const code of exemptEnterprises) {
      const e = enterprisesByCode.get(code);
      expect(e, code).toBeDefined();
      expect(e?.creditGrade, code).toBe('A');
    }
  });

  it('lists only existing items as exempt', () => {
    for (const code of exemptItems)
      expect(itemsByCode.has(code), code).toBe(true);
  });
});
