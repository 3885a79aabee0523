/**
 * Request and response schemas of the HTTP contract (SPEC §5). The server validates with them,
 * the mini program parses with them, the OpenAPI document is generated from them.
 */
import { z } from 'zod';
import { validateCreditCode } from './creditCode.js';

const code = (max = 32) => z.string().trim().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only');
const text = (max: number) => z.string().trim().min(1).max(max);
const isoDate = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time');

export const creditCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((value, ctx) => {
    const result = validateCreditCode(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.reason });
  })
  .describe('统一社会信用代码 (GB 32100-2015), 18 characters');

export const roleSchema = z.enum(['enterprise', 'officer', 'supervisor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const kindSchema = z.enum(['planned', 'triggered', 'emergency']);
export const ratingIssueSchema = z.enum(['repeated', 'inaction', 'abusive']);
export type RatingIssue = z.infer<typeof ratingIssueSchema>;
export const inspectionStatusSchema = z.enum(['issued', 'completed', 'revoked']);
export const enterpriseKindSchema = z.enum(['legal_person', 'unincorporated', 'individual_business']);

export const verdictSchema = z.enum([
  'valid',
  'expired',
  'not_yet_valid',
  'revoked',
  'forged',
  'unknown_key',
  'malformed',
  'wrong_enterprise',
]);
export type Verdict = z.infer<typeof verdictSchema>;

// ---- problem details (RFC 9457) ----
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  code: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemSchema>;

// ---- auth ----
export const devLoginRequest = z.object({ role: roleSchema, subject: text(64) });
export const wechatLoginRequest = z.object({ code: text(128) });
export const bindingRequest = z.object({ creditCode: creditCodeSchema, bindingCode: text(32) });
export const userSchema = z.object({
  id: z.string(),
  role: roleSchema,
  subject: z.string(),
  enterprise: z.object({ creditCode: z.string(), name: z.string() }).nullable(),
  departmentCode: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;
export const sessionResponse = z.object({ token: z.string(), user: userSchema });
export const bindingCodeResponse = z.object({ creditCode: z.string(), bindingCode: z.string(), expiresAt: isoDate });

// ---- reference data ----
export const departmentInput = z.object({ code: code(), name: text(100) });
export const officerInput = z.object({
  certNo: code(),
  name: text(50),
  departmentCode: code(),
  active: z.boolean().optional(),
});
export const enterpriseInput = z.object({
  creditCode: creditCodeSchema,
  name: text(200),
  kind: enterpriseKindSchema.optional(),
  creditGrade: z.string().trim().max(8).optional(),
});
export const itemInput = z.object({ code: code(), name: text(200), departmentCode: code() });
export const scenarioInput = z.object({
  code: code(),
  name: text(200),
  leadDepartmentCode: code(),
  departmentCodes: z.array(code()).min(1).max(50),
  itemCodes: z.array(code()).min(1).max(500),
});
export const exemptionResponse = z.object({ key: z.string(), addedBy: z.string(), addedAt: isoDate });
export const rotateKeyResponse = z.object({ kid: z.string() });
export const jwksSchema = z.object({
  keys: z.array(
    z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: z.string(), y: z.string(), kid: z.string(), alg: z.literal('ES256'), use: z.literal('sig') }),
  ),
});

// ---- plans ----
export const planInput = z
  .object({
    name: text(200),
    itemCodes: z.array(code()).min(1).max(200),
    enterpriseCreditCodes: z.array(creditCodeSchema).min(1).max(2000),
    periodFrom: isoDate,
    periodTo: isoDate,
  })
  .refine((p) => Date.parse(p.periodFrom) < Date.parse(p.periodTo), {
    message: 'periodFrom must be before periodTo',
    path: ['periodTo'],
  });
export type PlanInput = z.infer<typeof planInput>;
export const planSchema = z.object({
  planNo: z.string(),
  departmentCode: z.string(),
  name: z.string(),
  itemCodes: z.array(z.string()),
  enterpriseCreditCodes: z.array(z.string()),
  periodFrom: isoDate,
  periodTo: isoDate,
  createdBy: z.string(),
  createdAt: isoDate,
});
export type Plan = z.infer<typeof planSchema>;

// ---- inspections ----
export const departmentPartInput = z.object({
  departmentCode: code(),
  officerCertNos: z.array(code()).min(1).max(20),
  itemCodes: z.array(code()).min(1).max(100),
});

const KIND_FIELDS: Record<z.infer<typeof kindSchema>, string[]> = {
  planned: ['planNo'],
  triggered: ['reason', 'clueRef'],
  emergency: ['reason', 'startedAt'],
};

export const inspectionInput = z
  .object({
    kind: kindSchema,
    enterpriseCreditCode: creditCodeSchema,
    planNo: code(64).optional(),
    reason: text(500).optional(),
    clueRef: text(100).optional(),
    startedAt: isoDate.optional(),
    justification: text(1000).optional(),
    validFrom: isoDate,
    validTo: isoDate,
    departments: z.array(departmentPartInput).min(1).max(20),
  })
  .superRefine((body, ctx) => {
    for (const field of KIND_FIELDS[body.kind]) {
      if (body[field as keyof typeof body] === undefined) {
        ctx.addIssue({ code: 'custom', path: [field], message: `${field} is required for a ${body.kind} inspection` });
      }
    }
    if (Date.parse(body.validFrom) >= Date.parse(body.validTo)) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo must be after validFrom' });
    }
    const seen = new Set<string>();
    body.departments.forEach((d, i) => {
      if (seen.has(d.departmentCode)) {
        ctx.addIssue({ code: 'custom', path: ['departments', i, 'departmentCode'], message: 'department listed twice' });
      }
      seen.add(d.departmentCode);
    });
  });
export type InspectionInput = z.infer<typeof inspectionInput>;

export const ratingInput = z
  .object({
    departmentCode: code(),
    recognised: z.boolean(),
    disputedItemCodes: z.array(code()).max(100).optional(),
    issues: z.array(ratingIssueSchema).max(3).optional(),
    comment: z.string().trim().max(1000).optional(),
  })
  .refine((r) => !(r.recognised && (r.disputedItemCodes?.length ?? 0) > 0), {
    message: 'a recognised inspection has no disputed items',
    path: ['disputedItemCodes'],
  });
export type RatingInput = z.infer<typeof ratingInput>;

export const ratingSchema = z.object({
  departmentCode: z.string(),
  recognised: z.boolean(),
  disputedItemCodes: z.array(z.string()),
  issues: z.array(ratingIssueSchema),
  comment: z.string().nullable(),
  ratedAt: isoDate,
});
export type Rating = z.infer<typeof ratingSchema>;

export const complaintStatusSchema = z.enum(['open', 'accepted', 'resolved', 'dismissed']);
export type ComplaintStatus = z.infer<typeof complaintStatusSchema>;
/** The state of a complaint as the enterprise that made it follows it. */
export const complaintStateSchema = z.object({
  id: z.number().int(),
  status: complaintStatusSchema,
  deadline: isoDate,
});

export const completeInput = z.object({ summary: z.string().trim().max(2000).optional() });
export const revokeInput = z.object({ reason: text(500) });
export const scanInput = z.object({ qrContent: z.string().max(4096) });

export const inspectionSchema = z.object({
  codeNo: z.string(),
  kind: kindSchema,
  status: inspectionStatusSchema,
  planNo: z.string().nullable(),
  reason: z.string().nullable(),
  clueRef: z.string().nullable(),
  startedAt: isoDate.nullable(),
  validFrom: isoDate,
  validTo: isoDate,
  issuedAt: isoDate,
  checkedInAt: isoDate.nullable(),
  revokedAt: isoDate.nullable(),
  revokeReason: z.string().nullable(),
  enterprise: z.object({ creditCode: z.string(), name: z.string() }),
  notice: z.object({ title: z.string(), text: z.string() }).nullable(),
  departments: z.array(
    z.object({
      departmentCode: z.string(),
      name: z.string(),
      officers: z.array(z.object({ name: z.string(), certNo: z.string() })),
      items: z.array(z.object({ code: z.string(), name: z.string() })),
      completedAt: isoDate.nullable(),
      summary: z.string().nullable().optional(),
      rating: ratingSchema.nullable().optional(),
      complaint: complaintStateSchema.nullable().optional(),
    }),
  ),
});
export type Inspection = z.infer<typeof inspectionSchema>;

// ---- issuance rules (docs/RULES.md) ----
export const flagKindSchema = z.enum(['joint_waived', 'repeat_justified', 'cap_waived', 'frequency', 'late_emergency']);
export type FlagKind = z.infer<typeof flagKindSchema>;
/** A flag raised by an application: recorded for supervision and shown to the applicant. */
export const issuanceFlagSchema = z.object({ kind: flagKindSchema, departmentCode: z.string(), detail: z.string() });
/** Another inspection of the same enterprise that has not ended yet: a chance to inspect jointly. */
export const upcomingInspectionSchema = z.object({
  codeNo: z.string(),
  kind: kindSchema,
  validFrom: isoDate,
  validTo: isoDate,
  departments: z.array(z.object({ departmentCode: z.string(), name: z.string() })),
});
export type UpcomingInspection = z.infer<typeof upcomingInspectionSchema>;
/** The enterprise's own count of inspections in the current Asia/Shanghai calendar year (revoked codes excluded). */
export const yearCountSchema = z.object({
  year: z.number().int(),
  total: z.number().int().min(0),
  byDepartment: z.array(
    z.object({
      departmentCode: z.string(),
      name: z.string(),
      total: z.number().int().min(0),
      planned: z.number().int().min(0),
      triggered: z.number().int().min(0),
      emergency: z.number().int().min(0),
    }),
  ),
});
export type YearCount = z.infer<typeof yearCountSchema>;

export const issuedCodeResponse = inspectionSchema.extend({
  token: z.string(),
  qrContent: z.string(),
  flags: z.array(issuanceFlagSchema),
  upcoming: z.array(upcomingInspectionSchema).describe('other inspections of this enterprise that have not ended: join one instead of adding a visit'),
});
export const scanResponse = z.object({
  verdict: verdictSchema,
  message: z.string(),
  inspection: inspectionSchema.optional(),
});
export type ScanResponse = z.infer<typeof scanResponse>;
export const myInspectionsResponse = z.object({ items: z.array(inspectionSchema), thisYear: yearCountSchema });
export const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['sqlite', 'mysql']) });


