import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeDepartment, makeInspection, makeRating, offline, ok, problem, signIn } from '../../test/fixtures';
import { fake, type FakeRequest } from '../../test/taro';
import RatePage from './index';

const completed = '2026-03-02T08:00:00.000Z';

function inspectionWith(...departments: ReturnType<typeof makeDepartment>[]) {
  return makeInspection({ status: 'completed', departments });
}

function open(inspection = inspectionWith(makeDepartment({ completedAt: completed }))) {
  signIn();
  fake.routerParams = { codeNo: inspection.codeNo };
  return render(<RatePage />);
}

const click = (testId: string, within_: HTMLElement = document.body) => fireEvent.click(within(within_).getByTestId(testId));

describe('rating page', () => {
  it('rates one department: not recognised, a disputed item, an issue, a comment; then shows a receipt', async () => {
    const posted: FakeRequest[] = [];
    fakeApi({
      'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))),
      'POST /inspections/JC2026030200000042/ratings': (req) => {
        posted.push(req);
        return ok(makeRating({ recognised: false, disputedItemCodes: ['SC-003'], issues: ['repeated'], comment: '三天前刚查过' }), 201);
      },
    });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    click('choice-not-recognised', card);
    click('disputed-SC-003', card);
    click('issue-repeated', card);
    fireEvent.change(within(card).getByTestId('comment'), { target: { value: '三天前刚查过' } });
    click('submit-rating', card);

    const receipt = await screen.findByTestId('receipt');
    expect(receipt).toHaveTextContent('评价已提交');
    expect(receipt).toHaveTextContent('不认可');
    expect(receipt).toHaveTextContent('价格行为检查');
    expect(receipt).toHaveTextContent('重复检查');
    expect(receipt).toHaveTextContent('回执：检查码 JC2026030200000042 · 上海市市场监督管理局');
    expect(posted[0]!.data).toEqual({
      departmentCode: 'SHSC',
      recognised: false,
      disputedItemCodes: ['SC-003'],
      issues: ['repeated'],
      comment: '三天前刚查过',
    });
    expect(posted[0]!.header.Authorization).toBe('Bearer session-token');
  });

  it('asks for 认可 or 不认可 before sending anything', async () => {
    fakeApi({ 'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))) });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    click('submit-rating', card);
    expect(await within(card).findByTestId('rating-error')).toHaveTextContent('请先选择“认可”或“不认可”');
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('keeps everything typed when the submit fails, and sends it again on retry', async () => {
    let attempts = 0;
    fakeApi({
      'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))),
      'POST /inspections/JC2026030200000042/ratings': () =>
        ++attempts === 1 ? 'network-error' : ok(makeRating({ recognised: true, comment: '态度很好' }), 201),
    });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    click('choice-recognised', card);
    fireEvent.change(within(card).getByTestId('comment'), { target: { value: '态度很好' } });
    click('submit-rating', card);
    expect(await within(card).findByTestId('rating-error')).toHaveTextContent('网络连接失败');
    expect(within(card).getByTestId('comment')).toHaveValue('态度很好');
    expect(within(card).getByTestId('choice-recognised')).toHaveAttribute('aria-checked', 'true');
    // The draft also survives leaving the page (e.g. to sign in again).
    expect(fake.storage.get('ic.draft.JC2026030200000042.SHSC')).toMatchObject({ recognised: true, comment: '态度很好' });

    click('error-retry', card);
    expect(await screen.findByTestId('receipt')).toHaveTextContent('认可');
    expect(fake.storage.has('ic.draft.JC2026030200000042.SHSC')).toBe(false);
  });

  it('restores a draft typed before the session expired', async () => {
    fakeApi({ 'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))) });
    fake.storage.set('ic.draft.JC2026030200000042.SHSC', {
      recognised: false,
      disputedItemCodes: ['SC-002'],
      issues: ['abusive'],
      comment: '草稿',
    });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    expect(within(card).getByTestId('choice-not-recognised')).toHaveAttribute('aria-checked', 'true');
    expect(within(card).getByTestId('disputed-SC-002')).toHaveAttribute('aria-checked', 'true');
    expect(within(card).getByTestId('issue-abusive')).toHaveAttribute('aria-checked', 'true');
    expect(within(card).getByTestId('comment')).toHaveValue('草稿');
  });

  it('asks to sign in again when the session has expired, without losing the form', async () => {
    fakeApi({
      'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))),
      'POST /inspections/JC2026030200000042/ratings': () => problem(401, 'UNAUTHENTICATED'),
    });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    click('choice-recognised', card);
    click('submit-rating', card);
    expect(await within(card).findByTestId('rating-error')).toHaveTextContent('登录已过期，请重新登录');
    expect(within(card).getByText('您填写的内容已保留，可修改后重新提交。')).toBeInTheDocument();
    click('error-sign-in', card);
    expect(fake.navigations.at(-1)).toEqual({
      kind: 'redirectTo',
      url: `/pages/login/index?back=${encodeURIComponent('/pages/rate/index?codeNo=JC2026030200000042')}`,
    });
  });

  it('says politely that a department was already rated, and shows that rating', async () => {
    let rated = false;
    fakeApi({
      'GET /inspections/JC2026030200000042': () =>
        ok(inspectionWith(makeDepartment({ completedAt: completed, rating: rated ? makeRating({ recognised: true }) : null }))),
      'POST /inspections/JC2026030200000042/ratings': () => {
        rated = true;
        return problem(409, 'ALREADY_RATED', 'SHSC has already been rated');
      },
    });
    open();
    const card = await screen.findByTestId('rating-SHSC');
    click('choice-not-recognised', card);
    click('submit-rating', card);
    await screen.findByTestId('receipt');
    expect(screen.getByTestId('rating-info')).toHaveTextContent('该部门的本次检查已经评价过，评价提交后不能修改。');
  });

  it('shows a card per department: a form once completed, a note while not', async () => {
    fakeApi({
      'GET /inspections/JC2026030200000042': () =>
        ok(
          inspectionWith(
            makeDepartment({ completedAt: completed }),
            makeDepartment({ departmentCode: 'SHXF', name: '上海市消防救援总队', completedAt: null }),
          ),
        ),
    });
    open();
    await screen.findByTestId('rating-SHSC');
    expect(within(screen.getByTestId('rating-SHSC')).getByTestId('submit-rating')).toBeInTheDocument();
    expect(within(screen.getByTestId('rating-SHXF')).getByTestId('rating-unavailable')).toHaveTextContent('尚未完成检查');
  });

  it('explains a network failure while loading and retries', async () => {
    offline();
    open();
    expect(await screen.findByTestId('error')).toHaveTextContent('网络连接失败，请检查网络后重试。');
    fakeApi({ 'GET /inspections/JC2026030200000042': () => ok(inspectionWith(makeDepartment({ completedAt: completed }))) });
    click('error-retry');
    await waitFor(() => expect(screen.getByTestId('rating-SHSC')).toBeInTheDocument());
  });

  it('sends a user who is not bound to binding', async () => {
    fakeApi({ 'GET /inspections/JC2026030200000042': () => problem(403, 'NOT_BOUND') });
    open();
    expect(await screen.findByTestId('error')).toHaveTextContent('请先绑定企业');
    click('error-bind');
    expect(fake.navigations.at(-1)?.url).toMatch(/^\/pages\/bind\/index\?back=/);
  });
});
