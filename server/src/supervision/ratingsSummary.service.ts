import type { z } from 'zod';
import type { ratingsSummaryResponse } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { Rating } from '../ratings/rating.entity.js';
import { Department } from '../registry/registry.entities.js';
import type { Services } from '../services.js';
import { counterRangesWhere, foldPastShards } from './statsCounters.js';
import { StatsDay } from './statsDay.entity.js';

const n = (v: unknown) => Number(v ?? 0);

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

  // One snapshot for both reads: the department's counters (all its ratings, added up from the
  // month rows of stats_daily) and its newest total mod 5 ratings, which are left out. What
  // remains is exactly the oldest multiple of 5 in (ratedAt, id) order, read from about a dozen
  // counter rows a year instead of every rating.
  await foldPastShards(s.ds, s.clock(), s.log);
  const row = await inTransaction(s.ds, async (tx) => {
    const all = await tx
      .createQueryBuilder(StatsDay, 'd')
      .select('SUM(d.ratings)', 'ratings')
      .addSelect('SUM(d.recognised)', 'recognised')
      .addSelect('SUM(d.repeated)', 'repeated')
      .addSelect('SUM(d.inaction)', 'inaction')
      .addSelect('SUM(d.abusive)', 'abusive')
      .where('d.departmentCode = :code', { code })
      .andWhere(...counterRangesWhere('d', { first: null, end: null }))
      .getRawOne();
    const sums = {
      ratings: n(all?.ratings),
      recognised: n(all?.recognised),
      repeated: n(all?.repeated),
      inaction: n(all?.inaction),
      abusive: n(all?.abusive),
    };
    const newest = sums.ratings % MIN_RATINGS;
    if (newest > 0) {
      const left = await tx.find(Rating, {
        select: { id: true, recognised: true, repeated: true, inaction: true, abusive: true },
        where: { departmentCode: code },
        order: { ratedAt: 'DESC', id: 'DESC' },
        take: newest,
      });
      sums.ratings -= left.length;
      for (const r of left) {
        sums.recognised -= r.recognised ? 1 : 0;
        sums.repeated -= r.repeated ? 1 : 0;
        sums.inaction -= r.inaction ? 1 : 0;
        sums.abusive -= r.abusive ? 1 : 0;
      }
    }
    return sums;
  });
  const base = { departmentCode: code, name: department.name, minimumRatings: MIN_RATINGS };
  if (row.ratings === 0) {
    return {
      ...base,
      available: false,
      message: `评价不足 ${MIN_RATINGS} 条，暂不提供汇总（保护评价企业）。Not enough ratings yet: a summary is shown once there are at least ${MIN_RATINGS}.`,
      summary: null,
    };
  }
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
