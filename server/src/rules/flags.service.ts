import { And, In, LessThan, MoreThanOrEqual, type FindOptionsWhere } from 'typeorm';
import type { Flag, flagListQuery } from '@inspection-code/shared';
import type { z } from 'zod';
import { Inspection } from '../inspections/inspection.entities.js';
import { Department, Enterprise } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { toPeriod } from '../supervision/period.js';
import { IssuanceFlag } from './rules.entities.js';

/** Flagged issuances for supervisors, newest first, filtered by department, kind and creation time [from, to). */
export async function listFlags(s: Services, q: z.output<typeof flagListQuery>) {
  const { from, to } = toPeriod(q);
  const where: FindOptionsWhere<IssuanceFlag> = {};
  if (q.departmentCode) where.departmentCode = q.departmentCode;
  if (q.kind) where.kind = q.kind;
  if (from && to) where.createdAt = And(MoreThanOrEqual(from), LessThan(to));
  else if (from) where.createdAt = MoreThanOrEqual(from);
  else if (to) where.createdAt = LessThan(to);

  const m = s.ds.manager;
  const [rows, total] = await m.findAndCount(IssuanceFlag, {
    where,
    order: { createdAt: 'DESC', id: 'DESC' },
    skip: (q.page - 1) * q.pageSize,
    take: q.pageSize,
  });
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
