import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ErrorMessage } from '../services/errors';
import { replace, routes } from '../services/nav';
import { T } from '../strings';
import { ActionButton } from './ActionButton';

export type NoticeProps = { tone?: 'info' | 'warn' | 'error' | 'success'; children: ReactNode; testId?: string };

export function Notice({ tone = 'info', children, testId }: NoticeProps) {
  return (
    <View className={`notice notice--${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </View>
  );
}

export type ErrorNoticeProps = {
  error: ErrorMessage;
  /** Where to come back to after signing in or binding. */
  back: string;
  onRetry?: () => void;
  testId?: string;
};

/** A failure as a plain sentence and the one thing to do about it. */
export function ErrorNotice({ error, back, onRetry, testId = 'error' }: ErrorNoticeProps) {
  return (
    <Notice tone="error" testId={testId}>
      <Text className="notice__text">{error.message}</Text>
      {error.next === 'retry' && onRetry && (
        <ActionButton variant="secondary" onClick={onRetry} testId="error-retry" className="notice__action">
          {T.errors.retry}
        </ActionButton>
      )}
      {error.next === 'signIn' && (
        <ActionButton variant="secondary" onClick={() => replace(routes.login(back))} testId="error-sign-in" className="notice__action">
          {T.errors.signInAgain}
        </ActionButton>
      )}
      {error.next === 'bind' && (
        <ActionButton variant="secondary" onClick={() => replace(routes.bind(back))} testId="error-bind" className="notice__action">
          {T.errors.goBind}
        </ActionButton>
      )}
    </Notice>
  );
}
