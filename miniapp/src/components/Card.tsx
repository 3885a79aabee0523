import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export type CardProps = { title?: ReactNode; extra?: ReactNode; children: ReactNode; testId?: string; className?: string };

export function Card({ title, extra, children, testId, className }: CardProps) {
  return (
    <View className={`card${className ? ` ${className}` : ''}`} data-testid={testId}>
      {title !== undefined && (
        <View className="card__head">
          <Text className="card__title">{title}</Text>
          {extra}
        </View>
      )}
      {children}
    </View>
  );
}

export type RowProps = { label: string; children: ReactNode; testId?: string };

/** A label and its value, one under the other: long values (names, codes) wrap without squeezing. */
export function Row({ label, children, testId }: RowProps) {
  return (
    <View className="row" data-testid={testId}>
      <Text className="row__label">{label}</Text>
      <View className="row__value">{children}</View>
    </View>
  );
}
