import type { Principal } from '../auth/principal.js';
import { causalRead } from '../db/cluster.js';
import { AppError } from '../http/errors.js';
import { Inspection } from '../inspections/inspection.entities.js';
import { presentInspections } from '../inspections/index.js';
import { enterpriseYearCount } from '../rules/rules.service.js';
import type { Services } from '../services.js';

/** The enterprise's own inspections, newest first, with notices and the state of its ratings, and its count this year. */
export async function myInspections(s: Services, user: Extract<Principal, { role: 'enterprise' }>, limit: number) {
  if (!user.creditCode) throw new AppError('NOT_BOUND', 'Bind your WeChat account to your enterprise to see its inspections.');
  const creditCode = user.creditCode;
  // Read causally: the enterprise sees the rating it just gave through another server.
  return causalRead(s.ds, async (m) => {
    const rows = await m.find(Inspection, { where: { enterpriseCreditCode: creditCode }, order: { issuedAt: 'DESC' }, take: limit });
    return {
      items: await presentInspections(m, rows, { withRatings: true }),
      thisYear: await enterpriseYearCount(m, creditCode, s.clock()),
    };
  });
}
