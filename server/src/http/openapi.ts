import { z } from 'zod';
import { problemSchema } from '@inspection-code/shared';
import type { Route } from './route.js';
import { statusOf } from './errors.js';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export function openApiDocument(routes: Route[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const path = r.path.replace(/:(\w+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [['path', r.params], ['query', r.query]] as const) {
      if (!schema) continue;
      const props = (jsonSchema(schema, 'input').properties ?? {}) as Record<string, unknown>;
      const required = new Set((jsonSchema(schema, 'input').required ?? []) as string[]);
      for (const [name, s] of Object.entries(props)) {
        parameters.push({ name, in: where, required: where === 'path' || required.has(name), schema: s });
      }
    }
    const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
    const responses: Record<string, unknown> = {
      [String(r.status ?? 200)]: {
        description: 'Success',
        content: r.produces
          ? { [r.produces]: { schema: { type: 'string' } } }
          : r.response
            ? { 'application/json': { schema: jsonSchema(r.response, 'output') } }
            : undefined,
      },
      '400': { description: 'Invalid input (VALIDATION_FAILED, MALFORMED_JSON)', ...problem },
    };
    if (r.access !== 'anyone') {
      responses['401'] = { description: 'No or invalid session (UNAUTHENTICATED)', ...problem };
      responses['403'] = { description: 'Role not allowed (FORBIDDEN)', ...problem };
    }
    for (const code of r.errors ?? []) {
      const status = String(statusOf(code));
      const existing = responses[status] as { description: string } | undefined;
      responses[status] = { ...problem, description: existing ? `${existing.description}, ${code}` : code };
    }
    paths[path] ??= {};
    paths[path][r.method] = {
      summary: r.summary,
      tags: [r.tag],
      description: r.access === 'anyone' ? 'Anyone may call this.' : `Roles: ${r.access.join(', ')}.`,
      security: r.access === 'anyone' ? [] : [{ session: [] }],
      parameters,
      requestBody: r.body ? { required: true, content: { 'application/json': { schema: jsonSchema(r.body, 'input') } } } : undefined,
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '检查码 Inspection Code API',
      version,
      description: 'Signed codes for on-site inspections of enterprises: apply, scan, verify, complete, rate. Errors are RFC 9457 problem details with a stable `code`.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { session: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
    },
    paths,
  };
}
