import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ActionButton } from '../../components/ActionButton';
import { Card } from '../../components/Card';
import { ErrorNotice, Notice } from '../../components/Notice';
import { scanCode } from '../../scan/scan';
import type { YearCount } from '@inspection-code/shared';
import { api, type InspectionView } from '../../services/api';
import { describeError, type ErrorMessage } from '../../services/errors';
import { refreshJwksQuietly } from '../../services/jwks';
import { go, goHome, routes } from '../../services/nav';
import { clearSession, getSession, type Session } from '../../services/session';
import { formatWindow } from '../../services/time';
import { T } from '../../strings';
import { pendingNotices, unratedParts } from './summary';

export default function HomePage() {
  const [session, setSession] = useState<Session | null>(() => getSession());
  const [inspections, setInspections] = useState<InspectionView[] | null>(null);
  const [thisYear, setThisYear] = useState<YearCount | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [scanMessage, setScanMessage] = useState<string | null>(null);

  const load = useCallback(async () => {
    const current = getSession();
    setSession(current);
    if (!current?.user.enterprise) return;
    try {
      const { items, thisYear: counted } = await api.myInspections();
      setInspections(items);
      setThisYear(counted);
      setError(null);
    } catch (e) {
      setSession(getSession());
      setError(describeError(e));
    }
  }, []);

  useDidShow(() => {
    refreshJwksQuietly();
    void load();
  });

  const scan = async () => {
    setScanMessage(null);
    const outcome = await scanCode();
    if (outcome.kind === 'content') go(routes.result(outcome.content));
    else if (outcome.kind === 'failed') setScanMessage(T.scan.failed);
  };

  const enterprise = session?.user.enterprise ?? null;
  const now = Date.now();

  return (
    <View className="page home">
      <View className="hero">
        <Text className="hero__title">{T.appName}</Text>
        {enterprise ? (
          <Text className="hero__sub" data-testid="enterprise-name">
            {T.home.signedInAs(enterprise.name)}
          </Text>
        ) : (
          <Text className="hero__sub">{T.home.scanHint}</Text>
        )}
      </View>

      <View className="scan-button" hoverClass="scan-button--pressed" role="button" data-testid="scan" onClick={() => void scan()}>
        <View className="scan-button__icon">
          <View className="scan-button__corner scan-button__corner--tl" />
          <View className="scan-button__corner scan-button__corner--tr" />
          <View className="scan-button__corner scan-button__corner--bl" />
          <View className="scan-button__corner scan-button__corner--br" />
        </View>
        <Text className="scan-button__text">{T.home.scan}</Text>
        {enterprise && <Text className="scan-button__hint">{T.home.scanHint}</Text>}
      </View>

      {scanMessage && (
        <Notice tone="warn" testId="scan-message">
          <Text className="notice__text">{scanMessage}</Text>
        </Notice>
      )}

      {!session && (
        <Card title={T.home.signIn} testId="sign-in-card">
          <Text className="paragraph muted">{T.home.signInHint}</Text>
          <ActionButton variant="secondary" onClick={() => go(routes.login())} testId="go-sign-in">
            {T.home.signIn}
          </ActionButton>
        </Card>
      )}

      {session && !enterprise && (
        <Card title={T.home.bind} testId="bind-card">
          <Text className="paragraph muted">{T.home.bindHint}</Text>
          <ActionButton variant="secondary" onClick={() => go(routes.bind())} testId="go-bind">
            {T.home.bind}
          </ActionButton>
        </Card>
      )}

      {error && <ErrorNotice error={error} back={routes.home} onRetry={() => void load()} />}

      {enterprise && inspections === null && !error && <Text className="muted center block">{T.home.loading}</Text>}

      {enterprise && inspections && (
        <>
          <UnratedCard inspections={inspections} />
          <Card title={T.home.notices} testId="notices">
            {pendingNotices(inspections, now).length === 0 ? (
              <Text className="muted">{T.home.noNotices}</Text>
            ) : (
              pendingNotices(inspections, now).map((i) => (
                <View key={i.codeNo} className="list-item" data-testid="notice">
                  <Text className="list-item__title">{i.departments.map((d) => d.name).join('、')}</Text>
                  <Text className="list-item__meta">{formatWindow(i.validFrom, i.validTo)}</Text>
                  <Text className="paragraph">{i.notice!.text}</Text>
                </View>
              ))
            )}
          </Card>
          {thisYear && <YearCard count={thisYear} />}
          <ActionButton variant="secondary" onClick={() => go(routes.complaints)} testId="go-complaints">
            {T.home.myRatings}
          </ActionButton>
        </>
      )}

      {session && (
        <View className="footer">
          <Text
            className="link"
            data-testid="sign-out"
            onClick={() => {
              clearSession();
              goHome();
            }}
          >
            {T.home.signOut}
          </Text>
        </View>
      )}
    </View>
  );
}

function UnratedCard({ inspections }: { inspections: InspectionView[] }) {
  const pending = unratedParts(inspections);
  if (pending.length === 0) return null;
  const first = pending[0]!;
  return (
    <Card title={T.home.toRate} testId="to-rate" className="card--accent">
      <Text className="paragraph">{T.home.toRateHint(pending.length)}</Text>
      {pending.slice(0, 3).map((p) => (
        <Text key={`${p.codeNo}/${p.departmentCode}`} className="list-line">
          {p.name} · {p.codeNo}
        </Text>
      ))}
      <ActionButton onClick={() => go(routes.rate(first.codeNo))} testId="rate-now">
        {T.home.rateNow}
      </ActionButton>
    </Card>
  );
}

/** The enterprise's own count of inspections this year, per department (SPEC §1), as the server counts them. */
function YearCard({ count }: { count: YearCount }) {
  return (
    <Card title={T.home.thisYear(count.year, count.total)} testId="this-year">
      {count.byDepartment.length === 0 ? (
        <Text className="muted">{T.home.noInspectionsThisYear}</Text>
      ) : (
        count.byDepartment.map((d) => (
          <View key={d.departmentCode} className="count-row" data-testid="year-count">
            <View className="count-row__name">
              <Text className="block">{d.name}</Text>
              <Text className="muted small block">{T.home.byKind(d.planned, d.triggered, d.emergency)}</Text>
            </View>
            <Text className="count-row__n">{T.home.times(d.total)}</Text>
          </View>
        ))
      )}
    </Card>
  );
}
