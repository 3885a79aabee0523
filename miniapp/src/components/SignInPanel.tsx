import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { api } from '../services/api';
import { describeError, type ErrorMessage } from '../services/errors';
import type { Session } from '../services/session';
import { T } from '../strings';
import { ActionButton } from './ActionButton';
import { ErrorNotice } from './Notice';

export type SignInPanelProps = { onSignedIn: (session: Session) => void; back: string };

/** WeChat: wx.login gives a one-time code; the server exchanges it at code2session. */
export function SignInPanel({ onSignedIn, back }: SignInPanelProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorMessage | null>(null);

  const signIn = async () => {
    setBusy(true);
    setError(null);
    try {
      const { code } = await Taro.login();
      onSignedIn(await api.wechatLogin(code));
    } catch (e) {
      setError(describeError(e, { UNKNOWN: { message: T.errors.wechatFailed, next: 'retry' } }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="stack">
      <Text className="card__title">{T.title.login}</Text>
      <Text className="paragraph muted">{T.login.wechatHint}</Text>
      {error && <ErrorNotice error={error} back={back} onRetry={() => void signIn()} />}
      <ActionButton size="large" disabled={busy} onClick={() => void signIn()} testId="wechat-login">
        {busy ? T.login.submitting : T.login.wechat}
      </ActionButton>
    </View>
  );
}
