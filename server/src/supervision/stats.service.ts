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
import { CITY, COUNTERS, counterRangesWhere, foldPastShards, partialDays, wholeDays, type Counts } from './statsCounters.js';
import { StatsDay } from './statsDay.entity.js';

const n = (v: unknown) => Number(v ?? 0);

function within<T extends object>(qb: SelectQueryBuilder<T>, column: string, p: Period): SelectQueryBuilder<T> {
  if (p.from) qb.andWhere(`${column} >= :from`, { from: p.from });
  if (p.to) qb.andWhere(`${column} < :to`, { to: p.to });
  return qb;
}

/** 1 when the inspection names more than one department (a joint inspection, 联合检查). */
const JOINT = (alias: string) =>
  `CASE WHEN (SELECT COUNT(*) FROM inspection_departments jd WHERE jd.codeNo = ${alias}.codeNo) > 1 THEN 1 ELSE 0 END`;

const zero = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts;

/** Per department (CITY for the city-wide figures), the counters over some span of time. */
type Tally = Map<string, Counts>;

function add(tally: Tally, departmentCode: string, counts: Partial<Counts>) {
  const row = tally.get(departmentCode) ?? zero();
  for (const [k, v] of Object.entries(counts) as [keyof Counts, number][]) row[k] += v;
  tally.set(departmentCode, row);
}

/** The daily counters of whole days, added up per department. */
async function countedDays(m: EntityManager, days: { first: string | null; end: string | null }, tally: Tally): Promise<void> {
  const qb = m.createQueryBuilder(StatsDay, 's').select('s.departmentCode', 'departmentCode').groupBy('s.departmentCode');
  for (const c of COUNTERS) qb.addSelect(`SUM(s.${c})`, c);
  qb.where(...counterRangesWhere('s', days));
  for (const row of await qb.getRawMany<Record<string, unknown>>()) {
    add(tally, String(row.departmentCode), Object.fromEntries(COUNTERS.map((c) => [c, n(row[c])])));
  }
}

/** The same figures counted over the raw rows: for the part of a period that does not fill a whole day. */
async function countedRows(m: EntityManager, period: Period, tally: Tally): Promise<void> {
  const [inspections, totals, ratings, complaints, flags] = await Promise.all([
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
        .groupBy('c.departmentCode'),
      'c.createdAt',
      period,
    ).getRawMany(),
    within(
      m
        .createQueryBuilder(IssuanceFlag, 'f')
        .select('f.departmentCode', 'departmentCode')
        .addSelect('COUNT(*)', 'flags')
        .groupBy('f.departmentCode'),
      'f.createdAt',
      period,
    ).getRawMany(),
  ]);
  for (const r of inspections) add(tally, r.departmentCode, { inspections: n(r.inspections), jointInspections: n(r.joint) });
  add(tally, CITY, {
    codesIssued: n(totals?.issued),
    revokedCodes: n(totals?.revoked),
    inspections: n(totals?.issued) - n(totals?.revoked),
    jointInspections: n(totals?.joint),
  });
  for (const r of ratings) add(tally, r.departmentCode, { ratings: n(r.ratings), recognised: n(r.recognised) });
  for (const r of complaints) {
    add(tally, r.departmentCode, {
      complaints: n(r.total),
      notRecognised: n(r.notRecognised),
      repeated: n(r.repeated),
      inaction: n(r.inaction),
      abusive: n(r.abusive),
    });
  }
  for (const r of flags) add(tally, r.departmentCode, { flags: n(r.flags) });
}

/** Complaints made in the period still open or accepted after their deadline, now: from the pending ones only. */
async function overdue(m: EntityManager, period: Period, now: Date): Promise<Map<string, number>> {
  const rows = await within(
    m
      .createQueryBuilder(Complaint, 'c')
      .select('c.departmentCode', 'departmentCode')
      .addSelect('COUNT(*)', 'overdue')
      .where('c.status IN (:...pending)', { pending: PENDING })
      .andWhere('c.deadline < :now', { now })
      .groupBy('c.departmentCode'),
    'c.createdAt',
    period,
  ).getRawMany<{ departmentCode: string; overdue: unknown }>();
  return new Map(rows.map((r) => [r.departmentCode, n(r.overdue)]));
}

/**
 * Supervision statistics over [from, to), each figure equal to a plain count over raw rows:
 * - inspections / jointInspections: codes issued in the period (by issuedAt) naming the department,
 *   revoked codes excluded; joint = naming two or more departments;
 * - ratings / recognised: ratings given in the period (by ratedAt); recognitionRate = recognised / ratings;
 * - complaints: complaints made in the period, by issue (one complaint may carry several issues);
 *   overdueComplaints: those of them still open or accepted after their deadline, now;
 * - flags: issuance flags recorded in the period about the department.
 * Totals: codes issued (revoked included, as the city reports them), revoked codes, joint inspections.
 *
 * Whole Asia/Shanghai days of the period are read from the daily counters (stats_daily, kept in
 * step with the rows by the writes themselves); what is left of a period given to the
 * millisecond, at most a day at each end, is counted over the rows; overdue complaints, which
 * change with the clock, are counted over the pending complaints.
 */
export async function supervisionStats(s: Services, q: { from?: string; to?: string }): Promise<Stats> {
  const period = toPeriod(q);
  const now = s.clock();
  await foldPastShards(s.ds, now, s.log);
  const m = s.ds.manager;
  const tally: Tally = new Map();
  const days = wholeDays(period);
  const counting: Promise<void>[] = [];
  if (!days) counting.push(countedRows(m, period, tally));
  else {
    counting.push(countedDays(m, days, tally));
    for (const edge of partialDays(period, days)) counting.push(countedRows(m, edge, tally));
  }
  const [departments, overdueBy] = await Promise.all([
    m.find(Department, { order: { code: 'ASC' } }),
    overdue(m, period, now),
    ...counting,
  ]);

  const city = tally.get(CITY) ?? zero();
  tally.delete(CITY);
  // Departments seen in records but no longer registered still count, under their code.
  const seen = [...tally.entries()].filter(([, c]) => c.inspections || c.ratings || c.complaints || c.flags).map(([code]) => code);
  const codes = new Set([...departments.map((d) => d.code), ...seen, ...overdueBy.keys()]);
  const names = new Map(departments.map((d) => [d.code, d.name]));

  const rows = [...codes].sort().map((code) => {
    const c = tally.get(code) ?? zero();
    return {
      departmentCode: code,
      name: names.get(code) ?? code,
      inspections: c.inspections,
      jointInspections: c.jointInspections,
      ratings: c.ratings,
      recognitionRate: c.ratings ? c.recognised / c.ratings : null,
      complaints: { notRecognised: c.notRecognised, repeated: c.repeated, inaction: c.inaction, abusive: c.abusive },
      flags: c.flags,
      recognised: c.recognised,
      complaintsTotal: c.complaints,
      overdueComplaints: overdueBy.get(code) ?? 0,
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
      codesIssued: city.codesIssued,
      revokedCodes: city.revokedCodes,
      inspections: city.codesIssued - city.revokedCodes,
      jointInspections: city.jointInspections,
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
