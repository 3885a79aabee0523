import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, ok, OWN_CREDIT_CODE, problem } from '../../test/fixtures';
import { fake } from '../../test/taro';
import LoginPage from './index';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

describe('sign-in page (browser: dev sign-in by credit code)', () => {
  it('refuses a credit code whose check character is wrong, without a request', () => {
    render(<LoginPage />);
    type('credit-code', '91310000631696382D');
    fireEvent.click(screen.getByTestId('dev-login'));
    expect(screen.getByText(/统一社会信用代码不正确/)).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  it('signs in, keeps the session and goes back where it came from', async () => {
    fake.routerParams = { back: encodeURIComponent('/pages/rate/index?codeNo=JC1') };
    fakeApi({ 'POST /auth/dev-login': () => ok({ token: 't-1', user: makeUser() }) });
    render(<LoginPage />);
    type('credit-code', OWN_CREDIT_CODE.toLowerCase());
    fireEvent.click(screen.getByTestId('dev-login'));
    await screen.findByTestId('dev-login');
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.requests[0]!.data).toEqual({ role: 'enterprise', subject: OWN_CREDIT_CODE });
    expect(fake.storage.get('ic.session')).toMatchObject({ token: 't-1' });
    expect(fake.navigations.at(-1)).toEqual({ kind: 'redirectTo', url: '/pages/rate/index?codeNo=JC1' });
  });

  it('explains an unknown enterprise and a server without dev sign-in', async () => {
    let answer = problem(422, 'UNKNOWN_REFERENCE');
    fakeApi({ 'POST /auth/dev-login': () => answer });
    render(<LoginPage />);
    type('credit-code', OWN_CREDIT_CODE);
    fireEvent.click(screen.getByTestId('dev-login'));
    expect(await screen.findByTestId('error')).toHaveTextContent('未找到该统一社会信用代码对应的企业');
    answer = problem(404, 'DEV_LOGIN_DISABLED');
    fireEvent.click(screen.getByTestId('dev-login'));
    expect(await screen.findByText(/本服务未开启开发登录/)).toBeInTheDocument();
  });
});
