import { Alert, InputNumber, Switch } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../../../../ui/Field';

import { SETTING_LABEL, settingError, type SectionProps } from './settingsTypes';
import { YuanInput } from '../../../../../../ui/YuanInput';

const MONEY = [
  ['drawerVarianceLimitFen', 'desk:settings.drawerVarianceHint', 1],
  ['largePaymentLimitFen', 'desk:settings.largePaymentHint', 1000],
] as const;
const WHOLE = [
  'mailReturnDays',
  'defaultVisitMinutes',
  'visitRetentionDays',
  'signatureRetentionDays',
  'logPhotoRetentionDays',
] as const;

/** The site's limits and periods, labelled and explained in the desk's own words. */
export function LimitFields({ control, errors, disabled }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      {MONEY.map(([name, hint, step]) => (
        <Field key={name} label={t(SETTING_LABEL[name])} error={settingError(errors[name])} extra={t(hint)} testId={name}>
          <Controller
            name={name}
            control={control}
            render={({ field }) => (
              <YuanInput
                value={field.value}
                unit={t('desk:settings.yuan')}
                onChange={field.onChange}
                onBlur={field.onBlur}
                step={step}
                disabled={disabled}
                testId={name}
              />
            )}
          />
        </Field>
      ))}
      {WHOLE.map((name) => (
        <Field
          key={name}
          label={t(SETTING_LABEL[name])}
          error={settingError(errors[name])}
          extra={name === 'logPhotoRetentionDays' ? t('desk:settings.retentionHint') : undefined}
          testId={name}
        >
          <Controller
            name={name}
            control={control}
            render={({ field }) => <InputNumber {...field} disabled={disabled} data-testid={name} />}
          />
        </Field>
      ))}
      <Field
        label={t(SETTING_LABEL.keepFullIdNumbers)}
        error={settingError(errors.keepFullIdNumbers)}
        testId="keepFullIdNumbers"
        extra={<Alert type="warning" showIcon message={t('desk:settings.keepFullIdNumbersHint')} style={{ marginTop: 4 }} />}
      >
        <Controller
          name="keepFullIdNumbers"
          control={control}
          render={({ field }) => (
            <Switch checked={field.value} onChange={field.onChange} disabled={disabled} data-testid="keepFullIdNumbers" />
          )}
        />
      </Field>
    </>
  );
}
