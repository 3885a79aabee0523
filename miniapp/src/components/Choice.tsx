import { Text, View } from '@tarojs/components';

export type ChoiceProps = {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** radio: one of a group (认可 / 不认可); checkbox: any number. */
  kind?: 'radio' | 'checkbox';
  tone?: 'good' | 'bad' | 'neutral';
  testId?: string;
};

/** A large, tappable choice with a visible check mark (no native checkbox: it is tiny on phones). */
export function Choice({ label, checked, onChange, kind = 'checkbox', tone = 'neutral', testId }: ChoiceProps) {
  return (
    <View
      className={`choice choice--${tone}${checked ? ' choice--on' : ''}`}
      role={kind}
      aria-checked={checked}
      data-testid={testId}
      onClick={() => onChange(kind === 'radio' ? true : !checked)}
    >
      <View className={`choice__mark choice__mark--${kind}`}>{checked ? '✓' : ''}</View>
      <Text className="choice__label">{label}</Text>
    </View>
  );
}
