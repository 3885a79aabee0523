import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { Card, Row } from '../../components/Card';
import { ErrorNotice } from '../../components/Notice';
import { RatingCard } from '../../components/RatingCard';
import { api, type InspectionView } from '../../services/api';
import { describeError, type ErrorMessage } from '../../services/errors';
import { param, routes } from '../../services/nav';
import { formatWindow } from '../../services/time';
import { T } from '../../strings';

export default function RatePage() {
  const router = useRouter();
  const codeNo = param(router.params, 'codeNo');
  const [inspection, setInspection] = useState<InspectionView | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);

  const load = useCallback(async () => {
    try {
      setInspection(await api.inspection(codeNo));
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, [codeNo]);

  useEffect(() => {
    void load();
  }, [load]);

  const back = routes.rate(codeNo);

  return (
    <View className="page rate">
      {error && <ErrorNotice error={error} back={back} onRetry={() => void load()} />}
      {!inspection && !error && <Text className="muted center block">{T.home.loading}</Text>}
      {inspection && (
        <>
          <Card title={inspection.enterprise.name} testId="rate-header">
            <Row label={T.result.kind}>
              <Text>{T.kind[inspection.kind]}</Text>
            </Row>
            <Row label={T.result.validity}>
              <Text>{formatWindow(inspection.validFrom, inspection.validTo)}</Text>
            </Row>
            <Row label={T.result.codeNo}>
              <Text className="mono">{inspection.codeNo}</Text>
            </Row>
            <Text className="muted paragraph">{T.rate.intro}</Text>
          </Card>
          {inspection.departments.length === 0 && <Text className="muted">{T.rate.noDepartments}</Text>}
          {inspection.departments.map((d) => (
            <RatingCard
              key={d.departmentCode}
              codeNo={inspection.codeNo}
              department={d}
              revoked={inspection.status === 'revoked'}
              back={back}
              onStale={() => void load()}
            />
          ))}
        </>
      )}
    </View>
  );
}
