import { In, IsNull, type EntityManager } from 'typeorm';
import { KIND_LETTER, type InspectionInput } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { causalRead } from '../db/cluster.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { Plan } from '../plans/plan.entity.js';
import { Department, Enterprise, Item, Officer } from '../registry/registry.entities.js';
import { checkIssuanceRules, guardEnterprise, recordFlags } from '../rules/rules.service.js';
import type { Services } from '../services.js';
import { countIssued, countRevoked } from '../supervision/statsCounters.js';
import { newCodeNo } from './codeNo.js';
import { Inspection, InspectionDepartment } from './inspection.entities.js';
import { buildRecords } from './inspection.record.js';
import { presentInspection } from './inspection.view.js';

type OfficerPrincipal = Extract<Principal, { role: 'officer' }>;

const list = (xs: string[]) => xs.join(', ');

async function checkWindow(s: Services, input: InspectionInput, now: Date): Promise<{ validFrom: Date; validTo: Date }> {
  const validFrom = new Date(input.validFrom);
  const validTo = new Date(input.validTo);
  if (validTo <= now) throw new AppError('INVALID_WINDOW', `validTo (${input.validTo}) has already passed; a code must end in the future.`);
  const maxMs = s.config.maxCodeWindowSeconds * 1000;
  if (validTo.getTime() - validFrom.getTime() > maxMs) {
    throw new AppError('INVALID_WINDOW', `The validity window is longer than the allowed ${maxMs / 86_400_000} days.`);
  }
  if (input.startedAt && new Date(input.startedAt) > now) {
    throw new AppError('INVALID_WINDOW', 'startedAt is in the future; an emergency inspection is applied for after it started.');
  }
  return { validFrom, validTo };
}

/** Departments, officers (active, two or more, of that department) and items (of that department). */
async function checkDepartmentParts(m: EntityManager, input: InspectionInput): Promise<void> {
  const codes = input.departments.map((d) => d.departmentCode);
  const departments = await m.findBy(Department, { code: In(codes) });
  const missing = codes.filter((c) => !departments.some((d) => d.code === c));
  if (missing.length) throw new AppError('UNKNOWN_REFERENCE', `Unknown department(s): ${list(missing)}.`);

  const officers = await m.findBy(Officer, { certNo: In(input.departments.flatMap((d) => d.officerCertNos)) });
  const items = await m.findBy(Item, { code: In(input.departments.flatMap((d) => d.itemCodes)) });
  for (const part of input.departments) {
    const certNos = [...new Set(part.officerCertNos)];
    for (const certNo of certNos) {
      const officer = officers.find((o) => o.certNo === certNo);
      if (!officer) throw new AppError('UNKNOWN_REFERENCE', `No officer with certificate ${certNo}.`);
      if (officer.departmentCode !== part.departmentCode) {
        throw new AppError('OFFICER_NOT_OF_DEPARTMENT', `Officer ${certNo} belongs to ${officer.departmentCode}, not ${part.departmentCode}.`);
      }
      if (!officer.active) throw new AppError('OFFICER_INACTIVE', `Officer ${certNo} is not active; only active officers may inspect.`);
    }
    if (certNos.length < 2) {
      throw new AppError('TWO_PERSON_RULE', `Department ${part.departmentCode} names ${certNos.length} officer(s); on-site enforcement needs at least two.`);
    }
    for (const code of part.itemCodes) {
      const item = items.find((i) => i.code === code);
      if (!item) throw new AppError('UNKNOWN_REFERENCE', `No inspection item ${code}.`);
      if (item.departmentCode !== part.departmentCode) {
        throw new AppError('ITEM_NOT_OF_DEPARTMENT', `Item ${code} belongs to ${item.departmentCode}, not ${part.departmentCode}.`);
      }
    }
  }
}

