import { useState, type ReactNode } from 'react';
import { App, Form, Input } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { EnrollInput } from '../../../../shared/api/syncSchemas';
import type { SetupFromHqResult } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { GateCard, GateSubmit } from '../../shell/GateCard';
import { enrollError } from '../sync/enrollError';

/**
 * A new PC for a site HQ already knows: HQ's address and the one-time code HQ issued for this desk
 * code. The site, its staff and its records come down; colleagues sign in with their own PINs.
 */
export function SetupFromHqForm({ modeSwitch, onDone }: { modeSwitch: ReactNode; onDone: (r: SetupFromHqResult) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useSession((s) => s.refresh);
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(EnrollInput),
    defaultValues: { hqUrl: '', code: '', fingerprint: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await run('setup:fromHq', values);
    if (!r.ok) {
      setFormError(enrollError(setError, r.error));
      return;
    }
    const done = r.value;
    if (done.staffCount > 0) {
      message.success(t('setup.hqDone', { ...done, count: done.staffCount }), 8);
      await refresh();
    } else onDone(done);
  });
  return (
    <GateCard title={t('setup.title')} intro={t('setup.hqIntro')} error={formError}>
      {modeSwitch}
      <Form layout="vertical" component="div" data-form onKeyDown={(ev) => formKeyDown(ev, submit)}>
        <Field label={t('sync.hqUrl')} error={e.hqUrl} required testId="setup-hq-url">
          <Controller
            name="hqUrl"
            control={control}
            render={({ field }) => (
              <Input {...field} autoFocus placeholder="https://hq.example:8780" data-testid="setup-hq-url" />
            )}
          />
        </Field>
        <Field label={t('sync.code')} error={e.code} required extra={t('setup.hqCodeHint')} testId="setup-hq-code">
          <Controller
            name="code"
            control={control}
            render={({ field }) => <Input {...field} className="mono" data-testid="setup-hq-code" />}
          />
        </Field>
        <Field
          label={t('sync.fingerprint')}
          error={e.fingerprint}
          extra={t('sync.fingerprintHint')}
          testId="setup-hq-fingerprint"
        >
          <Controller
            name="fingerprint"
            control={control}
            render={({ field }) => <Input {...field} className="mono" data-testid="setup-hq-fingerprint" />}
          />
        </Field>
        <GateSubmit onClick={() => void submit()} loading={formState.isSubmitting} testId="setup-hq-submit">
          {formState.isSubmitting ? t('setup.hqDownloading') : t('setup.hqSubmit')}
        </GateSubmit>
      </Form>
    </GateCard>
  );
}
