export type TextAreaProps = {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  label: string;
  testId?: string;
};

/** The browser's own textarea (Taro's h5 Textarea is a web component that tests cannot drive). */
export function TextArea({ value, onChange, placeholder, maxLength = 1000, label, testId }: TextAreaProps) {
  return (
    <textarea
      className="textarea"
      value={value}
      placeholder={placeholder}
      maxLength={maxLength}
      aria-label={label}
      data-testid={testId}
      rows={4}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
