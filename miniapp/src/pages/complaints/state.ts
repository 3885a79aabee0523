import type { DepartmentView, InspectionView } from '../../services/api';

export type RatingState = 'rated' | 'not_rated' | 'not_completed' | 'revoked';

export function ratingState(inspection: InspectionView, d: DepartmentView): RatingState {
  if (d.rating) return 'rated';
  if (inspection.status === 'revoked') return 'revoked';
  return d.completedAt ? 'not_rated' : 'not_completed';
}

/** A rating is a complaint when it does not recognise the inspection or flags an issue (SPEC §1). */
export function isComplaint(d: DepartmentView): boolean {
  return !!d.rating && (!d.rating.recognised || d.rating.issues.length > 0);
}
