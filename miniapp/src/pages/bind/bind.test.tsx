import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeUser, ok, OWN_CREDIT_CODE, problem, signIn } from '../../test/fixtures';
import { fake } from '../../test/taro';
import BindPage from './index';

const type = (testId: string, value: string) => fireEvent.input(screen.getByTestId(testId), { target: { value } });

describe('enterprise binding page', () => {
  it('asks a visitor to sign in first', () => {
    render(<BindPage />);
    expect(screen.getByText('请先登录，再绑定企业。')).toBeInTheDocument();
  });

  it('checks both fields before sending', () => {
    signIn(makeUser(null));
    render(<BindPage />);
    type('bind-credit-code', '123');
    fireEvent.click(screen.getByTestId('bind-submit'));
    expect(screen.getByText(/统一社会信用代码不正确/)).toBeInTheDocument();
    expect(screen.getByText('请输入绑定码。')).toBeInTheDocument();
    expect(fake.requests).toHaveLength(0);
  });

  it('binds with a binding code and replaces the session', async () => {
    signIn(makeUser(null));
    fakeApi({ 'POST /me/binding': () => ok({ token: 't-2', user: makeUser() }) });
    render(<BindPage />);
    type('bind-credit-code', OWN_CREDIT_CODE);
    type('binding-code', 'ABCDE12345');
    fireEvent.click(screen.getByTestId('bind-submit'));
    expect(await screen.findByText('已绑定：【演示】上海示例餐饮有限公司')).toBeInTheDocument();
    expect(fake.requests[0]!.data).toEqual({ creditCode: OWN_CREDIT_CODE, bindingCode: 'ABCDE12345' });
    expect(fake.storage.get('ic.session')).toMatchObject({ token: 't-2' });
    expect(fake.navigations.at(-1)).toEqual({ kind: 'reLaunch', url: '/pages/index/index' });
  });

  it('says a wrong, used or expired binding code is not valid and what to do', async () => {
    signIn(makeUser(null));
    fakeApi({ 'POST /me/binding': () => problem(422, 'BINDING_FAILED') });
    render(<BindPage />);
    type('bind-credit-code', OWN_CREDIT_CODE);
    type('binding-code', 'WRONG');
    fireEvent.click(screen.getByTestId('bind-submit'));
    expect(await screen.findByTestId('error')).toHaveTextContent('请向平台运营方申请新的绑定码');
    expect(screen.getByTestId('binding-code')).toHaveValue('WRONG');
  });
});
