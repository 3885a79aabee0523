import type { InspectionView } from '../../services/api';

/** Notices of triggered inspections that have not yet taken place (still valid, not completed). */
export function pendingNotices(inspections: InspectionView[], nowMs: number): InspectionView[] {
  return inspections.filter((i) => i.notice && i.status === 'issued' && Date.parse(i.validTo) > nowMs);
}

export interface UnratedPart {
  codeNo: string;
  departmentCode: string;
  name: string;
}

/** Departments that have completed their part and wait for the enterprise's rating. */
export function unratedParts(inspections: InspectionView[]): UnratedPart[] {
  return inspections.flatMap((i) =>
    i.status === 'revoked'
      ? []
      : i.departments
          .filter((d) => d.completedAt && !d.rating)
          .map((d) => ({ codeNo: i.codeNo, departmentCode: d.departmentCode, name: d.name })),
  );
}
