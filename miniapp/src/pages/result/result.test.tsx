import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  cacheKeys,
  fakeApi,
  forge,
  makeCode,
  makeDepartment,
  makeInspection,
  makeKey,
  offline,
  ok,
  OTHER_CREDIT_CODE,
  signIn,
} from '../../test/fixtures';
import { fake } from '../../test/taro';
import ResultPage from './index';

const key = makeKey();

function open(qr: string) {
  fake.routerParams = { q: encodeURIComponent(qr) };
  return render(<ResultPage />);
}

const banner = () => screen.getByTestId('verdict');

describe('scan result page', () => {
  it('leads with the verdict words, then the full record from the server', async () => {
    cacheKeys(key);
    fakeApi({ 'POST /scan': () => ok({ verdict: 'valid', message: '', inspection: makeInspection() }) });
    open(makeCode(key));
    await waitFor(() => expect(banner()).toHaveAttribute('data-source', 'online'));
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('有效检查码');
    expect(within(banner()).getByText('联网核验')).toBeInTheDocument();
    const record = screen.getByTestId('record');
    expect(record).toHaveTextContent('触发式检查');
    expect(record).toHaveTextContent('消费者投诉食品标签不规范');
    expect(record).toHaveTextContent('张伟');
    expect(record).toHaveTextContent('31001000001');
    expect(record).toHaveTextContent('食品标签检查');
    // 01:00Z–09:00Z is 09:00–17:00 in Shanghai
    expect(screen.getByTestId('record-validity')).toHaveTextContent('2026年3月2日 09:00 至 17:00');
  });

  it('shows 离线验证 and what it could not check when there is no network', async () => {
    cacheKeys(key);
    offline();
    open(makeCode(key));
    await screen.findByTestId('offline-limits');
    expect(banner()).toHaveAttribute('data-source', 'offline');
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('有效检查码');
    expect(within(banner()).getByText('离线验证')).toBeInTheDocument();
    expect(screen.getByTestId('offline-limits')).toHaveTextContent('是否已被撤销');
    expect(screen.getByTestId('offline-limits')).toHaveTextContent('完整检查记录');
    expect(screen.getByTestId('claims')).toHaveTextContent('JC2026030200000042');
    expect(screen.getByTestId('offline-limits')).toHaveTextContent('网络连接失败');
  });

  it('calls a forged code 伪造 even offline', async () => {
    cacheKeys(key);
    offline();
    open(forge(makeCode(key)));
    await screen.findByTestId('offline-limits');
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('伪造');
    expect(screen.queryByTestId('claims')).not.toBeInTheDocument();
  });

  it("tells a signed-in enterprise that another enterprise's code is not theirs and that it may refuse", async () => {
    cacheKeys(key);
    signIn();
    const other = makeInspection({ enterprise: { creditCode: OTHER_CREDIT_CODE, name: '【演示】别家公司' } });
    fakeApi({ 'POST /scan': () => ok({ verdict: 'wrong_enterprise', message: '', inspection: other }) });
    open(makeCode(key, { creditCode: OTHER_CREDIT_CODE }));
    // Offline already: the code's enterprise is not the user's.
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('非本企业检查码');
    await waitFor(() => expect(banner()).toHaveAttribute('data-source', 'online'));
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('非本企业检查码');
    expect(banner()).toHaveTextContent('企业可拒绝本次检查');
    expect(screen.queryByTestId('go-rate')).not.toBeInTheDocument();
  });

  it('offers rating to the own enterprise once a department has completed', async () => {
    cacheKeys(key);
    signIn();
    const done = makeInspection({ departments: [makeDepartment({ completedAt: '2026-03-02T08:00:00.000Z' })] });
    fakeApi({ 'POST /scan': () => ok({ verdict: 'valid', message: '', inspection: done }) });
    open(makeCode(key));
    (await screen.findByTestId('go-rate')).click();
    expect(fake.navigations).toContainEqual({ kind: 'navigateTo', url: '/pages/rate/index?codeNo=JC2026030200000042' });
  });

  it('says a not-a-code text is 无法识别', async () => {
    cacheKeys(key);
    fakeApi({ 'POST /scan': () => ok({ verdict: 'malformed', message: '' }) });
    open('hello');
    await waitFor(() => expect(banner()).toHaveAttribute('data-source', 'online'));
    expect(within(banner()).getByTestId('verdict-words')).toHaveTextContent('无法识别');
  });
});
