import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { validateCreditCode } from '@inspection-code/shared';
import { api } from '../services/api';
import { describeError, type ErrorMessage } from '../services/errors';
import type { Session } from '../services/session';
import { T } from '../strings';
import { ActionButton } from './ActionButton';
import { Field } from './Field';
import { ErrorNotice } from './Notice';

export type SignInPanelProps = { onSignedIn: (session: Session) => void; back: string };

/**
 * Browser: there is no WeChat login, so the demo server's dev login (SPEC §5, on only when
 * enabled) signs in as an enterprise by its credit code. A server with it off says so.
 */
export function SignInPanel({ onSignedIn, back }: SignInPanelProps) {
  const [creditCode, setCreditCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [error, setError] = useState<ErrorMessage | null>(null);

  const signIn = async () => {
    const code = creditCode.trim().toUpperCase();
    if (!validateCreditCode(code).ok) {
      setInvalid(T.errors.invalidCreditCode);
      return;
    }
    setInvalid(null);
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.devLogin(code));
    } catch (e) {
      setError(describeError(e, { UNKNOWN_REFERENCE: { message: T.errors.unknownEnterprise, next: 'fix' } }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="stack">
      <Text className="card__title">{T.login.dev}</Text>
      <Text className="paragraph muted">{T.login.devHint}</Text>
      <Field
        label={T.login.creditCode}
        value={creditCode}
        onChange={(v) => {
          setCreditCode(v);
          setInvalid(null);
        }}
        placeholder={T.login.creditCodePlaceholder}
        maxLength={18}
        testId="credit-code"
        error={invalid}
      />
      {error && <ErrorNotice error={error} back={back} onRetry={() => void signIn()} />}
      <ActionButton size="large" disabled={busy} onClick={() => void signIn()} testId="dev-login">
        {busy ? T.login.submitting : T.login.submit}
      </ActionButton>
    </View>
  );
}
