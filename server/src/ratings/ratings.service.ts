import type { RatingInput } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { inTransaction, isUniqueViolation } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { InspectionDepartment } from '../inspections/inspection.entities.js';
import { findVisibleInspection, ratingView } from '../inspections/index.js';
import type { Services } from '../services.js';
import { actorOf } from '../supervision/audit.service.js';
import { openComplaintFor } from '../supervision/complaints.service.js';
import { countRating } from '../supervision/statsCounters.js';
import { Rating } from './rating.entity.js';

type EnterprisePrincipal = Extract<Principal, { role: 'enterprise' }>;

/**
 * 扫码评价: the enterprise rates one department's completed part, once. The unique index on
 * (codeNo, departmentCode) decides races between processes: the loser gets ALREADY_RATED.
 */
export async function rateDepartment(s: Services, user: EnterprisePrincipal, codeNo: string, input: RatingInput) {
  if (!user.creditCode) throw new AppError('NOT_BOUND', 'Bind your WeChat account to your enterprise before rating.');
  const now = s.clock();
  try {
    return await inTransaction(s.ds, async (m) => {
      const { inspection } = await findVisibleInspection(m, user, codeNo);
      if (inspection.revokedAt) throw new AppError('REVOKED', `Code ${codeNo} was revoked; there is nothing to rate.`);
      const part = await m.findOneBy(InspectionDepartment, { codeNo, departmentCode: input.departmentCode });
      if (!part) throw new AppError('UNKNOWN_REFERENCE', `Department ${input.departmentCode} did not take part in ${codeNo}.`);
      if (!part.completedAt) {
        throw new AppError('NOT_COMPLETED', `${input.departmentCode} has not completed its inspection yet; rate it once it has.`);
      }
      const disputed = [...new Set(input.disputedItemCodes ?? [])];
      const foreign = disputed.filter((c) => !part.itemCodes.includes(c));
      if (foreign.length) {
        throw new AppError('VALIDATION_FAILED', `Disputed item(s) ${foreign.join(', ')} were not inspected by ${input.departmentCode}.`, {
          errors: [{ path: 'body.disputedItemCodes', message: `not items of this inspection: ${foreign.join(', ')}` }],
        });
      }
      const issues = new Set(input.issues ?? []);
      const rating = m.create(Rating, {
        codeNo,
        departmentCode: input.departmentCode,
        enterpriseCreditCode: inspection.enterpriseCreditCode,
        recognised: input.recognised,
        disputedItemCodes: disputed,
        repeated: issues.has('repeated'),
        inaction: issues.has('inaction'),
        abusive: issues.has('abusive'),
        comment: input.comment || null,
        ratedBy: user.userId,
        ratedAt: now,
      });
      await m.insert(Rating, rating);
      // Same transaction: a complaining rating never exists without its complaint.
      const complaint = await openComplaintFor(s, m, rating, actorOf(user));
      await countRating(m, rating, complaint !== null);
      return ratingView(rating);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('ALREADY_RATED', `${input.departmentCode} has already been rated for ${codeNo}; a rating cannot be changed.`);
    throw err;
  }
}
