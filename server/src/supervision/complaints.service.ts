import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { Config } from '@inspection-code/config';
import type {
  ComplaintAction,
  ComplaintFilter,
  ComplaintIssue,
  ComplaintStatus,
  Complaint as ComplaintView,
  ComplaintDetail,
} from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { inTransaction } from '../db/transaction.js';
import { AppError } from '../http/errors.js';
import { Inspection } from '../inspections/inspection.entities.js';
import { presentInspection, presentInspections, ratingView } from '../inspections/index.js';
import { Rating } from '../ratings/rating.entity.js';
import type { Services } from '../services.js';
import { actorOf, recordAudit, type Actor } from './audit.service.js';
import { handlingDeadline, workdayCalendar, type IsWorkday } from './calendar.js';
import { Complaint, ComplaintEvent } from './complaint.entities.js';
import { toPeriod, type Period } from './period.js';
import { countClosed, partialDays, sumCounter, wholeDays } from './statsCounters.js';

/** Statuses still being handled: only these can be overdue. */
export const PENDING: ComplaintStatus[] = ['open', 'accepted'];

/** The workflow open → accepted → resolved | dismissed, as the one action that leaves each status. */
const STEPS: Record<ComplaintAction, { from: ComplaintStatus; to: ComplaintStatus }> = {
  accept: { from: 'open', to: 'accepted' },
  resolve: { from: 'accepted', to: 'resolved' },
  dismiss: { from: 'accepted', to: 'dismissed' },
};

const ISSUES: ComplaintIssue[] = ['notRecognised', 'repeated', 'inaction', 'abusive'];

const calendars = new WeakMap<Config, IsWorkday>();
function calendarOf(config: Config): IsWorkday {
  let calendar = calendars.get(config);
  if (!calendar) calendars.set(config, (calendar = workdayCalendar(config.complaints)));
  return calendar;
}

export const isOverdue = (c: Pick<Complaint, 'status' | 'deadline'>, now: Date) =>
  PENDING.includes(c.status) && c.deadline.getTime() < now.getTime();

/**
 * Turns a rating into a complaint when it is not recognised or flags repeated / inaction /
 * abusive. Runs inside the rating's transaction: a rating never exists without its complaint.
 */
export async function openComplaintFor(s: Services, m: EntityManager, rating: Rating, rater: Actor): Promise<Complaint | null> {
  const notRecognised = !rating.recognised;
  if (!notRecognised && !rating.repeated && !rating.inaction && !rating.abusive) return null;
  const at = rating.ratedAt;
  const complaint = m.create(Complaint, {
    ratingId: rating.id,
    codeNo: rating.codeNo,
    departmentCode: rating.departmentCode,
    enterpriseCreditCode: rating.enterpriseCreditCode,
    notRecognised,
    repeated: rating.repeated,
    inaction: rating.inaction,
    abusive: rating.abusive,
    status: 'open',
    createdAt: at,
    deadline: handlingDeadline(at, s.config.complaints.deadlineWorkingDays, calendarOf(s.config)),
    closedAt: null,
    updatedAt: at,
  });
  const inserted = await m.insert(Complaint, complaint);
  complaint.id = inserted.identifiers[0]!.id as number;
  await m.insert(ComplaintEvent, {
    complaintId: complaint.id,
    action: 'open',
    fromStatus: null,
    toStatus: 'open',
    note: null,
    actorRole: rater.role,
    actor: rater.id,
    at,
  });
  await recordAudit(m, {
    at,
    actor: rater,
    action: 'complaint.open',
    target: { type: 'complaint', id: String(complaint.id) },
    detail: {
      codeNo: complaint.codeNo,
      departmentCode: complaint.departmentCode,
      issues: issuesOf(complaint),
      deadline: complaint.deadline.toISOString(),
    },
  });
  return complaint;
}

function issuesOf(c: Complaint): ComplaintIssue[] {
  return ISSUES.filter((issue) => c[issue]);
}

/** The filters of the list and the export, each served by an index of `complaints`. */
function filtered(m: EntityManager, f: ComplaintFilter, now: Date, period: Period = toPeriod(f)): SelectQueryBuilder<Complaint> {
  const qb = m.createQueryBuilder(Complaint, 'c');
  const { from, to } = period;
  if (f.departmentCode) qb.andWhere('c.departmentCode = :departmentCode', { departmentCode: f.departmentCode });
  // The column name comes from a closed enum, never from the caller's text.
  if (f.issue) qb.andWhere(`c.${f.issue} = :yes`, { yes: true });
  if (f.status) qb.andWhere('c.status = :status', { status: f.status });
  if (from) qb.andWhere('c.createdAt >= :from', { from });
  if (to) qb.andWhere('c.createdAt < :to', { to });
  if (f.overdue === true) {
    qb.andWhere('c.status IN (:...pending) AND c.deadline < :now', { pending: PENDING, now });
    // Overdue complaints are few and old: reading them from their own index and sorting beats
    // walking every complaint newest first, which MariaDB picks when it assumes they are spread
    // evenly over time (MySQL family only; elsewhere a no-op).
    if (!f.issue) qb.useIndex('idx_complaints_overdue');
  }
  if (f.overdue === false) qb.andWhere('(c.status NOT IN (:...pending) OR c.deadline >= :now)', { pending: PENDING, now });
  return qb;
}

