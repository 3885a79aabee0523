import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import type { Plan as PlanView, PlanInput } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { Enterprise, Item } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { randomCode } from '../util/randomCode.js';
import { Plan } from './plan.entity.js';

type OfficerPrincipal = Extract<Principal, { role: 'officer' }>;

function planView(p: Plan): PlanView {
  return {
    planNo: p.planNo,
    departmentCode: p.departmentCode,
    name: p.name,
    itemCodes: p.itemCodes,
    enterpriseCreditCodes: p.enterpriseCreditCodes,
    periodFrom: p.periodFrom.toISOString(),
    periodTo: p.periodTo.toISOString(),
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
  };
}

/** 检查计划备案: a department files a plan of its own items for existing enterprises, and gets a plan number. */
export async function filePlan(s: Services, officer: OfficerPrincipal, input: PlanInput): Promise<PlanView> {
  const now = s.clock();
  const itemCodes = [...new Set(input.itemCodes)];
  const creditCodes = [...new Set(input.enterpriseCreditCodes)];
  return inTransaction(s.ds, async (m) => {
    const items = await m.findBy(Item, { code: In(itemCodes) });
    for (const code of itemCodes) {
      const item = items.find((i) => i.code === code);
      if (!item) throw new AppError('UNKNOWN_REFERENCE', `No inspection item ${code}.`);
      if (item.departmentCode !== officer.departmentCode) {
        throw new AppError('ITEM_NOT_OF_DEPARTMENT', `Item ${code} belongs to ${item.departmentCode}; a plan holds its own department's items.`);
      }
    }
    const known = new Set((await m.find(Enterprise, { select: { creditCode: true }, where: { creditCode: In(creditCodes) } })).map((e) => e.creditCode));
    const unknown = creditCodes.filter((c) => !known.has(c));
    if (unknown.length) throw new AppError('UNKNOWN_REFERENCE', `Unknown enterprise(s): ${unknown.slice(0, 10).join(', ')}.`);

    const plan = m.create(Plan, {
      planNo: `JH${officer.departmentCode}${now.getUTCFullYear()}${randomCode(6, randomBytes)}`,
      departmentCode: officer.departmentCode,
      name: input.name,
      itemCodes,
      enterpriseCreditCodes: creditCodes,
      periodFrom: new Date(input.periodFrom),
      periodTo: new Date(input.periodTo),
      createdBy: officer.certNo,
      createdAt: now,
    });
    await m.insert(Plan, plan);
    return planView(plan);
  });
}

/** Officers see their own department's plans; supervisors and admins see all. */
export async function listPlans(s: Services, p: Principal): Promise<PlanView[]> {
  const where = p.role === 'officer' ? { departmentCode: p.departmentCode } : {};
  const plans = await s.ds.manager.find(Plan, { where, order: { createdAt: 'DESC' }, take: 500 });
  return plans.map(planView);
}

export async function getPlan(s: Services, p: Principal, planNo: string): Promise<PlanView> {
  const plan = await s.ds.manager.findOneBy(Plan, { planNo });
  if (!plan || (p.role === 'officer' && plan.departmentCode !== p.departmentCode)) {
    throw new AppError('NOT_FOUND', `No plan ${planNo} that you may see.`);
  }
  return planView(plan);
}
