import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A money setting entered in yuan and kept in fen, as every amount is stored (issue 12: the variance
 * limit was entered in fen, so "10" meant ten fen). Whole fen only: the value is rounded to 0.01.
 */
export function YuanInput(props: {
  value?: number;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  maxFen: number;
  step?: number;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      value={props.value === undefined || props.value === null ? null : props.value / 100}
      onChange={(v) => props.onChange(v === null ? null : Math.round(v * 100))}
      onBlur={props.onBlur}
      min={0}
      max={props.maxFen / 100}
      precision={2}
      step={props.step ?? 1}
      disabled={props.disabled}
      style={{ width: 200 }}
      prefix="¥"
      addonAfter={t('settings.yuan')}
      data-testid={props.testId}
    />
  );
}