// ---- supervision ----
export const complaintIssueSchema = z.enum(['notRecognised', 'repeated', 'inaction', 'abusive']);
export type ComplaintIssue = z.infer<typeof complaintIssueSchema>;
export const complaintActionSchema = z.enum(['accept', 'resolve', 'dismiss']);
export type ComplaintAction = z.infer<typeof complaintActionSchema>;

const count = z.number().int().min(0);
const periodBound = z
  .union([isoDate, z.iso.date()])
  .describe('ISO 8601 date-time (from inclusive, to exclusive), or a date YYYY-MM-DD meaning that whole day in Asia/Shanghai');
const page = z.coerce.number().int().min(1).max(1_000_000).default(1);
const pageSize = z.coerce.number().int().min(1).max(200).default(20);
const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: count, page: z.number().int(), pageSize: z.number().int() });

export const periodQuery = z.object({ from: periodBound.optional(), to: periodBound.optional() });

export const complaintFilterQuery = periodQuery.extend({
  departmentCode: code().optional(),
  issue: complaintIssueSchema.optional(),
  status: complaintStatusSchema.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true: open or accepted past the deadline; false: all others'),
});
export type ComplaintFilter = z.output<typeof complaintFilterQuery>;
export const complaintListQuery = complaintFilterQuery.extend({ page, pageSize });

