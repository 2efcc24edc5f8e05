import { useEffect, useState, type ReactNode } from 'react';
import { Form, Input, Radio, Segmented, Space } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { SetupInput, SITE_KINDS, type SetupFromHqResult, type SetupStatus } from '../../../../shared/api/schemas';
import { call } from '../../api/desk';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { GateCard, GateSubmit } from '../../shell/GateCard';
import { ADMIN_FIELDS, AdminFields, withPinAgain } from './AdminFields';
import { SetupFromHqForm } from './SetupFromHqForm';
import { FirstAdminForm } from './FirstAdminForm';

const SetupForm = withPinAgain(SetupInput);
type SetupValues = z.input<typeof SetupForm>;

/**
 * First run. Either a new site on this PC (the building, this desk, the first administrator), or a
 * desk joining a site HQ already knows (HQ's address and a one-time code; the staff come down).
 */
export function SetupPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<SetupStatus | null>(null);
  const [mode, setMode] = useState<'local' | 'hq'>('local');
  const [download, setDownload] = useState<SetupFromHqResult | null>(null);
  const load = () => void call('setup:status').then((r) => r.ok && setStatus(r.value));
  useEffect(load, []);
  if (!status) return null;
  if (status.needsAdmin) return <FirstAdminForm status={status} download={download} />;
  const modeSwitch = (
    <Segmented
      block
      style={{ marginBottom: 16 }}
      value={mode}
      onChange={(v) => setMode(v as 'local' | 'hq')}
      options={[
        { value: 'local', label: <span data-testid="setup-mode-local">{t('setup.modeLocal')}</span> },
        { value: 'hq', label: <span data-testid="setup-mode-hq">{t('setup.modeHq')}</span> },
      ]}
    />
  );
  return mode === 'local' ? (
    <SetupLocalForm modeSwitch={modeSwitch} />
  ) : (
    <SetupFromHqForm
      modeSwitch={modeSwitch}
      onDone={(r) => {
        setDownload(r);
        load();
      }}
    />
  );
}

/** A new site: which building, which desk, and the first administrator. */
function SetupLocalForm({ modeSwitch }: { modeSwitch: ReactNode }) {
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
    else setFormError(applyServerErrors(setError, r.error, ['siteName', 'siteCode', 'siteKind', 'deviceCode', ...ADMIN_FIELDS]));
  });

  return (
    <GateCard title={<>{t('setup.title')}</>} intro={t('setup.intro')} error={formError}>
      {modeSwitch}
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
        <AdminFields control={control} errors={e} />
        <GateSubmit onClick={() => void submit()} loading={formState.isSubmitting} testId="setup-submit">
          {t('setup.submit')}
        </GateSubmit>
      </Form>
    </GateCard>
  );
}
