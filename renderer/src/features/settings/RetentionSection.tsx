import { InputNumber, Switch } from 'antd';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/api/schemas';
import { Field } from '../../../../ui/Field';

type SettingsInput = z.input<typeof Settings>;
const FIELDS = ['visitRetentionDays', 'signatureRetentionDays', 'logPhotoRetentionDays'] as const;

/**
 * How long personal data is kept before every desk and HQ drop it (个人信息保护), and whether the taking
 * desk keeps full ID numbers sealed where the law requires them. No min/max on the inputs: a number out
 * of bounds is not silently clamped, the schema's message says what is allowed.
 */
export function RetentionSection(props: { control: Control<SettingsInput>; errors: FieldErrors<SettingsInput> }) {
  const { t } = useTranslation();
  return (
    <>
      {FIELDS.map((name, i) => (
        <Field
          key={name}
          label={t(`settings.${name}`)}
          error={props.errors[name]}
          extra={i === FIELDS.length - 1 ? t('settings.retentionHint') : undefined}
          testId={`settings-${name}`}
        >
          <Controller
            name={name}
            control={props.control}
            render={({ field }) => <InputNumber {...field} data-testid={`settings-${name}`} />}
          />
        </Field>
      ))}
      <Field
        label={t('settings.keepFullIdNumbers')}
        error={props.errors.keepFullIdNumbers}
        extra={t('settings.keepFullIdNumbersHint')}
        testId="settings-keepFullIdNumbers"
      >
        <Controller
          name="keepFullIdNumbers"
          control={props.control}
          render={({ field }) => (
            <Switch checked={field.value} onChange={field.onChange} data-testid="settings-keepFullIdNumbers" />
          )}
        />
      </Field>
    </>
  );
}
