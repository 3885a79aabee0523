import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../support/process.js';

describe('SIGTERM', () => {
  it('drains the request in flight, then exits 0', async () => {
    const server = await spawnServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'ic-sigterm-')) });
    const body = JSON.stringify({ qrContent: 'not a code' });
    const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${server.url}/api/scan`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      // Half the body now: the request is in flight when SIGTERM arrives.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        server.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    const { status, text } = await reply;
    expect(status).toBe(200);
    expect(JSON.parse(text).verdict).toBe('malformed');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('SIGTERM: finishing in-flight requests');
  });

  it('refuses to start in production with dev login on', async () => {
    await expect(spawnServer({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '1', DATA_DIR: mkdtempSync(join(tmpdir(), 'ic-prod-')) })).rejects.toThrow(/AUTH_DEV_LOGIN=1 is not allowed/);
  });
});