/** A planned code names a plan of its department covering the window, the enterprise and the items. */
async function checkPlan(m: EntityManager, input: InspectionInput, departmentCode: string, window: { validFrom: Date; validTo: Date }): Promise<void> {
  if (input.kind !== 'planned') return;
  const plan = await m.findOneBy(Plan, { planNo: input.planNo! });
  if (!plan) throw new AppError('UNKNOWN_REFERENCE', `No plan ${input.planNo}.`);
  if (plan.departmentCode !== departmentCode) {
    throw new AppError('PLAN_MISMATCH', `Plan ${plan.planNo} belongs to ${plan.departmentCode}; a planned code must use a plan of its own department.`);
  }
  if (window.validFrom < plan.periodFrom || window.validTo > plan.periodTo) {
    throw new AppError('PLAN_MISMATCH', `Plan ${plan.planNo} covers ${plan.periodFrom.toISOString()} to ${plan.periodTo.toISOString()}; the code's window falls outside it.`);
  }
  if (!plan.enterpriseCreditCodes.includes(input.enterpriseCreditCode)) {
    throw new AppError('PLAN_MISMATCH', `Plan ${plan.planNo} does not list enterprise ${input.enterpriseCreditCode}.`);
  }
  const ownItems = input.departments.find((d) => d.departmentCode === departmentCode)!.itemCodes;
  const outside = ownItems.filter((c) => !plan.itemCodes.includes(c));
  if (outside.length) throw new AppError('PLAN_MISMATCH', `Plan ${plan.planNo} does not include item(s) ${list(outside)}.`);
}

/** 申领赋码: checks the application and issues a signed code, all in one transaction. */
export async function applyForCode(s: Services, officer: OfficerPrincipal, input: InspectionInput) {
  const now = s.clock();
  const window = await checkWindow(s, input, now);
  if (!input.departments.some((d) => d.departmentCode === officer.departmentCode)) {
    throw new AppError('NOT_OWN_DEPARTMENT', `You act for ${officer.departmentCode}; your department must take part in the inspection.`);
  }
  for (let attempt = 0; ; attempt++) {
    const codeNo = newCodeNo(now);
    try {
      return await inTransaction(s.ds, async (m) => {
        // First statement, before any read: racing issuances for this enterprise conflict here (rules/).
        await guardEnterprise(m, input.enterpriseCreditCode, codeNo, now);
        const enterprise = await m.findOneBy(Enterprise, { creditCode: input.enterpriseCreditCode });
        if (!enterprise) throw new AppError('UNKNOWN_REFERENCE', `No enterprise with credit code ${input.enterpriseCreditCode}.`);
        await checkDepartmentParts(m, input);
        await checkPlan(m, input, officer.departmentCode, window);
        const rules = await checkIssuanceRules(m, s.config.rules, { input, enterprise, issuingDepartmentCode: officer.departmentCode, ...window, now });

        const claims = {
          c: codeNo,
          e: input.enterpriseCreditCode,
          d: input.departments.map((d) => d.departmentCode),
          k: KIND_LETTER[input.kind],
          nbf: Math.floor(window.validFrom.getTime() / 1000),
          exp: Math.floor(window.validTo.getTime() / 1000),
        };
        const { kid, token } = await s.keyring.sign(m, claims);
        const qrContent = `${s.config.codeUrlBase}${token}`;
        const parts = input.departments.map((d) => ({
          codeNo,
          departmentCode: d.departmentCode,
          officerCertNos: [...new Set(d.officerCertNos)],
          itemCodes: [...new Set(d.itemCodes)],
          completedAt: null,
          completedBy: null,
          summary: null,
        }));
        const record = (await buildRecords(m, [{ codeNo, enterpriseCreditCode: input.enterpriseCreditCode, parts }])).get(codeNo)!;
        const inspection = m.create(Inspection, {
          codeNo,
          kind: input.kind,
          enterpriseCreditCode: input.enterpriseCreditCode,
          planNo: input.planNo ?? null,
          reason: input.reason ?? null,
          clueRef: input.clueRef ?? null,
          startedAt: input.startedAt ? new Date(input.startedAt) : null,
          justification: input.justification ?? null,
          validFrom: window.validFrom,
          validTo: window.validTo,
          issuingDepartmentCode: officer.departmentCode,
          issuedBy: officer.certNo,
          issuedAt: now,
          kid,
          qrContent,
          checkedInAt: null,
          revokedAt: null,
          revokeReason: null,
          revokedBy: null,
          record,
        });
        await m.insert(Inspection, inspection);
        await m.insert(InspectionDepartment, parts);
        await recordFlags(m, codeNo, enterprise.creditCode, rules.flags, now);
        // Last, so the counter rows are locked only until the commit.
        await countIssued(m, now, parts.map((p) => p.departmentCode), rules.flags.map((f) => f.departmentCode));
        return { ...(await presentInspection(m, inspection, { withRatings: false })), token, qrContent, ...rules };
      });
    } catch (err) {
      // A random code number collided with an existing one: draw another.
      if (!isUniqueViolation(err) || attempt >= 3) throw err;
    }
  }
}

