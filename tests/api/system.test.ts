import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '@inspection-code/server';
import { World } from '../support/fixtures.js';
import { startTestServer, type TestServer } from '../support/server.js';

let t: TestServer;
let w: World;
beforeAll(async () => {
  t = await startTestServer();
  w = await World.create(t);
});
afterAll(() => t.close());

describe('system endpoints and HTTP behaviour', () => {
  it('reports health with the database kind', async () => {
    const r = await t.api.get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', db: t.db.kind });
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const r = await t.api.get('/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(r.body.paths[path]?.[route.method], `${route.method} ${path}`).toBeDefined();
    }
    const apply = r.body.paths['/api/inspections'].post;
    expect(apply.requestBody.content['application/json'].schema.properties).toHaveProperty('enterpriseCreditCode');
    expect(apply.responses['201']).toBeDefined();
  });

  it('answers an unknown path with a 404 problem', async () => {
    const r = await t.api.get('/api/nope');
    expect(r.status).toBe(404);
    expect(r.headers.get('content-type')).toContain('application/problem+json');
    expect(r.body).toMatchObject({ status: 404, code: 'NOT_FOUND', title: expect.any(String), detail: expect.any(String) });
  });

  it('refuses malformed JSON with 400 MALFORMED_JSON and writes nothing', async () => {
    const r = await t.api.request('POST', '/api/admin/departments', { raw: '{"code": "X1", "name": ', token: w.adminToken });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('MALFORMED_JSON');
    const list = await t.api.get('/api/admin/departments', w.adminToken);
    expect(list.body.map((d: { code: string }) => d.code)).not.toContain('X1');
  });

  it('refuses an oversized body with 413', async () => {
    const r = await t.api.post('/api/scan', { qrContent: 'x'.repeat(200_000) });
    expect(r.status).toBe(413);
    expect(r.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a wrong method with 405 and the allowed ones', async () => {
    const r = await t.api.request('DELETE', '/api/scan');
    expect(r.status).toBe(405);
    expect(r.body.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('lists field errors for an invalid body', async () => {
    const r = await t.api.post('/api/admin/departments', { code: 'bad code!', name: '' }, w.adminToken);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
    expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.code', 'body.name']);
  });

  it('tags every response with a request id', async () => {
    const r = await t.api.get('/api/health');
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
