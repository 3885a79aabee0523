import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Card } from '../../components/Card';
import { ErrorNotice } from '../../components/Notice';
import { api, type DepartmentView, type InspectionView } from '../../services/api';
import { describeError, type ErrorMessage } from '../../services/errors';
import { go, routes } from '../../services/nav';
import { formatShanghai } from '../../services/time';
import { T } from '../../strings';
import { isComplaint, ratingState, type RatingState } from './state';

const STATE_LABEL: Record<RatingState, string> = {
  rated: T.complaints.rated,
  not_rated: T.complaints.notRated,
  not_completed: T.complaints.notCompleted,
  revoked: T.complaints.revoked,
};

export default function ComplaintsPage() {
  const [items, setItems] = useState<InspectionView[] | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);

  const load = useCallback(async () => {
    try {
      setItems((await api.myInspections()).items);
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  return (
    <View className="page complaints">
      <Text className="muted paragraph block intro">{T.complaints.intro}</Text>
      {error && <ErrorNotice error={error} back={routes.complaints} onRetry={() => void load()} />}
      {!items && !error && <Text className="muted center block">{T.home.loading}</Text>}
      {items && items.length === 0 && <Text className="muted center block">{T.complaints.empty}</Text>}
      {items?.map((i) => (
        <Card key={i.codeNo} title={`${T.kind[i.kind]} · ${formatShanghai(i.validFrom)}`} testId={`inspection-${i.codeNo}`}>
          <Text className="muted small block mono">{i.codeNo}</Text>
          {i.departments.map((d) => {
            const state = ratingState(i, d);
            return (
              <View key={d.departmentCode} className="dept-state" data-testid="department-state" data-state={state}>
                <View className="dept-state__head">
                  <Text className="dept-state__name">{d.name}</Text>
                  <Text className={`badge badge--${state}`}>{STATE_LABEL[state]}</Text>
                </View>
                {d.rating && (
                  <Text className="small block">
                    {d.rating.recognised ? T.rate.recognised : T.rate.notRecognised}
                    {d.rating.issues.length > 0 && ` · ${d.rating.issues.map((x) => T.issue[x]).join('、')}`}
                    {` · ${formatShanghai(d.rating.ratedAt)}`}
                  </Text>
                )}
                {isComplaint(d) && <ComplaintState department={d} />}
                {state === 'not_rated' && (
                  <ActionButton
                    variant="secondary"
                    onClick={() => go(routes.rate(i.codeNo))}
                    testId="complaints-rate"
                    className="dept-state__action"
                  >
                    {T.home.rateNow}
                  </ActionButton>
                )}
              </View>
            );
          })}
        </Card>
      ))}
    </View>
  );
}

/**
 * The complaint's handling state (open → accepted → resolved | dismissed) and its deadline; a
 * complaint still open or accepted past its deadline is overdue. A server that sends no state yet
 * (the field is optional) gets "暂无处理信息".
 */
function ComplaintState({ department }: { department: DepartmentView }) {
  const c = department.complaint;
  const overdue = !!c && (c.status === 'open' || c.status === 'accepted') && Date.parse(c.deadline) < Date.now();
  return (
    <View className="complaint" data-testid="complaint-state" data-status={c?.status ?? 'unknown'}>
      <View className="complaint__head">
        <Text className="badge badge--complaint">{T.complaints.isComplaint}</Text>
        <Text>
          {T.complaints.handling}：{c ? T.complaints.complaintStatus[c.status] : T.complaints.handlingUnknown}
        </Text>
      </View>
      {c && (
        <Text className="complaint__due small muted">
          {T.complaints.deadline(formatShanghai(c.deadline))}
          {overdue && ` · ${T.complaints.overdue}`}
        </Text>
      )}
    </View>
  );
}
