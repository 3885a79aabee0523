import { And, In, LessThan, MoreThanOrEqual, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Flag, flagListQuery } from '@inspection-code/shared';
import type { z } from 'zod';
import { Inspection } from '../inspections/inspection.entities.js';
import { Department, Enterprise } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { toPeriod, type Period } from '../supervision/period.js';
import { partialDays, sumCounter, wholeDays } from '../supervision/statsCounters.js';
import { IssuanceFlag } from './rules.entities.js';

type FlagQuery = z.output<typeof flagListQuery>;

function flagsWhere(q: FlagQuery, { from, to }: Period): FindOptionsWhere<IssuanceFlag> {
  const where: FindOptionsWhere<IssuanceFlag> = {};
  if (q.departmentCode) where.departmentCode = q.departmentCode;
  if (q.kind) where.kind = q.kind;
  if (from && to) where.createdAt = And(MoreThanOrEqual(from), LessThan(to));
  else if (from) where.createdAt = MoreThanOrEqual(from);
  else if (to) where.createdAt = LessThan(to);
  return where;
}

/**
 * How many flags match: by department and whole days from the daily counters (stats_daily, the
 * flags column), the rest of a period given to the millisecond over the rows; a kind is counted
 * over the rows.
 */
async function countFlags(m: EntityManager, q: FlagQuery, period: Period): Promise<number> {
  const days = wholeDays(period);
  if (q.kind || !days) return m.countBy(IssuanceFlag, flagsWhere(q, period));
  const [counted, ...edges] = await Promise.all([
    sumCounter(m, 'flags', q.departmentCode, days),
    ...partialDays(period, days).map((edge) => m.countBy(IssuanceFlag, flagsWhere(q, edge))),
  ]);
  return counted + edges.reduce((sum, n) => sum + n, 0);
}

/** Flagged issuances for supervisors, newest first, filtered by department, kind and creation time [from, to). */
export async function listFlags(s: Services, q: FlagQuery) {
  const period = toPeriod(q);
  const m = s.ds.manager;
  const [rows, total] = await Promise.all([
    m.find(IssuanceFlag, {
      where: flagsWhere(q, period),
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    countFlags(m, q, period),
  ]);
  const codes = <K extends keyof IssuanceFlag>(key: K) => [...new Set(rows.map((r) => r[key]))];
  const [departments, enterprises, inspections] = rows.length
    ? await Promise.all([
        m.findBy(Department, { code: In(codes('departmentCode')) }),
        m.findBy(Enterprise, { creditCode: In(codes('enterpriseCreditCode')) }),
        m.find(Inspection, { select: { codeNo: true, justification: true }, where: { codeNo: In(codes('codeNo')) } }),
      ])
    : [[], [], []];
  const departmentName = new Map(departments.map((d) => [d.code, d.name]));
  const enterpriseName = new Map(enterprises.map((e) => [e.creditCode, e.name]));
  const justification = new Map(inspections.map((i) => [i.codeNo, i.justification]));

  const items: Flag[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    codeNo: r.codeNo,
    departmentCode: r.departmentCode,
    departmentName: departmentName.get(r.departmentCode) ?? r.departmentCode,
    enterprise: { creditCode: r.enterpriseCreditCode, name: enterpriseName.get(r.enterpriseCreditCode) ?? '' },
    detail: r.detail,
    justification: justification.get(r.codeNo) ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
  return { items, total, page: q.page, pageSize: q.pageSize };
}
