import { z } from 'zod';
import {
  auditListResponse,
  auditQuery,
  complaintDetailSchema,
  complaintFilterQuery,
  complaintListQuery,
  complaintListResponse,
  complaintTransitionInput,
  periodQuery,
  ratingsSummaryQuery,
  ratingsSummaryResponse,
  statsResponse,
} from '@inspection-code/shared';
import { route } from '../http/route.js';
import { listAudit } from './audit.service.js';
import { getComplaint, listComplaints, transitionComplaint } from './complaints.service.js';
import { complaintsCsv } from './export.js';
import { ratingsSummary } from './ratingsSummary.service.js';
import { supervisionStats } from './stats.service.js';

const supervisors = ['supervisor'] as const;
const complaintId = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const supervisionRoutes = [
  route({
    method: 'get',
    path: '/api/supervision/complaints',
    tag: 'supervision',
    summary: 'Complaints (ratings not recognised or flagging repeated / inaction / abusive), filtered, newest first',
    access: supervisors,
    query: complaintListQuery,
    response: complaintListResponse,
    handler: ({ services, query }) => listComplaints(services, query),
  }),
  // Before /:id, which would otherwise take "export.csv" for an id.
  route({
    method: 'get',
    path: '/api/supervision/complaints/export.csv',
    tag: 'supervision',
    summary: 'The complaint list (same filters) as CSV for Excel: UTF-8 with BOM, streamed',
    access: supervisors,
    query: complaintFilterQuery,
    produces: 'text/csv',
    handler: async ({ services, query, ctx }) => {
      const day = new Date(services.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="complaints-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`投诉清单-${day}.csv`)}`,
      );
      ctx.set('Cache-Control', 'no-store');
      return complaintsCsv(services, query);
    },
  }),
  route({
    method: 'get',
    path: '/api/supervision/complaints/:id',
    tag: 'supervision',
    summary: 'One complaint with its inspection, rating, rater and handling history',
    access: supervisors,
    params: complaintId,
    response: complaintDetailSchema,
    errors: ['NOT_FOUND'],
    handler: ({ services, params }) => getComplaint(services, params.id),
  }),
  route({
    method: 'post',
    path: '/api/supervision/complaints/:id/transitions',
    tag: 'supervision',
    summary: 'Move a complaint along open → accepted → resolved | dismissed (accept, resolve, dismiss), with a note',
    access: supervisors,
    params: complaintId,
    body: complaintTransitionInput,
    response: complaintDetailSchema,
    errors: ['NOT_FOUND', 'INVALID_TRANSITION'],
    handler: ({ services, user, params, body }) => transitionComplaint(services, user!, params.id, body.action, body.note),
  }),
  route({
    method: 'get',
    path: '/api/supervision/stats',
    tag: 'supervision',
    summary: 'Per-department statistics over a period, with city-wide totals',
    access: supervisors,
    query: periodQuery,
    response: statsResponse,
    handler: ({ services, query }) => supervisionStats(services, query),
  }),
  route({
    method: 'get',
    path: '/api/supervision/audit',
    tag: 'supervision',
    summary: 'The append-only audit log (complaint handling, exemption lists, key rotations), newest first',
    access: supervisors,
    query: auditQuery,
    response: auditListResponse,
    handler: ({ services, query }) => listAudit(services, query),
  }),
  route({
    method: 'get',
    path: '/api/department/ratings/summary',
    tag: 'supervision',
    summary: "A department's ratings as aggregates only, once there are at least 5 (protects the raters)",
    access: ['officer', 'supervisor'],
    query: ratingsSummaryQuery,
    response: ratingsSummaryResponse,
    errors: ['NOT_OWN_DEPARTMENT', 'NOT_FOUND'],
    handler: ({ services, user, query }) => ratingsSummary(services, user!, query.departmentCode),
  }),
];
