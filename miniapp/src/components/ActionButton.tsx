import { View } from '@tarojs/components';
import type { ReactNode } from 'react';

export type ActionButtonProps = {
  children: ReactNode;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'plain' | 'danger';
  size?: 'normal' | 'large';
  disabled?: boolean;
  testId?: string;
  className?: string;
};

/**
 * A large tap target (at least 48 px high). A styled View rather than Taro's Button, whose native
 * styles differ between WeChat and the browser.
 */
export function ActionButton({
  children,
  onClick,
  variant = 'primary',
  size = 'normal',
  disabled = false,
  testId,
  className,
}: ActionButtonProps) {
  return (
    <View
      className={`btn btn--${variant} btn--${size}${disabled ? ' btn--disabled' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={disabled ? undefined : 'btn--pressed'}
      role="button"
      aria-disabled={disabled}
      data-testid={testId}
      onClick={() => {
        if (!disabled) onClick();
      }}
    >
      {children}
    </View>
  );
}