/** The inspection if this caller may see it; otherwise 404, so others' inspections are not even confirmed to exist. */
export async function findVisibleInspection(m: EntityManager, p: Principal, codeNo: string): Promise<{ inspection: Inspection; withRatings: boolean }> {
  const inspection = await m.findOneBy(Inspection, { codeNo });
  const notFound = new AppError('NOT_FOUND', `No inspection ${codeNo} that you may see.`);
  if (!inspection) throw notFound;
  switch (p.role) {
    case 'supervisor':
    case 'admin':
      return { inspection, withRatings: true };
    case 'enterprise':
      if (p.creditCode !== inspection.enterpriseCreditCode) throw notFound;
      return { inspection, withRatings: true };
    case 'officer': {
      const part = await m.findOneBy(InspectionDepartment, { codeNo, departmentCode: p.departmentCode });
      if (!part) throw notFound;
      return { inspection, withRatings: false };
    }
  }
}

/** Read causally: whoever just applied, completed, rated or revoked through another server sees it here. */
export async function getInspection(s: Services, p: Principal, codeNo: string) {
  return causalRead(s.ds, async (m) => {
    const { inspection, withRatings } = await findVisibleInspection(m, p, codeNo);
    return presentInspection(m, inspection, { withRatings });
  });
}

/** An officer records its own department's on-site result. */
export async function completeInspection(s: Services, officer: OfficerPrincipal, codeNo: string, summary: string | undefined) {
  const now = s.clock();
  return inTransaction(s.ds, async (m) => {
    const { inspection } = await findVisibleInspection(m, officer, codeNo);
    if (inspection.revokedAt) throw new AppError('REVOKED', `Code ${codeNo} was revoked; it cannot be completed.`);
    if (now < inspection.validFrom) throw new AppError('NOT_STARTED', `Code ${codeNo} is valid from ${inspection.validFrom.toISOString()}; complete it after the inspection.`);
    const done = await m.update(
      InspectionDepartment,
      { codeNo, departmentCode: officer.departmentCode, completedAt: IsNull() },
      { completedAt: now, completedBy: officer.certNo, summary: summary ?? null },
    );
    if (done.affected !== 1) throw new AppError('ALREADY_COMPLETED', `${officer.departmentCode} has already completed ${codeNo}.`);
    return presentInspection(m, inspection, { withRatings: false });
  });
}

/** Revocation by the issuing department (or the platform operator). */
export async function revokeInspection(s: Services, p: Principal, codeNo: string, reason: string) {
  const now = s.clock();
  return inTransaction(s.ds, async (m) => {
    const { inspection, withRatings } = await findVisibleInspection(m, p, codeNo);
    if (p.role === 'officer' && p.departmentCode !== inspection.issuingDepartmentCode) {
      throw new AppError('NOT_OWN_DEPARTMENT', `Only ${inspection.issuingDepartmentCode}, which applied for ${codeNo}, may revoke it.`);
    }
    const parts = await m.findBy(InspectionDepartment, { codeNo });
    if (parts.every((d) => d.completedAt)) throw new AppError('ALREADY_COMPLETED', `${codeNo} is completed; a completed inspection cannot be revoked.`);
    const done = await m.update(Inspection, { codeNo, revokedAt: IsNull() }, { revokedAt: now, revokeReason: reason, revokedBy: p.subject });
    if (done.affected !== 1) throw new AppError('ALREADY_REVOKED', `${codeNo} is already revoked.`);
    await countRevoked(m, inspection.issuedAt, parts.map((d) => d.departmentCode));
    const updated = await m.findOneByOrFail(Inspection, { codeNo });
    return presentInspection(m, updated, { withRatings });
  });
}
