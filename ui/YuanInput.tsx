import { InputNumber } from 'antd';

/**
 * A money amount typed in yuan and kept in fen, as every amount is stored (issue 12: the variance limit
 * was typed in fen, so "10" meant ten fen); whole fen only, rounded to 0.01. No min/max: a value out of
 * bounds is never clamped without a word, the form's schema says at the field what is allowed. The desk's
 * settings and HQ's console both use it; `unit` is the word after the number in the caller's language.
 */
export function YuanInput(props: {
  value?: number | null;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  unit: string;
  testId: string;
  step?: number;
  disabled?: boolean;
}) {
  return (
    <InputNumber<number>
      value={props.value === undefined || props.value === null ? null : props.value / 100}
      onChange={(v) => props.onChange(v === null ? null : Math.round(v * 100))}
      onBlur={props.onBlur}
      precision={2}
      step={props.step ?? 1}
      disabled={props.disabled}
      style={{ width: 220 }}
      prefix="¥"
      suffix={props.unit}
      data-testid={props.testId}
    />
  );
}
