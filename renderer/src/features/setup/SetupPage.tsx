import { useState } from 'react';
import { Button, Form, Input, Radio, Space } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { SetupInput, SITE_KINDS } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { GateCard } from '../../shell/GateCard';

const SetupForm = SetupInput.and(z.object({ pinAgain: z.string() })).superRefine((v, ctx) => {
  if (v.admin.pin !== v.pinAgain) ctx.addIssue({ code: 'custom', path: ['pinAgain'], message: 'err.pin.mismatch' });
});
type SetupValues = z.input<typeof SetupForm>;

/** First run: which building, which desk, and the first administrator. */
export function SetupPage() {
  const { t } = useTranslation();
  const signedIn = useSession((s) => s.signedIn);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState } = useForm<SetupValues>({
    resolver: zodResolver(SetupForm),
    defaultValues: {
      siteName: '',
      siteCode: '',
      siteKind: 'residential',
      deviceCode: 'A1',
      admin: { staffNo: '', name: '', pin: '' },
      pinAgain: '',
    },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const { pinAgain: _pinAgain, ...input } = values;
    const r = await run('setup:complete', input);
    if (r.ok) signedIn(r.value);
    else
      setFormError(
        applyServerErrors(setError, r.error, [
          'siteName',
          'siteCode',
          'siteKind',
          'deviceCode',
          'admin.staffNo',
          'admin.name',
          'admin.pin',
        ]),
      );
  });

  return (
    <GateCard title={<>{t('setup.title')}</>} intro={t('setup.intro')} error={formError}>
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, submit)}>
        <Field label={t('setup.siteName')} error={e.siteName} required>
          <Controller
            name="siteName"
            control={control}
            render={({ field }) => (
              <Input {...field} autoFocus data-testid="setup-siteName" placeholder={t('setup.siteNameHint')} />
            )}
          />
        </Field>
        <Space.Compact block style={{ gap: 12 }}>
          <Field label={t('setup.siteCode')} error={e.siteCode} required extra={t('setup.siteCodeHint')}>
            <Controller
              name="siteCode"
              control={control}
              render={({ field }) => <Input {...field} data-testid="setup-siteCode" maxLength={6} />}
            />
          </Field>
          <Field label={t('setup.deviceCode')} error={e.deviceCode} required extra={t('setup.deviceCodeHint')}>
            <Controller
              name="deviceCode"
              control={control}
              render={({ field }) => <Input {...field} data-testid="setup-deviceCode" maxLength={4} />}
            />
          </Field>
        </Space.Compact>
        <Field label={t('setup.siteKind')} error={e.siteKind}>
          <Controller
            name="siteKind"
            control={control}
            render={({ field }) => (
              <Radio.Group
                {...field}
                optionType="button"
                options={SITE_KINDS.map((k) => ({ value: k, label: t(`setup.kind.${k}`) }))}
              />
            )}
          />
        </Field>
        <div style={{ fontWeight: 600, margin: '8px 0' }}>{t('setup.adminTitle')}</div>
        <Space.Compact block style={{ gap: 12 }}>
          <Field label={t('staff.staffNo')} error={e.admin?.staffNo} required>
            <Controller
              name="admin.staffNo"
              control={control}
              render={({ field }) => <Input {...field} data-testid="setup-staffNo" />}
            />
          </Field>
          <Field label={t('staff.name')} error={e.admin?.name} required>
            <Controller
              name="admin.name"
              control={control}
              render={({ field }) => <Input {...field} data-testid="setup-name" />}
            />
          </Field>
        </Space.Compact>
        <Space.Compact block style={{ gap: 12 }}>
          <Field label={t('staff.pin')} error={e.admin?.pin} required extra={t('staff.pinHint')}>
            <Controller
              name="admin.pin"
              control={control}
              render={({ field }) => <Input.Password {...field} data-testid="setup-pin" inputMode="numeric" />}
            />
          </Field>
          <Field label={t('staff.pinAgain')} error={e.pinAgain} required>
            <Controller
              name="pinAgain"
              control={control}
              render={({ field }) => <Input.Password {...field} data-testid="setup-pinAgain" inputMode="numeric" />}
            />
          </Field>
        </Space.Compact>
        <Button
          type="primary"
          size="large"
          block
          onClick={() => void submit()}
          loading={formState.isSubmitting}
          data-submit
          data-testid="setup-submit"
        >
          {t('setup.submit')}
        </Button>
      </Form>
    </GateCard>
  );
}
