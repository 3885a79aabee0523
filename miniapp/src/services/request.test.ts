import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fakeApi, offline, ok, problem, signIn } from '../test/fixtures';
import { fake } from '../test/taro';
import { describeError } from './errors';
import { ApiError, request } from './request';

const schema = z.object({ n: z.number() });
const get = () => request({ method: 'GET', path: '/thing', schema });

async function failure(): Promise<ApiError> {
  try {
    await get();
  } catch (e) {
    return e as ApiError;
  }
  throw new Error('expected a failure');
}

describe('request helper', () => {
  it('returns the parsed body of a 2xx answer and sends the session token', async () => {
    signIn(undefined, 'tok');
    fakeApi({ 'GET /thing': () => ok({ n: 1, extra: true }) });
    expect(await get()).toEqual({ n: 1 });
    expect(fake.requests[0]!.url).toBe('/api/thing');
    expect(fake.requests[0]!.header.Authorization).toBe('Bearer tok');
  });

  it('turns problem details into an error with the code (Taro.request resolves on 4xx)', async () => {
    fakeApi({ 'GET /thing': () => problem(409, 'ALREADY_RATED') });
    const e = await failure();
    expect(e).toMatchObject({ kind: 'problem', status: 409, code: 'ALREADY_RATED' });
    expect(describeError(e).message).toBe('该部门的本次检查已经评价过，评价提交后不能修改。');
  });

  it('reads problem details left as text', async () => {
    fakeApi({ 'GET /thing': () => ({ statusCode: 409, data: JSON.stringify(problem(409, 'NOT_COMPLETED').data) }) });
    expect(describeError(await failure()).message).toBe('该部门尚未完成检查，请在检查完成后再评价。');
  });

  it('forgets an expired session on 401', async () => {
    signIn();
    fakeApi({ 'GET /thing': () => problem(401, 'UNAUTHENTICATED') });
    expect(await failure()).toMatchObject({ kind: 'unauthenticated' });
    expect(fake.storage.has('ic.session')).toBe(false);
    expect(describeError(await failure())).toEqual({ message: '登录已过期，请重新登录。', next: 'signIn' });
  });

  it('calls a missing answer a network failure', async () => {
    offline();
    expect(describeError(await failure())).toEqual({ message: '网络连接失败，请检查网络后重试。', next: 'retry' });
  });

  it('does not trust an answer of the wrong shape', async () => {
    fakeApi({ 'GET /thing': () => ok({ n: 'one' }) });
    expect(await failure()).toMatchObject({ kind: 'bad_response' });
  });

  it('explains a 5xx without problem details (a proxy page) as a temporary outage', async () => {
    fakeApi({ 'GET /thing': () => ({ statusCode: 502, data: '<html>Bad Gateway</html>' }) });
    expect(describeError(await failure())).toEqual({ message: '服务暂时不可用，请稍后重试。', next: 'retry' });
  });

  it('names an unknown refusal by its code so support can find it', async () => {
    fakeApi({ 'GET /thing': () => problem(422, 'SOMETHING_NEW') });
    expect(describeError(await failure()).message).toContain('SOMETHING_NEW');
  });
});