/** Complaints as supervisors see them: with the inspection, the rating and the rater, in a few batched queries. */
async function present(m: EntityManager, rows: Complaint[], now: Date): Promise<ComplaintView[]> {
  if (rows.length === 0) return [];
  const [ratings, inspections] = await Promise.all([
    m.findBy(Rating, { id: In(rows.map((c) => c.ratingId)) }),
    m.findBy(Inspection, { codeNo: In([...new Set(rows.map((c) => c.codeNo))]) }),
  ]);
  const views = new Map((await presentInspections(m, inspections, { withRatings: false })).map((v) => [v.codeNo, v]));
  const ratingBy = new Map(ratings.map((r) => [r.id, r]));
  return rows.map((c) => {
    const inspection = views.get(c.codeNo)!;
    const rating = ratingBy.get(c.ratingId)!;
    return {
      id: c.id,
      status: c.status,
      issues: issuesOf(c),
      departmentCode: c.departmentCode,
      departmentName: inspection.departments.find((d) => d.departmentCode === c.departmentCode)?.name ?? c.departmentCode,
      createdAt: c.createdAt.toISOString(),
      deadline: c.deadline.toISOString(),
      overdue: isOverdue(c, now),
      closedAt: c.closedAt ? c.closedAt.toISOString() : null,
      inspection: {
        codeNo: inspection.codeNo,
        kind: inspection.kind,
        status: inspection.status,
        planNo: inspection.planNo,
        reason: inspection.reason,
        issuedAt: inspection.issuedAt,
        validFrom: inspection.validFrom,
        validTo: inspection.validTo,
        enterprise: inspection.enterprise,
        departments: inspection.departments.map((d) => ({ departmentCode: d.departmentCode, name: d.name, completedAt: d.completedAt })),
      },
      rating: ratingView(rating),
      rater: { userId: rating.ratedBy, enterprise: inspection.enterprise },
    };
  });
}

/**
 * How many complaints match the filter. The daily counters (stats_daily) know, per day and
 * department, how many were made, with each issue, and how many of them have been resolved or
 * dismissed: a filter by department, issue, whole days, resolved or dismissed reads a few hundred
 * counter rows a year instead of counting up to millions of complaints. What they cannot tell is
 * counted over the rows, always a small set: the pending ones (open, accepted, overdue) and the
 * part of a period that is not a whole day. Only an issue together with a closed status is
 * counted over all the matching rows.
 */
async function countComplaints(m: EntityManager, f: ComplaintFilter, now: Date): Promise<number> {
  const period = toPeriod(f);
  const closed = f.status === 'resolved' || f.status === 'dismissed' ? f.status : null;
  const days = wholeDays(period);
  const rows = (filter: ComplaintFilter, p: Period = period) => filtered(m, filter, now, p).getCount();
  if (!days || (f.status && !closed) || (closed && f.issue) || (f.overdue === true && !closed)) return rows(f);
  // A closed complaint is never overdue.
  if (closed && f.overdue === true) return 0;
  const sansOverdue = { ...f, overdue: undefined };
  const [counted, ...edges] = await Promise.all([
    sumCounter(m, closed ?? f.issue ?? 'complaints', f.departmentCode, days),
    ...partialDays(period, days).map((edge) => rows(sansOverdue, edge)),
    // overdue=false: all of them but the overdue ones.
    ...(f.overdue === false && !closed ? [rows({ ...f, overdue: true }).then((n) => -n)] : []),
  ]);
  return counted + edges.reduce((sum, n) => sum + n, 0);
}

/**
 * GET /api/supervision/complaints: filtered, newest first, one page. The page's ids are read from
 * the filter's index alone (a deferred join), so a deep page skips index entries, not rows.
 */
