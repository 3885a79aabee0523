import { Textarea } from '@tarojs/components';

export type TextAreaProps = {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  label: string;
  testId?: string;
};

/** WeChat's native textarea. */
export function TextArea({ value, onChange, placeholder, maxLength = 1000, label, testId }: TextAreaProps) {
  return (
    <Textarea
      className="textarea"
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      autoHeight
      aria-label={label}
      data-testid={testId}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