export const complaintTransitionInput = z.object({ action: complaintActionSchema, note: text(2000) });

const inspectionSummarySchema = inspectionSchema
  .pick({ codeNo: true, kind: true, status: true, planNo: true, reason: true, issuedAt: true, validFrom: true, validTo: true, enterprise: true })
  .extend({ departments: z.array(z.object({ departmentCode: z.string(), name: z.string(), completedAt: isoDate.nullable() })) });

export const complaintSchema = z.object({
  id: z.number().int(),
  status: complaintStatusSchema,
  issues: z.array(complaintIssueSchema),
  departmentCode: z.string(),
  departmentName: z.string(),
  createdAt: isoDate,
  deadline: isoDate,
  overdue: z.boolean(),
  closedAt: isoDate.nullable(),
  inspection: inspectionSummarySchema,
  rating: ratingSchema,
  /** Supervisors only: who rated (SPEC §2). */
  rater: z.object({ userId: z.string(), enterprise: z.object({ creditCode: z.string(), name: z.string() }) }),
});
export type Complaint = z.infer<typeof complaintSchema>;
export const complaintEventSchema = z.object({
  action: z.enum(['open', 'accept', 'resolve', 'dismiss']),
  fromStatus: complaintStatusSchema.nullable(),
  toStatus: complaintStatusSchema,
  note: z.string().nullable(),
  actor: z.object({ role: z.string(), id: z.string() }),
  at: isoDate,
});
export const complaintDetailSchema = complaintSchema.extend({ inspection: inspectionSchema, history: z.array(complaintEventSchema) });
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;
export const complaintListResponse = pageOf(complaintSchema);

