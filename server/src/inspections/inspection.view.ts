import { In, type EntityManager } from 'typeorm';
import type { Inspection as InspectionView, Rating as RatingView } from '@inspection-code/shared';
import { Rating } from '../ratings/rating.entity.js';
import { Department, Enterprise, Item, Officer } from '../registry/registry.entities.js';
import { Complaint } from '../supervision/complaint.entities.js';
import { Inspection, InspectionDepartment } from './inspection.entities.js';

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

function byKey<T, K extends keyof T>(rows: T[], key: K): Map<T[K], T> {
  return new Map(rows.map((r) => [r[key], r]));
}

function notice(i: Inspection): InspectionView['notice'] {
  if (i.kind !== 'triggered') return null;
  return {
    title: '检查通知',
    text: `根据线索（编号 ${i.clueRef}），执法部门将对贵单位开展触发式检查。检查理由：${i.reason}。检查码 ${i.codeNo}，请在检查时扫码核验。`,
  };
}

/** The inspections as the API shows them, with every name resolved in a handful of batched queries. */
export async function presentInspections(m: EntityManager, inspections: Inspection[], options: ViewOptions): Promise<InspectionView[]> {
  if (inspections.length === 0) return [];
  const codeNos = inspections.map((i) => i.codeNo);
  const parts = await m.find(InspectionDepartment, { where: { codeNo: In(codeNos) }, order: { id: 'ASC' } });
  const unique = <T>(xs: T[]) => [...new Set(xs)];
  const [enterprises, departments, officers, items, ratings, complaints] = await Promise.all([
    m.findBy(Enterprise, { creditCode: In(unique(inspections.map((i) => i.enterpriseCreditCode))) }),
    m.findBy(Department, { code: In(unique(parts.map((p) => p.departmentCode))) }),
    m.findBy(Officer, { certNo: In(unique(parts.flatMap((p) => p.officerCertNos))) }),
    m.findBy(Item, { code: In(unique(parts.flatMap((p) => p.itemCodes))) }),
    options.withRatings ? m.findBy(Rating, { codeNo: In(codeNos) }) : Promise.resolve([]),
    options.withRatings ? m.findBy(Complaint, { codeNo: In(codeNos) }) : Promise.resolve([]),
  ]);
  const enterpriseBy = byKey(enterprises, 'creditCode');
  const departmentBy = byKey(departments, 'code');
  const officerBy = byKey(officers, 'certNo');
  const itemBy = byKey(items, 'code');
  const ratingBy = new Map(ratings.map((r) => [`${r.codeNo}/${r.departmentCode}`, r]));
  const complaintBy = new Map(complaints.map((c) => [`${c.codeNo}/${c.departmentCode}`, c]));

  return inspections.map((i) => {
    const own = parts.filter((p) => p.codeNo === i.codeNo);
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
      enterprise: { creditCode: i.enterpriseCreditCode, name: enterpriseBy.get(i.enterpriseCreditCode)?.name ?? '' },
      notice: notice(i),
      departments: own.map((p) => {
        const rating = ratingBy.get(`${i.codeNo}/${p.departmentCode}`);
        const complaint = complaintBy.get(`${i.codeNo}/${p.departmentCode}`);
        return {
          departmentCode: p.departmentCode,
          name: departmentBy.get(p.departmentCode)?.name ?? p.departmentCode,
          officers: p.officerCertNos.map((certNo) => ({ certNo, name: officerBy.get(certNo)?.name ?? '' })),
          items: p.itemCodes.map((code) => ({ code, name: itemBy.get(code)?.name ?? code })),
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

export async function presentInspection(m: EntityManager, inspection: Inspection, options: ViewOptions): Promise<InspectionView> {
  const [view] = await presentInspections(m, [inspection], options);
  return view!;
}
