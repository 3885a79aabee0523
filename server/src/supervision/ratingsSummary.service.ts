import type { z } from 'zod';
import type { ratingsSummaryResponse } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { AppError } from '../http/errors.js';
import { Rating } from '../ratings/rating.entity.js';
import { Department } from '../registry/registry.entities.js';
import type { Services } from '../services.js';

/** SPEC §2: a department sees its ratings only as aggregates of at least this many. */
export const MIN_RATINGS = 5;

/**
 * 评价汇总 for a rated department, protecting the raters (SPEC §2). Only aggregates, never a
 * rating, a comment or a rater; and only over the oldest multiple of 5 ratings, so two readings
 * taken before and after a new rating differ by a block of 5 and never expose a single one.
 */
export async function ratingsSummary(
  s: Services,
  user: Principal,
  departmentCode: string | undefined,
): Promise<z.infer<typeof ratingsSummaryResponse>> {
  let code: string;
  if (user.role === 'officer') {
    if (departmentCode && departmentCode !== user.departmentCode) {
      throw new AppError('NOT_OWN_DEPARTMENT', `You may read only the summary of your own department (${user.departmentCode}).`);
    }
    code = user.departmentCode;
  } else {
    if (!departmentCode) {
      throw new AppError('VALIDATION_FAILED', 'Name the department: ?departmentCode=…', {
        errors: [{ path: 'query.departmentCode', message: 'required' }],
      });
    }
    code = departmentCode;
  }
  const m = s.ds.manager;
  const department = await m.findOneBy(Department, { code });
  if (!department) throw new AppError('NOT_FOUND', `No department ${code}.`);

  const total = await m.countBy(Rating, { departmentCode: code });
  const counted = Math.floor(total / MIN_RATINGS) * MIN_RATINGS;
  const base = { departmentCode: code, name: department.name, minimumRatings: MIN_RATINGS };
  if (counted === 0) {
    return {
      ...base,
      available: false,
      message: `评价不足 ${MIN_RATINGS} 条，暂不提供汇总（保护评价企业）。Not enough ratings yet: a summary is shown once there are at least ${MIN_RATINGS}.`,
      summary: null,
    };
  }
  // The last rating of the block, in (ratedAt, id) order: the index on (departmentCode, ratedAt) serves it.
  const [edge] = await m.find(Rating, {
    select: { id: true, ratedAt: true },
    where: { departmentCode: code },
    order: { ratedAt: 'ASC', id: 'ASC' },
    skip: counted - 1,
    take: 1,
  });
  const row = await m
    .createQueryBuilder(Rating, 'r')
    .select('COUNT(*)', 'ratings')
    .addSelect('SUM(CASE WHEN r.recognised THEN 1 ELSE 0 END)', 'recognised')
    .addSelect('SUM(CASE WHEN r.repeated THEN 1 ELSE 0 END)', 'repeated')
    .addSelect('SUM(CASE WHEN r.inaction THEN 1 ELSE 0 END)', 'inaction')
    .addSelect('SUM(CASE WHEN r.abusive THEN 1 ELSE 0 END)', 'abusive')
    .where('r.departmentCode = :code', { code })
    .andWhere('(r.ratedAt < :edgeAt OR (r.ratedAt = :edgeAt AND r.id <= :edgeId))', { edgeAt: edge!.ratedAt, edgeId: edge!.id })
    .getRawOne();
  const ratings = Number(row.ratings);
  const recognised = Number(row.recognised);
  return {
    ...base,
    available: true,
    message: `汇总基于 ${ratings} 条评价，每满 ${MIN_RATINGS} 条更新一次。Aggregated over ${ratings} ratings, updated in blocks of ${MIN_RATINGS}.`,
    summary: {
      ratings,
      recognised,
      notRecognised: ratings - recognised,
      recognitionRate: recognised / ratings,
      issues: { repeated: Number(row.repeated), inaction: Number(row.inaction), abusive: Number(row.abusive) },
    },
  };
}
