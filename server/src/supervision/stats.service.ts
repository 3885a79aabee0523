import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Stats } from '@inspection-code/shared';
import { Inspection, InspectionDepartment } from '../inspections/inspection.entities.js';
import { Rating } from '../ratings/rating.entity.js';
import { Department } from '../registry/registry.entities.js';
import { IssuanceFlag } from '../rules/rules.entities.js';
import type { Services } from '../services.js';
import { Complaint } from './complaint.entities.js';
import { PENDING } from './complaints.service.js';
import { toPeriod, type Period } from './period.js';

const n = (v: unknown) => Number(v ?? 0);

function within<T extends object>(qb: SelectQueryBuilder<T>, column: string, p: Period): SelectQueryBuilder<T> {
  if (p.from) qb.andWhere(`${column} >= :from`, { from: p.from });
  if (p.to) qb.andWhere(`${column} < :to`, { to: p.to });
  return qb;
}

/** 1 when the inspection names more than one department (a joint inspection, 联合检查). */
const JOINT = (alias: string) =>
  `CASE WHEN (SELECT COUNT(*) FROM inspection_departments jd WHERE jd.codeNo = ${alias}.codeNo) > 1 THEN 1 ELSE 0 END`;

/**
 * Supervision statistics over [from, to), each figure a plain count over raw rows:
 * - inspections / jointInspections: codes issued in the period (by issuedAt) naming the department,
 *   revoked codes excluded; joint = naming two or more departments;
 * - ratings / recognised: ratings given in the period (by ratedAt); recognitionRate = recognised / ratings;
 * - complaints: complaints made in the period, by issue (one complaint may carry several issues);
 *   overdueComplaints: those of them still open or accepted after their deadline, now;
 * - flags: issuance flags recorded in the period about the department.
 * Totals: codes issued (revoked included, as the city reports them), revoked codes, joint inspections.
 */
export async function supervisionStats(s: Services, q: { from?: string; to?: string }): Promise<Stats> {
  const period = toPeriod(q);
  const now = s.clock();
  const m = s.ds.manager;
  const [departments, inspections, totals, ratings, complaints, flags] = await Promise.all([
    m.find(Department, { order: { code: 'ASC' } }),
    within(
      m
        .createQueryBuilder(InspectionDepartment, 'd')
        .innerJoin(Inspection, 'i', 'i.codeNo = d.codeNo')
        .select('d.departmentCode', 'departmentCode')
        .addSelect('COUNT(*)', 'inspections')
        .addSelect(`SUM(${JOINT('d')})`, 'joint')
        .where('i.revokedAt IS NULL')
        .groupBy('d.departmentCode'),
      'i.issuedAt',
      period,
    ).getRawMany(),
    within(
      m
        .createQueryBuilder(Inspection, 'i')
        .select('COUNT(*)', 'issued')
        .addSelect('SUM(CASE WHEN i.revokedAt IS NULL THEN 0 ELSE 1 END)', 'revoked')
        .addSelect(`SUM(CASE WHEN i.revokedAt IS NULL THEN ${JOINT('i')} ELSE 0 END)`, 'joint'),
      'i.issuedAt',
      period,
    ).getRawOne(),
    within(
      m
        .createQueryBuilder(Rating, 'r')
        .select('r.departmentCode', 'departmentCode')
        .addSelect('COUNT(*)', 'ratings')
        .addSelect('SUM(CASE WHEN r.recognised THEN 1 ELSE 0 END)', 'recognised')
        .groupBy('r.departmentCode'),
      'r.ratedAt',
      period,
    ).getRawMany(),
    within(
      m
        .createQueryBuilder(Complaint, 'c')
        .select('c.departmentCode', 'departmentCode')
        .addSelect('COUNT(*)', 'total')
        .addSelect('SUM(CASE WHEN c.notRecognised THEN 1 ELSE 0 END)', 'notRecognised')
        .addSelect('SUM(CASE WHEN c.repeated THEN 1 ELSE 0 END)', 'repeated')
        .addSelect('SUM(CASE WHEN c.inaction THEN 1 ELSE 0 END)', 'inaction')
        .addSelect('SUM(CASE WHEN c.abusive THEN 1 ELSE 0 END)', 'abusive')
        .addSelect('SUM(CASE WHEN c.status IN (:...pending) AND c.deadline < :now THEN 1 ELSE 0 END)', 'overdue')
        .setParameters({ pending: PENDING, now })
        .groupBy('c.departmentCode'),
      'c.createdAt',
      period,
    ).getRawMany(),
    countFlags(m, period),
  ]);

  const by = <T extends { departmentCode: string }>(rows: T[]) => new Map(rows.map((r) => [r.departmentCode, r]));
  const inspectionsBy = by(inspections);
  const ratingsBy = by(ratings);
  const complaintsBy = by(complaints);
  // Departments seen in records but no longer registered still count, under their code.
  const codes = new Set([
    ...departments.map((d) => d.code),
    ...inspectionsBy.keys(),
    ...ratingsBy.keys(),
    ...complaintsBy.keys(),
    ...flags.keys(),
  ]);
  const names = new Map(departments.map((d) => [d.code, d.name]));

  const rows = [...codes].sort().map((code) => {
    const i = inspectionsBy.get(code);
    const r = ratingsBy.get(code);
    const c = complaintsBy.get(code);
    const ratingCount = n(r?.ratings);
    const recognised = n(r?.recognised);
    return {
      departmentCode: code,
      name: names.get(code) ?? code,
      inspections: n(i?.inspections),
      jointInspections: n(i?.joint),
      ratings: ratingCount,
      recognitionRate: ratingCount ? recognised / ratingCount : null,
      complaints: { notRecognised: n(c?.notRecognised), repeated: n(c?.repeated), inaction: n(c?.inaction), abusive: n(c?.abusive) },
      flags: flags.get(code) ?? 0,
      recognised,
      complaintsTotal: n(c?.total),
      overdueComplaints: n(c?.overdue),
    };
  });
  const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((acc, row) => acc + pick(row), 0);
  const ratingTotal = sum((r) => r.ratings);
  const recognisedTotal = sum((r) => r.recognised);
  return {
    from: period.from?.toISOString() ?? null,
    to: period.to?.toISOString() ?? null,
    departments: rows,
    totals: {
      codesIssued: n(totals?.issued),
      revokedCodes: n(totals?.revoked),
      inspections: n(totals?.issued) - n(totals?.revoked),
      jointInspections: n(totals?.joint),
      ratings: ratingTotal,
      recognised: recognisedTotal,
      recognitionRate: ratingTotal ? recognisedTotal / ratingTotal : null,
      complaints: {
        notRecognised: sum((r) => r.complaints.notRecognised),
        repeated: sum((r) => r.complaints.repeated),
        inaction: sum((r) => r.complaints.inaction),
        abusive: sum((r) => r.complaints.abusive),
      },
      complaintsTotal: sum((r) => r.complaintsTotal),
      flags: sum((r) => r.flags),
      overdueComplaints: sum((r) => r.overdueComplaints),
    },
  };
}

/** Issuance flags (server/src/rules) recorded in the period, per department they are about. */
async function countFlags(m: EntityManager, period: Period): Promise<Map<string, number>> {
  const rows: { departmentCode: string; flags: unknown }[] = await within(
    m
      .createQueryBuilder(IssuanceFlag, 'f')
      .select('f.departmentCode', 'departmentCode')
      .addSelect('COUNT(*)', 'flags')
      .groupBy('f.departmentCode'),
    'f.createdAt',
    period,
  ).getRawMany();
  return new Map(rows.map((r) => [r.departmentCode, n(r.flags)]));
}
