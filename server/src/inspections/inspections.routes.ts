import { z } from 'zod';
import { completeInput, inspectionInput, inspectionSchema, issuedCodeResponse, revokeInput, scanInput, scanResponse } from '@inspection-code/shared';
import type { Principal } from '../auth/principal.js';
import { route } from '../http/route.js';
import { applyForCode, completeInspection, getInspection, revokeInspection } from './inspections.service.js';
import { scanCode } from './scan.service.js';

const codeNoParams = z.object({ codeNo: z.string().min(1).max(20) });
const officer = (u: Principal | null) => u as Extract<Principal, { role: 'officer' }>;

export const inspectionsRoutes = [
  route({
    method: 'post',
    path: '/api/inspections',
    tag: 'codes',
    summary: 'Apply for an inspection code (planned, triggered or emergency) for your own department',
    access: ['officer'],
    body: inspectionInput,
    status: 201,
    response: issuedCodeResponse,
    errors: ['NOT_OWN_DEPARTMENT', 'UNKNOWN_REFERENCE', 'TWO_PERSON_RULE', 'OFFICER_INACTIVE', 'OFFICER_NOT_OF_DEPARTMENT', 'ITEM_NOT_OF_DEPARTMENT', 'PLAN_MISMATCH', 'INVALID_WINDOW', 'EXEMPT_ENTERPRISE', 'EXEMPT_ITEM', 'JOINT_REQUIRED', 'REPEATED_INSPECTION', 'ANNUAL_CAP_REACHED'],
    handler: ({ services, user, body }) => applyForCode(services, officer(user), body),
  }),
  route({
    method: 'get',
    path: '/api/inspections/:codeNo',
    tag: 'codes',
    summary: 'One inspection: its enterprise, officers of participating departments (without ratings), supervisors and admins',
    access: ['enterprise', 'officer', 'supervisor', 'admin'],
    params: codeNoParams,
    response: inspectionSchema,
    errors: ['NOT_FOUND'],
    handler: ({ services, user, params }) => getInspection(services, user!, params.codeNo),
  }),
  route({
    method: 'post',
    path: '/api/inspections/:codeNo/complete',
    tag: 'codes',
    summary: "Record your department's on-site result",
    access: ['officer'],
    params: codeNoParams,
    body: completeInput,
    response: inspectionSchema,
    errors: ['NOT_FOUND', 'REVOKED', 'NOT_STARTED', 'ALREADY_COMPLETED'],
    handler: ({ services, user, params, body }) => completeInspection(services, officer(user), params.codeNo, body.summary),
  }),
  route({
    method: 'post',
    path: '/api/inspections/:codeNo/revoke',
    tag: 'codes',
    summary: 'Revoke a code (the department that applied for it, or an admin)',
    access: ['officer', 'admin'],
    params: codeNoParams,
    body: revokeInput,
    response: inspectionSchema,
    errors: ['NOT_FOUND', 'NOT_OWN_DEPARTMENT', 'ALREADY_REVOKED', 'ALREADY_COMPLETED'],
    handler: ({ services, user, params, body }) => revokeInspection(services, user!, params.codeNo, body.reason),
  }),
  route({
    method: 'post',
    path: '/api/scan',
    tag: 'codes',
    summary: 'Verify scanned QR content; signed-in enterprise users also get the wrong-enterprise check and check in',
    access: 'anyone',
    body: scanInput,
    response: scanResponse,
    handler: ({ services, user, body }) => scanCode(services, user, body.qrContent),
  }),
];
