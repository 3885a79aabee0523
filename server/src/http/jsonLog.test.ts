import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { jsonLog } from './jsonLog.js';

describe('jsonLog', () => {
  it('writes the lines of one event-loop turn in one write, one JSON object per line', async () => {
    const out = new PassThrough();
    const writes: string[] = [];
    out.on('data', (chunk) => writes.push(String(chunk)));
    const log = jsonLog(out);
    log({ msg: 'a', n: 1 });
    log({ msg: 'b', n: 2 });
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => setImmediate(r));
    expect(writes).toHaveLength(1);
    const lines = writes[0]!.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toMatchObject([{ msg: 'a', n: 1, time: expect.any(String) }, { msg: 'b', n: 2 }]);
  });
});