const issueCounts = z.object({ notRecognised: count, repeated: count, inaction: count, abusive: count });
export const departmentStatsSchema = z.object({
  departmentCode: z.string(),
  name: z.string(),
  inspections: count,
  jointInspections: count,
  ratings: count,
  recognitionRate: z.number().min(0).max(1).nullable().describe('recognised ratings / ratings; null without ratings'),
  complaints: issueCounts,
  flags: count,
  recognised: count,
  complaintsTotal: count,
  overdueComplaints: count,
});
export const statsResponse = z.object({
  from: isoDate.nullable(),
  to: isoDate.nullable(),
  departments: z.array(departmentStatsSchema),
  totals: z.object({
    codesIssued: count,
    revokedCodes: count,
    inspections: count,
    jointInspections: count,
    ratings: count,
    recognised: count,
    recognitionRate: z.number().min(0).max(1).nullable(),
    complaints: issueCounts,
    complaintsTotal: count,
    flags: count,
    overdueComplaints: count,
  }),
});
export type Stats = z.infer<typeof statsResponse>;

export const ratingsSummaryQuery = z.object({ departmentCode: code().optional().describe('supervisors name the department; officers get their own') });
export const ratingsSummaryResponse = z.object({
  departmentCode: z.string(),
  name: z.string(),
  minimumRatings: z.number().int(),
  available: z.boolean(),
  message: z.string(),
  summary: z
    .object({
      ratings: count,
      recognised: count,
      notRecognised: count,
      recognitionRate: z.number().min(0).max(1),
      issues: z.object({ repeated: count, inaction: count, abusive: count }),
    })
    .nullable(),
});

export const auditQuery = z.object({
  action: z.string().trim().min(1).max(48).optional(),
  targetType: z.string().trim().min(1).max(32).optional(),
  targetId: z.string().trim().min(1).max(64).optional(),
  page,
  pageSize,
}).refine((q) => !q.targetId || q.targetType, { message: 'targetId needs targetType', path: ['targetType'] });
export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: isoDate,
  actor: z.object({ role: z.string(), id: z.string() }),
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string() }),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export const auditListResponse = pageOf(auditEntrySchema);

// ---- issuance flags (docs/RULES.md) ----
export const flagListQuery = periodQuery.extend({ departmentCode: code().optional(), kind: flagKindSchema.optional(), page, pageSize });
export const flagSchema = z.object({
  id: z.number().int(),
  kind: flagKindSchema,
  codeNo: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  enterprise: z.object({ creditCode: z.string(), name: z.string() }),
  detail: z.string(),
  justification: z.string().nullable(),
  createdAt: isoDate,
});
export type Flag = z.infer<typeof flagSchema>;
export const flagListResponse = pageOf(flagSchema);
