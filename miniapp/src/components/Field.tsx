import { Input, Text, View } from '@tarojs/components';

export type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  testId?: string;
  error?: string | null;
};

export function Field({ label, value, onChange, placeholder, maxLength = 64, testId, error }: FieldProps) {
  return (
    <View className="field">
      <Text className="field__label">{label}</Text>
      <Input
        className={`field__input${error ? ' field__input--error' : ''}`}
        value={value}
        placeholder={placeholder}
        maxlength={maxLength}
        data-testid={testId}
        aria-label={label}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error && <Text className="field__error">{error}</Text>}
    </View>
  );
}
