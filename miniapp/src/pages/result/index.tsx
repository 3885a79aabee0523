import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Card } from '../../components/Card';
import { ClaimsSummary, InspectionRecord } from '../../components/InspectionRecord';
import { ErrorNotice, Notice } from '../../components/Notice';
import { VerdictBanner } from '../../components/VerdictBanner';
import { scanCode } from '../../scan/scan';
import { go, goHome, param, replace, routes } from '../../services/nav';
import { getSession } from '../../services/session';
import { runVerification, type VerificationState } from '../../services/verification';
import { T } from '../../strings';

export default function ResultPage() {
  const router = useRouter();
  const qrContent = param(router.params, 'q');
  const [state, setState] = useState<VerificationState | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [scanMessage, setScanMessage] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void runVerification(qrContent, (s) => {
      if (live) setState(s);
    });
    return () => {
      live = false;
    };
  }, [qrContent, attempt]);

  const back = routes.result(qrContent);
  const session = getSession();
  const own = session?.user.enterprise?.creditCode ?? null;

  const scanAgain = async () => {
    setScanMessage(null);
    const outcome = await scanCode();
    if (outcome.kind === 'content') replace(routes.result(outcome.content));
    else if (outcome.kind === 'failed') setScanMessage(T.scan.failed);
  };

  if (!state) return <View className="page" />;

  const online = state.online === 'done' ? state.scan : undefined;
  const offline = state.offline;
  const inspection = online?.inspection;
  const canRate =
    !!inspection &&
    inspection.status !== 'revoked' &&
    own === inspection.enterprise.creditCode &&
    inspection.departments.some((d) => d.completedAt);

  return (
    <View className="page result">
      {online ? (
        <VerdictBanner verdict={online.verdict} source="online" />
      ) : offline.kind === 'verdict' ? (
        <VerdictBanner verdict={offline.verdict} source="offline" checking={state.online === 'pending'} />
      ) : state.online === 'pending' ? (
        <View className="verdict verdict--pending" data-testid="verdict-pending">
          <Text className="verdict__advice">{T.result.checking}</Text>
        </View>
      ) : (
        <Notice tone="warn" testId="no-keys">
          <Text className="notice__text">{T.result.noKeys}</Text>
        </Notice>
      )}

      {canRate && (
        <Notice tone="info" testId="rate-cta">
          <Text className="notice__text">{T.result.rateHint}</Text>
          <ActionButton size="large" onClick={() => go(routes.rate(inspection.codeNo))} testId="go-rate" className="notice__action">
            {T.result.rate}
          </ActionButton>
        </Notice>
      )}

      {state.online === 'failed' && offline.kind === 'verdict' && (
        <Notice tone="warn" testId="offline-limits">
          {state.error && <Text className="notice__text">{state.error.message}</Text>}
          <Text className="notice__text strong notice__gap">{T.result.offlineCannotCheck}</Text>
          {T.result.offlineUnchecked.map((line) => (
            <Text key={line} className="notice__bullet">
              {line}
            </Text>
          ))}
          <Text className="notice__text">{T.result.offlineRetry}</Text>
          <ActionButton variant="secondary" className="notice__action" onClick={() => setAttempt((n) => n + 1)} testId="error-retry">
            {T.errors.retry}
          </ActionButton>
        </Notice>
      )}
      {state.online === 'failed' && offline.kind !== 'verdict' && state.error && (
        <ErrorNotice error={state.error} back={back} onRetry={() => setAttempt((n) => n + 1)} />
      )}

      {state.sessionExpired && (
        <Notice tone="warn" testId="session-expired">
          <Text className="notice__text">{T.result.sessionExpired}</Text>
          <ActionButton variant="secondary" className="notice__action" onClick={() => replace(routes.login(back))} testId="result-sign-in">
            {T.result.signIn}
          </ActionButton>
        </Notice>
      )}

      {online && !session && online.verdict === 'valid' && (
        <Notice tone="info" testId="not-signed-in">
          <Text className="notice__text">{T.result.notSignedIn}</Text>
        </Notice>
      )}

      {inspection ? (
        <InspectionRecord inspection={inspection} />
      ) : (
        !online && offline.kind === 'verdict' && offline.claims && <ClaimsSummary claims={offline.claims} ownCreditCode={own} />
      )}

      {scanMessage && (
        <Notice tone="warn">
          <Text className="notice__text">{scanMessage}</Text>
        </Notice>
      )}

      <Card className="actions">
        <ActionButton variant={canRate ? 'secondary' : 'primary'} onClick={() => void scanAgain()} testId="scan-again">
          {T.result.scanAgain}
        </ActionButton>
        <ActionButton variant="plain" onClick={goHome} testId="go-home">
          {T.result.home}
        </ActionButton>
      </Card>
    </View>
  );
}
