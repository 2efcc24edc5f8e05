import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * A money setting entered in yuan and kept in fen, as the desk's (renderer YuanInput). No min/max: a
 * value out of bounds is not silently clamped, the desk's schema says at the field what is allowed.
 */
export function YuanField(props: {
  value?: number;
  onChange: (fen: number | null) => void;
  onBlur?: () => void;
  testId: string;
  disabled: boolean;
  step?: number;
}) {
  const { t } = useTranslation();
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
      suffix={t('desk:settings.yuan')}
      data-testid={props.testId}
    />
  );
}