export async function listComplaints(s: Services, q: ComplaintFilter & { page: number; pageSize: number }) {
  const now = s.clock();
  const m = s.ds.manager;
  const base = filtered(m, q, now);
  const [total, page] = await Promise.all([
    countComplaints(m, q, now),
    base
      .clone()
      .select('c.id', 'id')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<{ id: number | string }>(),
  ]);
  const ids = page.map((r) => Number(r.id));
  const byId = new Map((ids.length ? await m.findBy(Complaint, { id: In(ids) }) : []).map((c) => [c.id, c]));
  const rows = ids.map((id) => byId.get(id)).filter((c): c is Complaint => c !== undefined);
  return { items: await present(m, rows, now), total, page: q.page, pageSize: q.pageSize };
}

/**
 * Every complaint matching the filters, newest first, read in pages by keyset (createdAt, id):
 * one page in memory at a time, and complaints made during the export do not shift the pages.
 */
export async function* eachComplaint(s: Services, f: ComplaintFilter, batch = 500): AsyncGenerator<ComplaintView> {
  const now = s.clock();
  const m = s.ds.manager;
  let after: { createdAt: Date; id: number } | null = null;
  // A short first page, so that a download starts at once; then full pages.
  for (let size = Math.min(batch, 50); ; size = batch) {
    const qb = filtered(m, f, now);
    if (after)
      qb.andWhere('(c.createdAt < :lastAt OR (c.createdAt = :lastAt AND c.id < :lastId))', { lastAt: after.createdAt, lastId: after.id });
    const rows = await qb.orderBy('c.createdAt', 'DESC').addOrderBy('c.id', 'DESC').limit(size).getMany();
    yield* await present(m, rows, now);
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** GET /api/supervision/complaints/:id: the complaint with its whole inspection and its history. */
export async function getComplaint(s: Services, id: number, m: EntityManager = s.ds.manager): Promise<ComplaintDetail> {
  const complaint = await m.findOneBy(Complaint, { id });
  if (!complaint) throw new AppError('NOT_FOUND', `No complaint ${id}.`);
  const [view] = await present(m, [complaint], s.clock());
  const [inspection, events] = await Promise.all([
    m.findOneByOrFail(Inspection, { codeNo: complaint.codeNo }),
    m.find(ComplaintEvent, { where: { complaintId: id }, order: { id: 'ASC' } }),
  ]);
  return {
    ...view!,
    inspection: await presentInspection(m, inspection, { withRatings: true }),
    history: events.map((e) => ({
      action: e.action as ComplaintDetail['history'][number]['action'],
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
      actor: { role: e.actorRole, id: e.actor },
      at: e.at.toISOString(),
    })),
  };
}

function allowedActions(status: ComplaintStatus): ComplaintAction[] {
  return (Object.keys(STEPS) as ComplaintAction[]).filter((a) => STEPS[a].from === status);
}

/**
 * Moves a complaint one step. The UPDATE is conditional on the status the step starts from, so of
 * two supervisors acting at once exactly one succeeds; the other is told what happened.
 */
export async function transitionComplaint(
  s: Services,
  user: Principal,
  id: number,
  action: ComplaintAction,
  note: string,
): Promise<ComplaintDetail> {
  const step = STEPS[action];
  const actor = actorOf(user);
  const now = s.clock();
  await inTransaction(s.ds, async (m) => {
    const complaint = await m.findOneBy(Complaint, { id });
    if (!complaint) throw new AppError('NOT_FOUND', `No complaint ${id}.`);
    const refuse = (status: ComplaintStatus) =>
      new AppError(
        'INVALID_TRANSITION',
        `Complaint ${id} is ${status}: '${action}' applies only to ${step.from} complaints (${allowedActions(status).length ? `allowed now: ${allowedActions(status).join(', ')}` : 'it is closed'}).`,
        {
          currentStatus: status,
          allowedActions: allowedActions(status),
        },
      );
    if (complaint.status !== step.from) throw refuse(complaint.status);
    const closing = step.to === 'resolved' || step.to === 'dismissed';
    const done = await m.update(
      Complaint,
      { id, status: step.from },
      { status: step.to, updatedAt: now, ...(closing ? { closedAt: now } : {}) },
    );
    if (done.affected !== 1) {
      // Another supervisor moved it between our read and our write (a snapshot read cannot see how).
      throw new AppError(
        'INVALID_TRANSITION',
        `Complaint ${id} was moved by someone else at the same moment; reload it to see its status.`,
      );
    }
    await m.insert(ComplaintEvent, {
      complaintId: id,
      action,
      fromStatus: step.from,
      toStatus: step.to,
      note,
      actorRole: actor.role,
      actor: actor.id,
      at: now,
    });
    await recordAudit(m, {
      at: now,
      actor,
      action: `complaint.${action}`,
      target: { type: 'complaint', id: String(id) },
      detail: { from: step.from, to: step.to, note },
    });
    if (closing) await countClosed(m, complaint, step.to as 'resolved' | 'dismissed');
  });
  return getComplaint(s, id);
}
