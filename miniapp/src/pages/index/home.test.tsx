import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeDepartment, makeInspection, makeRating, makeUser, ok, signIn } from '../../test/fixtures';
import { fake } from '../../test/taro';
import { shanghaiYear } from '../../services/time';
import HomePage from './index';

const year = shanghaiYear(Date.now());
const inYear = (month: number) => `${year}-${String(month).padStart(2, '0')}-10T02:00:00.000Z`;
const future = new Date(Date.now() + 86_400_000).toISOString();

describe('home page', () => {
  it('offers the scan button and sign-in to a visitor, with no request needing a session', async () => {
    fakeApi({ 'GET /keys': () => ok({ keys: [] }) });
    render(<HomePage />);
    expect(screen.getByTestId('scan')).toHaveTextContent('扫码核验');
    expect(screen.getByTestId('sign-in-card')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('go-sign-in'));
    expect(fake.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/pages/login/index' });
  });

  it('scans in the browser: without a camera, a pasted code opens the result page', async () => {
    fakeApi({ 'GET /keys': () => ok({ keys: [] }) });
    render(<HomePage />);
    fireEvent.click(screen.getByTestId('scan'));
    const scanner = await screen.findByTestId('scanner');
    await waitFor(() => expect(within(scanner).getByTestId('scanner-status')).toHaveTextContent('无法使用摄像头'));
    fireEvent.click(within(scanner).getByTestId('scanner-paste-toggle'));
    fireEvent.click(within(scanner).getByTestId('scanner-paste-submit'));
    expect(within(scanner).getByTestId('scanner-status')).toHaveTextContent('请先粘贴检查码内容');
    fireEvent.change(within(scanner).getByTestId('scanner-paste-input'), { target: { value: ' https://jcm.example.cn/c/abc.def.ghi ' } });
    fireEvent.click(within(scanner).getByTestId('scanner-paste-submit'));
    await waitFor(() =>
      expect(fake.navigations.at(-1)).toEqual({
        kind: 'navigateTo',
        url: `/pages/result/index?q=${encodeURIComponent('https://jcm.example.cn/c/abc.def.ghi')}`,
      }),
    );
    expect(screen.queryByTestId('scanner')).not.toBeInTheDocument();
  });

  it('closes the scanner on cancel without going anywhere', async () => {
    fakeApi({ 'GET /keys': () => ok({ keys: [] }) });
    render(<HomePage />);
    fireEvent.click(screen.getByTestId('scan'));
    fireEvent.click(within(await screen.findByTestId('scanner')).getByTestId('scanner-cancel'));
    await waitFor(() => expect(screen.queryByTestId('scanner')).not.toBeInTheDocument());
    expect(fake.navigations).toHaveLength(0);
  });

  it('asks a signed-in user without an enterprise to bind', () => {
    signIn(makeUser(null));
    fakeApi({ 'GET /keys': () => ok({ keys: [] }) });
    render(<HomePage />);
    expect(screen.getByTestId('bind-card')).toHaveTextContent('尚未绑定企业');
  });

  it("shows the enterprise's notices, what waits for a rating, and this year's inspections per department", async () => {
    signIn();
    fakeApi({
      'GET /keys': () => ok({ keys: [] }),
      'GET /me/inspections': () =>
        ok({
          items: [
            makeInspection({
              codeNo: 'JC-A',
              validFrom: inYear(3),
              validTo: future,
              notice: { title: '检查通知', text: '根据线索（编号 DEMO-1），执法部门将对贵单位开展触发式检查。' },
            }),
            makeInspection({
              codeNo: 'JC-B',
              kind: 'planned',
              status: 'completed',
              validFrom: inYear(2),
              departments: [
                makeDepartment({ completedAt: inYear(2) }),
                makeDepartment({
                  departmentCode: 'SHXF',
                  name: '上海市消防救援总队',
                  completedAt: inYear(2),
                  rating: makeRating({ departmentCode: 'SHXF' }),
                }),
              ],
            }),
            makeInspection({ codeNo: 'JC-C', status: 'revoked', validFrom: inYear(1) }),
            makeInspection({ codeNo: 'JC-D', validFrom: `${year - 1}-06-01T02:00:00.000Z` }),
          ],
          thisYear: {
            year,
            total: 2,
            byDepartment: [
              { departmentCode: 'SHSC', name: '上海市市场监督管理局', total: 2, planned: 1, triggered: 1, emergency: 0 },
              { departmentCode: 'SHXF', name: '上海市消防救援总队', total: 1, planned: 1, triggered: 0, emergency: 0 },
            ],
          },
        }),
    });
    render(<HomePage />);
    expect(await screen.findByTestId('enterprise-name')).toHaveTextContent('【演示】上海示例餐饮有限公司');
    const counts = await screen.findAllByTestId('year-count');
    expect(screen.getByTestId('this-year')).toHaveTextContent(`${year} 年本企业接受的检查 · 共 2 次`);
    expect(counts.map((c) => c.textContent)).toEqual(['上海市市场监督管理局有计划 1 · 触发式 12 次', '上海市消防救援总队有计划 11 次']);
    expect(screen.getAllByTestId('notice')).toHaveLength(1);
    const toRate = screen.getByTestId('to-rate');
    expect(toRate).toHaveTextContent('有 1 个部门的检查待您评价');
    fireEvent.click(within(toRate).getByTestId('rate-now'));
    expect(fake.navigations.at(-1)).toEqual({ kind: 'navigateTo', url: '/pages/rate/index?codeNo=JC-B' });
  });

  it('sends a user whose session expired to sign in again', async () => {
    signIn();
    fakeApi({
      'GET /keys': () => ok({ keys: [] }),
      'GET /me/inspections': () => ({
        statusCode: 401,
        data: { type: 'x', title: 'x', status: 401, detail: 'expired', code: 'UNAUTHENTICATED' },
      }),
    });
    render(<HomePage />);
    expect(await screen.findByTestId('error')).toHaveTextContent('登录已过期，请重新登录。');
    expect(screen.getByTestId('error-sign-in')).toBeInTheDocument();
    expect(fake.storage.has('ic.session')).toBe(false);
  });
});
