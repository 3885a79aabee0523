import { In, type EntityManager } from 'typeorm';
import type { Inspection as InspectionView, Rating as RatingView } from '@inspection-code/shared';
import { Rating } from '../ratings/rating.entity.js';
import { Complaint } from '../supervision/complaint.entities.js';
import { hydrate } from '../db/hydrate.js';
import { Inspection, InspectionDepartment } from './inspection.entities.js';
import { buildRecords, type InspectionRecord } from './inspection.record.js';

/** Who looks decides what is shown: officers never see ratings nor complaints (SPEC §2). */
export interface ViewOptions {
  withRatings: boolean;
}

export function ratingView(r: Rating): RatingView {
  return {
    departmentCode: r.departmentCode,
    recognised: r.recognised,
    disputedItemCodes: r.disputedItemCodes,
    issues: (['repeated', 'inaction', 'abusive'] as const).filter((issue) => r[issue]),
    comment: r.comment,
    ratedAt: r.ratedAt.toISOString(),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function notice(i: Inspection): InspectionView['notice'] {
  if (i.kind !== 'triggered') return null;
  return {
    title: '检查通知',
    text: `根据线索（编号 ${i.clueRef}），执法部门将对贵单位开展触发式检查。检查理由：${i.reason}。检查码 ${i.codeNo}，请在检查时扫码核验。`,
  };
}

/** The inspections as the API shows them: the rows, their parts and, for those who may see them, ratings and complaints. */
export async function presentInspections(m: EntityManager, inspections: Inspection[], options: ViewOptions): Promise<InspectionView[]> {
  if (inspections.length === 0) return [];
  const codeNos = inspections.map((i) => i.codeNo);
  const parts = inspections.every((i) => i.parts)
    ? inspections.flatMap((i) => i.parts!)
    : await m.find(InspectionDepartment, { where: { codeNo: In(codeNos) }, order: { id: 'ASC' } });
  const missing = inspections.filter((i) => !i.record);
  const [legacy, ratings, complaints] = await Promise.all([
    missing.length ? buildRecords(m, missing.map((i) => ({ ...i, parts: parts.filter((p) => p.codeNo === i.codeNo) }))) : Promise.resolve(new Map<string, InspectionRecord>()),
    options.withRatings ? m.findBy(Rating, { codeNo: In(codeNos) }) : Promise.resolve([]),
    options.withRatings ? m.findBy(Complaint, { codeNo: In(codeNos) }) : Promise.resolve([]),
  ]);
  const ratingBy = new Map(ratings.map((r) => [`${r.codeNo}/${r.departmentCode}`, r]));
  const complaintBy = new Map(complaints.map((c) => [`${c.codeNo}/${c.departmentCode}`, c]));

  return inspections.map((i) => {
    const own = parts.filter((p) => p.codeNo === i.codeNo);
    const record = i.record ?? legacy.get(i.codeNo)!;
    return {
      codeNo: i.codeNo,
      kind: i.kind,
      status: inspectionStatus(i, own),
      planNo: i.planNo,
      reason: i.reason,
      clueRef: i.clueRef,
      startedAt: iso(i.startedAt),
      validFrom: i.validFrom.toISOString(),
      validTo: i.validTo.toISOString(),
      issuedAt: i.issuedAt.toISOString(),
      checkedInAt: iso(i.checkedInAt),
      revokedAt: iso(i.revokedAt),
      revokeReason: i.revokeReason,
      enterprise: { creditCode: i.enterpriseCreditCode, name: record.enterpriseName },
      notice: notice(i),
      departments: own.map((p) => {
        const rating = ratingBy.get(`${i.codeNo}/${p.departmentCode}`);
        const complaint = complaintBy.get(`${i.codeNo}/${p.departmentCode}`);
        const names = record.departments[p.departmentCode] ?? { name: p.departmentCode, officers: [], items: [] };
        return {
          departmentCode: p.departmentCode,
          name: names.name,
          officers: names.officers,
          items: names.items,
          completedAt: iso(p.completedAt),
          summary: p.summary,
          ...(options.withRatings
            ? {
                rating: rating ? ratingView(rating) : null,
                complaint: complaint ? { id: complaint.id, status: complaint.status, deadline: complaint.deadline.toISOString() } : null,
              }
            : {}),
        };
      }),
    };
  });
}

/** Derived, never stored: revoked, completed once every department has completed, else issued. */
export function inspectionStatus(i: Inspection, parts: InspectionDepartment[]): InspectionView['status'] {
  if (i.revokedAt) return 'revoked';
  return parts.length > 0 && parts.every((p) => p.completedAt) ? 'completed' : 'issued';
}

/**
 * One inspection with its parts: the scan's hot path. Plain SQL by primary key and by the parts'
 * unique index, hydrated by the driver: the query builder cost more than the queries.
 */
export async function loadInspection(m: EntityManager, codeNo: string): Promise<Inspection | null> {
  const [row] = await m.query('SELECT * FROM `inspections` WHERE `codeNo` = ?', [codeNo]);
  if (!row) return null;
  const inspection = hydrate(m.connection, Inspection, row);
  const parts: Record<string, unknown>[] = await m.query('SELECT * FROM `inspection_departments` WHERE `codeNo` = ? ORDER BY `id`', [codeNo]);
  inspection.parts = parts.map((p) => hydrate(m.connection, InspectionDepartment, p));
  return inspection;
}

export async function presentInspection(m: EntityManager, inspection: Inspection, options: ViewOptions): Promise<InspectionView> {
  const [view] = await presentInspections(m, [inspection], options);
  return view!;
}
