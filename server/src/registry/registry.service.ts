import { In, type EntityManager, type EntityTarget, type ObjectLiteral } from 'typeorm';
import type { z } from 'zod';
import type { departmentInput, enterpriseInput, itemInput, officerInput, scenarioInput } from '@inspection-code/shared';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import type { Services } from '../services.js';
import { recordAudit } from '../supervision/audit.service.js';
import { Department, Enterprise, ExemptEnterprise, ExemptItem, Item, Officer, Scenario } from './registry.entities.js';

async function requireDepartments(m: EntityManager, codes: string[]): Promise<void> {
  const found = await m.findBy(Department, { code: In(codes) });
  const missing = [...new Set(codes)].filter((c) => !found.some((d) => d.code === c));
  if (missing.length) throw new AppError('UNKNOWN_REFERENCE', `Unknown department(s): ${missing.join(', ')}.`);
}

/** Inserts one reference row; a taken key is 409 ALREADY_EXISTS, decided by the primary key. */
async function insertOnce<T extends ObjectLiteral>(s: Services, entity: EntityTarget<T>, row: T, what: string, check?: (m: EntityManager) => Promise<void>): Promise<T> {
  try {
    return await inTransaction(s.ds, async (m) => {
      await check?.(m);
      await m.insert(entity, row);
      return row;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_EXISTS', `${what} already exists.`);
    throw err;
  }
}

export const addDepartment = (s: Services, d: z.infer<typeof departmentInput>) =>
  insertOnce(s, Department, Object.assign(new Department(), d), `Department ${d.code}`);

export const addOfficer = (s: Services, o: z.infer<typeof officerInput>) =>
  insertOnce(s, Officer, Object.assign(new Officer(), { ...o, active: o.active ?? true }), `Officer ${o.certNo}`, (m) =>
    requireDepartments(m, [o.departmentCode]),
  );

export async function setOfficerActive(s: Services, certNo: string, active: boolean): Promise<Officer> {
  const repo = s.ds.getRepository(Officer);
  const done = await repo.update({ certNo }, { active });
  if (done.affected !== 1) throw new AppError('NOT_FOUND', `No officer with certificate ${certNo}.`);
  return repo.findOneByOrFail({ certNo });
}

export const addEnterprise = (s: Services, e: z.infer<typeof enterpriseInput>) =>
  insertOnce(
    s,
    Enterprise,
    Object.assign(new Enterprise(), { creditCode: e.creditCode, name: e.name, kind: e.kind ?? 'legal_person', creditGrade: e.creditGrade ?? null }),
    `Enterprise ${e.creditCode}`,
  );

export const addItem = (s: Services, i: z.infer<typeof itemInput>) =>
  insertOnce(s, Item, Object.assign(new Item(), i), `Item ${i.code}`, (m) => requireDepartments(m, [i.departmentCode]));

export const addScenario = (s: Services, sc: z.infer<typeof scenarioInput>) => {
  const departmentCodes = [...new Set([sc.leadDepartmentCode, ...sc.departmentCodes])];
  const itemCodes = [...new Set(sc.itemCodes)];
  return insertOnce(s, Scenario, Object.assign(new Scenario(), { ...sc, departmentCodes, itemCodes }), `Scenario ${sc.code}`, async (m) => {
    await requireDepartments(m, departmentCodes);
    const items = await m.findBy(Item, { code: In(itemCodes) });
    for (const code of itemCodes) {
      const item = items.find((i) => i.code === code);
      if (!item) throw new AppError('UNKNOWN_REFERENCE', `No inspection item ${code}.`);
      if (!departmentCodes.includes(item.departmentCode)) {
        throw new AppError('ITEM_NOT_OF_DEPARTMENT', `Item ${code} belongs to ${item.departmentCode}, which is not in the scenario.`);
      }
    }
  });
};

export const listAll = <T extends ObjectLiteral>(s: Services, entity: EntityTarget<T>, orderBy: keyof T & string) =>
  s.ds.manager.find(entity, { order: { [orderBy]: 'ASC' } as never, take: 5000 });

type ExemptList = 'enterprises' | 'items';

/** Puts an enterprise or item on its exemption list (idempotent), recording who and when. */
export async function putExemption(s: Services, list: ExemptList, key: string, by: string) {
  try {
    return await putExemptionOnce(s, list, key, by);
  } catch (err) {
    // Two operators listing the same key at once: the second finds the first's row.
    if (isUniqueViolation(err)) return putExemptionOnce(s, list, key, by);
    throw err;
  }
}

async function putExemptionOnce(s: Services, list: ExemptList, key: string, by: string) {
  const now = s.clock();
  return inTransaction(s.ds, async (m) => {
    if (list === 'enterprises') {
      if (!(await m.findOneBy(Enterprise, { creditCode: key }))) throw new AppError('NOT_FOUND', `No enterprise with credit code ${key}.`);
      const existing = await m.findOneBy(ExemptEnterprise, { creditCode: key });
      if (!existing) {
        await m.insert(ExemptEnterprise, { creditCode: key, addedBy: by, addedAt: now });
        await auditList(m, 'exemption.put', list, key, by, now);
      }
      return exemptionView(existing ?? { creditCode: key, addedBy: by, addedAt: now });
    }
    if (!(await m.findOneBy(Item, { code: key }))) throw new AppError('NOT_FOUND', `No inspection item ${key}.`);
    const existing = await m.findOneBy(ExemptItem, { itemCode: key });
    if (!existing) {
      await m.insert(ExemptItem, { itemCode: key, addedBy: by, addedAt: now });
      await auditList(m, 'exemption.put', list, key, by, now);
    }
    return exemptionView(existing ?? { itemCode: key, addedBy: by, addedAt: now });
  });
}

export async function deleteExemption(s: Services, list: ExemptList, key: string, by: string): Promise<void> {
  const now = s.clock();
  await inTransaction(s.ds, async (m) => {
    const done = list === 'enterprises' ? await m.delete(ExemptEnterprise, { creditCode: key }) : await m.delete(ExemptItem, { itemCode: key });
    if (!done.affected) throw new AppError('NOT_FOUND', `${key} is not on the list.`);
    await auditList(m, 'exemption.delete', list, key, by, now);
  });
}

/** Every change of a list is audited in the transaction that makes it; only admins may change the lists. */
function auditList(m: EntityManager, action: 'exemption.put' | 'exemption.delete', list: ExemptList, key: string, by: string, at: Date) {
  return recordAudit(m, { at, actor: { role: 'admin', id: by }, action, target: { type: `exempt_${list}`, id: key } });
}

export async function listExemptions(s: Services, list: ExemptList) {
  const rows = list === 'enterprises' ? await s.ds.manager.find(ExemptEnterprise) : await s.ds.manager.find(ExemptItem);
  return rows.map(exemptionView);
}

function exemptionView(row: { creditCode?: string; itemCode?: string; addedBy: string; addedAt: Date }) {
  return { key: (row.creditCode ?? row.itemCode)!, addedBy: row.addedBy, addedAt: row.addedAt.toISOString() };
}
