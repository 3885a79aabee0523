import { AppError } from '../http/errors.js';
import { addDays, startOfShanghaiDay } from './calendar.js';

export interface Period {
  from: Date | null;
  to: Date | null;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A half-open period [from, to). A bare date means that whole day in Asia/Shanghai, so
 * `from=2026-01-01&to=2026-12-31` is the calendar year as a Shanghai official reads it.
 */
export function toPeriod(q: { from?: string; to?: string }): Period {
  const from = q.from === undefined ? null : DATE_ONLY.test(q.from) ? startOfShanghaiDay(q.from) : new Date(q.from);
  const to = q.to === undefined ? null : DATE_ONLY.test(q.to) ? startOfShanghaiDay(addDays(q.to, 1)) : new Date(q.to);
  if (from && to && from.getTime() >= to.getTime()) {
    throw new AppError('VALIDATION_FAILED', `The period is empty: from (${q.from}) must come before to (${q.to}).`, {
      errors: [{ path: 'query.to', message: 'must be after from' }],
    });
  }
  return { from, to };
}
