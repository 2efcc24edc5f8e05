import { Input, InputNumber, Select, Switch } from 'antd';
import { Controller, type Control, type FieldErrors } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Settings } from '../../../../shared/api/schemas';
import { LANGUAGES } from '../../i18n';
import { Field } from '../../../../ui/Field';

type SettingsInput = z.input<typeof Settings>;

/** This desk's own settings: the print language, the paper of each document, the printer, the idle lock. */
export function DeskSettingsFields(props: { control: Control<SettingsInput>; errors: FieldErrors<SettingsInput> }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('settings.printLocale')} error={props.errors.locale}>
        <Controller
          name="locale"
          control={props.control}
          render={({ field }) => <Select {...field} options={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))} />}
        />
      </Field>
      <Field label={t('settings.passLayout')} error={props.errors.visitorPassLayout}>
        <Controller
          name="visitorPassLayout"
          control={props.control}
          render={({ field }) => (
            <Select {...field} options={['roll80', 'a6'].map((v) => ({ value: v, label: t(`layout.${v}`) }))} />
          )}
        />
      </Field>
      <Field label={t('settings.releasePassLayout')} error={props.errors.releasePassLayout}>
        <Controller
          name="releasePassLayout"
          control={props.control}
          render={({ field }) => (
            <Select {...field} options={['roll80', 'a6'].map((v) => ({ value: v, label: t(`layout.${v}`) }))} />
          )}
        />
      </Field>
      <Field label={t('settings.receiptLayout')} error={props.errors.receiptLayout}>
        <Controller
          name="receiptLayout"
          control={props.control}
          render={({ field }) => (
            <Select {...field} options={['roll80', 'a5'].map((v) => ({ value: v, label: t(`layout.${v}`) }))} />
          )}
        />
      </Field>
      <Field label={t('settings.passPrinter')} error={props.errors.visitorPassPrinter} extra={t('settings.printerHint')}>
        <Controller name="visitorPassPrinter" control={props.control} render={({ field }) => <Input {...field} />} />
      </Field>
      <Field label={t('settings.autoPrint')} error={props.errors.autoPrintVisitorPass}>
        <Controller
          name="autoPrintVisitorPass"
          control={props.control}
          render={({ field }) => <Switch checked={field.value} onChange={field.onChange} />}
        />
      </Field>
      <Field label={t('settings.idleLockMinutes')} error={props.errors.idleLockMinutes}>
        <Controller
          name="idleLockMinutes"
          control={props.control}
          render={({ field }) => <InputNumber {...field} min={1} max={120} />}
        />
      </Field>
    </>
  );
}
