import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeApi, makeDepartment, makeInspection, makeRating, myInspections, ok, signIn } from '../../test/fixtures';
import ComplaintsPage from './index';

describe('my ratings and complaints page', () => {
  it('shows each department as rated, waiting for a rating, or not completed; complaints with their handling state', async () => {
    signIn();
    fakeApi({
      'GET /me/inspections': () =>
        ok(
          myInspections([
            makeInspection({
              departments: [
                makeDepartment({ completedAt: '2026-03-02T08:00:00Z', rating: makeRating({ recognised: false, issues: ['abusive'] }) }),
                makeDepartment({
                  departmentCode: 'SHXF',
                  name: '上海市消防救援总队',
                  completedAt: '2026-03-02T08:00:00Z',
                  rating: makeRating({ departmentCode: 'SHXF', issues: ['repeated'] }),
                  complaint: { id: 7, status: 'accepted', deadline: '2026-03-23T16:00:00.000Z' },
                }),
                makeDepartment({ departmentCode: 'SHYJ', name: '上海市应急管理局', completedAt: '2026-03-02T08:00:00Z' }),
                makeDepartment({ departmentCode: 'SHWJ', name: '上海市卫生健康委员会' }),
              ],
            }),
          ]),
        ),
    });
    render(<ComplaintsPage />);
    const states = await screen.findAllByTestId('department-state');
    expect(states.map((s) => s.getAttribute('data-state'))).toEqual(['rated', 'rated', 'not_rated', 'not_completed']);
    const complaints = screen.getAllByTestId('complaint-state');
    expect(complaints).toHaveLength(2);
    // Before the complaints issue lands the server sends no handling state: say so plainly.
    expect(complaints[0]).toHaveTextContent('处理状态：暂无处理信息');
    expect(complaints[1]).toHaveTextContent('处理状态：已受理');
    expect(complaints[1]).toHaveTextContent('办理期限：2026年3月24日 00:00');
    // Accepted and past its deadline: overdue.
    expect(complaints[1]).toHaveTextContent('已超期');
    expect(screen.getByTestId('complaints-rate')).toHaveTextContent('去评价');
  });
});
