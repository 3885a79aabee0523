import { z } from 'zod';
import {
  bindingCodeResponse,
  creditCodeSchema,
  departmentInput,
  enterpriseInput,
  exemptionResponse,
  itemInput,
  officerInput,
  scenarioInput,
} from '@inspection-code/shared';
import { issueBindingCode } from '../auth/auth.service.js';
import { route, type Route } from '../http/route.js';
import type { Services } from '../services.js';
import { Department, Enterprise, Item, Officer, Scenario } from './registry.entities.js';
import * as registry from './registry.service.js';

const readers = ['admin', 'supervisor', 'officer'] as const;

/** POST (admin) and GET (admin, supervisor, officer) for one kind of reference data. */
function referenceList<S extends z.ZodType>(
  path: string,
  what: string,
  input: S,
  add: (s: Services, body: z.output<S>) => Promise<unknown>,
  list: (s: Services) => Promise<unknown>,
): Route[] {
  return [
    route({
      method: 'post',
      path,
      tag: 'admin',
      summary: `Add ${what}`,
      access: ['admin'],
      body: input,
      status: 201,
      errors: ['ALREADY_EXISTS', 'UNKNOWN_REFERENCE'],
      handler: ({ services, body }) => add(services, body as z.output<S>),
    }),
    route({ method: 'get', path, tag: 'admin', summary: `List ${what}`, access: readers, handler: ({ services }) => list(services) }),
  ];
}

const exemptionLists = [
  { list: 'enterprises', param: 'creditCode', schema: creditCodeSchema, what: 'the low-disturbance object list (无感监管对象清单)' },
  { list: 'items', param: 'itemCode', schema: z.string().min(1).max(32), what: 'the no-disturbance item list (无事不扰事项清单)' },
] as const;

export const registryRoutes: Route[] = [
  ...referenceList('/api/admin/departments', 'departments', departmentInput, registry.addDepartment, (s) => registry.listAll(s, Department, 'code')),
  ...referenceList('/api/admin/officers', 'officers', officerInput, registry.addOfficer, (s) => registry.listAll(s, Officer, 'certNo')),
  ...referenceList('/api/admin/enterprises', 'enterprises', enterpriseInput, registry.addEnterprise, (s) => registry.listAll(s, Enterprise, 'creditCode')),
  ...referenceList('/api/admin/items', 'inspection items', itemInput, registry.addItem, (s) => registry.listAll(s, Item, 'code')),
  ...referenceList('/api/admin/scenarios', 'comprehensive supervision scenarios', scenarioInput, registry.addScenario, (s) => registry.listAll(s, Scenario, 'code')),
  route({
    method: 'patch',
    path: '/api/admin/officers/:certNo',
    tag: 'admin',
    summary: 'Activate or deactivate an officer',
    access: ['admin'],
    params: z.object({ certNo: z.string().max(32) }),
    body: z.object({ active: z.boolean() }),
    errors: ['NOT_FOUND'],
    handler: ({ services, params, body }) => registry.setOfficerActive(services, params.certNo, body.active),
  }),
  ...exemptionLists.flatMap(({ list, param, schema, what }) => {
    const params = z.object({ [param]: schema });
    const key = (p: Record<string, string>) => p[param]!;
    return [
      route({
        method: 'put',
        path: `/api/admin/exemptions/${list}/:${param}`,
        tag: 'admin',
        summary: `Put on ${what}`,
        access: ['admin'],
        params,
        response: exemptionResponse,
        errors: ['NOT_FOUND'],
        handler: ({ services, params, user }) => registry.putExemption(services, list, key(params as Record<string, string>), user!.subject),
      }),
      route({
        method: 'delete',
        path: `/api/admin/exemptions/${list}/:${param}`,
        tag: 'admin',
        summary: `Take off ${what}`,
        access: ['admin'],
        params,
        status: 204,
        errors: ['NOT_FOUND'],
        handler: ({ services, params, user }) => registry.deleteExemption(services, list, key(params as Record<string, string>), user!.subject),
      }),
      route({
        method: 'get',
        path: `/api/admin/exemptions/${list}`,
        tag: 'admin',
        summary: `List ${what}`,
        access: readers,
        response: z.array(exemptionResponse),
        handler: ({ services }) => registry.listExemptions(services, list),
      }),
    ];
  }),
  route({
    method: 'post',
    path: '/api/admin/enterprises/:creditCode/binding-codes',
    tag: 'admin',
    summary: 'Issue a one-time binding code (valid 7 days) to hand to the enterprise out of band',
    access: ['admin'],
    params: z.object({ creditCode: creditCodeSchema }),
    status: 201,
    response: bindingCodeResponse,
    errors: ['NOT_FOUND'],
    handler: ({ services, params, user }) => issueBindingCode(services, params.creditCode, user!.subject),
  }),
];
