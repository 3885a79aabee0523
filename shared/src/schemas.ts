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
    }),
  ),
});
export type Inspection = z.infer<typeof inspectionSchema>;

export const issuedCodeResponse = inspectionSchema.extend({ token: z.string(), qrContent: z.string() });
export const scanResponse = z.object({
  verdict: verdictSchema,
  message: z.string(),
  inspection: inspectionSchema.optional(),
});
export type ScanResponse = z.infer<typeof scanResponse>;
export const myInspectionsResponse = z.object({ items: z.array(inspectionSchema) });
export const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']), db: z.enum(['sqlite', 'mysql']) });

