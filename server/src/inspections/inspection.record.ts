import { In, type EntityManager } from 'typeorm';
import { Department, Enterprise, Item, Officer } from '../registry/registry.entities.js';

/**
 * The names an inspection code was issued with — the enterprise, each department, its officers
 * and their certificates, its items — kept with the inspection as issued. A scan then reads one
 * row instead of five reference tables, and a later renaming does not rewrite what was shown on
 * site.
 */
export interface InspectionRecord {
  enterpriseName: string;
  departments: Record<string, { name: string; officers: { certNo: string; name: string }[]; items: { code: string; name: string }[] }>;
}

interface PartRef {
  departmentCode: string;
  officerCertNos: string[];
  itemCodes: string[];
}

/** Resolves the names of one or more inspections' parts in four batched queries. */
export async function buildRecords(m: EntityManager, inspections: { codeNo: string; enterpriseCreditCode: string; parts: PartRef[] }[]): Promise<Map<string, InspectionRecord>> {
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const parts = inspections.flatMap((i) => i.parts);
  const [enterprises, departments, officers, items] = await Promise.all([
    m.findBy(Enterprise, { creditCode: In(unique(inspections.map((i) => i.enterpriseCreditCode))) }),
    m.findBy(Department, { code: In(unique(parts.map((p) => p.departmentCode))) }),
    m.findBy(Officer, { certNo: In(unique(parts.flatMap((p) => p.officerCertNos))) }),
    m.findBy(Item, { code: In(unique(parts.flatMap((p) => p.itemCodes))) }),
  ]);
  const name = <T extends { name: string }>(rows: T[], key: keyof T, value: string, fallback: string) => rows.find((r) => r[key] === value)?.name ?? fallback;
  return new Map(
    inspections.map((i) => [
      i.codeNo,
      {
        enterpriseName: name(enterprises, 'creditCode', i.enterpriseCreditCode, ''),
        departments: Object.fromEntries(
          i.parts.map((p) => [
            p.departmentCode,
            {
              name: name(departments, 'code', p.departmentCode, p.departmentCode),
              officers: p.officerCertNos.map((certNo) => ({ certNo, name: name(officers, 'certNo', certNo, '') })),
              items: p.itemCodes.map((code) => ({ code, name: name(items, 'code', code, code) })),
            },
          ]),
        ),
      },
    ]),
  );
}
