import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { bindingRequest, validateCreditCode } from '@inspection-code/shared';
import { ActionButton } from '../../components/ActionButton';
import { Card } from '../../components/Card';
import { Field } from '../../components/Field';
import { ErrorNotice, Notice } from '../../components/Notice';
import { api } from '../../services/api';
import { describeError, type ErrorMessage } from '../../services/errors';
import { goBackTo, param, replace, routes } from '../../services/nav';
import { getSession, saveSession } from '../../services/session';
import { T } from '../../strings';

export default function BindPage() {
  const router = useRouter();
  const back = param(router.params, 'back') || routes.home;
  const signedIn = getSession() !== null;
  const [creditCode, setCreditCode] = useState('');
  const [bindingCode, setBindingCode] = useState('');
  const [invalid, setInvalid] = useState<{ creditCode?: string; bindingCode?: string }>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async () => {
    const parsed = bindingRequest.safeParse({ creditCode, bindingCode });
    if (!parsed.success) {
      setInvalid({
        creditCode: validateCreditCode(creditCode.trim().toUpperCase()).ok ? undefined : T.errors.invalidCreditCode,
        bindingCode: bindingCode.trim() ? undefined : T.errors.emptyBindingCode,
      });
      return;
    }
    setInvalid({});
    setBusy(true);
    setError(null);
    try {
      const session = await api.bind(parsed.data.creditCode, parsed.data.bindingCode);
      saveSession(session);
      setDone(session.user.enterprise?.name ?? parsed.data.creditCode);
      goBackTo(back);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };

  if (!signedIn) {
    return (
      <View className="page bind">
        <Card title={T.title.bind}>
          <Text className="paragraph">{T.bind.needSignIn}</Text>
          <ActionButton onClick={() => replace(routes.login(back))} testId="bind-sign-in">
            {T.home.signIn}
          </ActionButton>
        </Card>
      </View>
    );
  }

  return (
    <View className="page bind">
      <Card title={T.title.bind}>
        <View className="stack">
          <Text className="paragraph muted">{T.bind.intro}</Text>
          <Field
            label={T.bind.creditCode}
            value={creditCode}
            onChange={setCreditCode}
            placeholder={T.login.creditCodePlaceholder}
            maxLength={18}
            testId="bind-credit-code"
            error={invalid.creditCode}
          />
          <Field
            label={T.bind.bindingCode}
            value={bindingCode}
            onChange={setBindingCode}
            placeholder={T.bind.bindingCodePlaceholder}
            maxLength={32}
            testId="binding-code"
            error={invalid.bindingCode}
          />
          {error && <ErrorNotice error={error} back={routes.bind(back)} onRetry={() => void submit()} />}
          {done && (
            <Notice tone="success">
              <Text className="notice__text">{T.bind.done(done)}</Text>
            </Notice>
          )}
          <ActionButton size="large" disabled={busy} onClick={() => void submit()} testId="bind-submit">
            {busy ? T.bind.submitting : T.bind.submit}
          </ActionButton>
        </View>
      </Card>
    </View>
  );
}
