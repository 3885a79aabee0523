import type { Principal } from '../auth/principal.js';
import { AppError } from '../http/errors.js';
import { Inspection } from '../inspections/inspection.entities.js';
import { presentInspections } from '../inspections/index.js';
import type { Services } from '../services.js';

/** The enterprise's own inspections, newest first, with notices and the state of its ratings. */
export async function myInspections(s: Services, user: Extract<Principal, { role: 'enterprise' }>, limit: number) {
  if (!user.creditCode) throw new AppError('NOT_BOUND', 'Bind your WeChat account to your enterprise to see its inspections.');
  const rows = await s.ds.manager.find(Inspection, {
    where: { enterpriseCreditCode: user.creditCode },
    order: { issuedAt: 'DESC' },
    take: limit,
  });
  return { items: await presentInspections(s.ds.manager, rows, { withRatings: true }) };
}
