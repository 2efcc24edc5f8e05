import { useState } from 'react';
import { Alert, Form, Input } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { SignInInput } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { useSession } from '../../stores/session';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';
import { GateCard, GateSubmit } from '../../shell/GateCard';
import { deskTime } from '../../../../shared/domain/deskTime';

/** Sign in, or unlock after the idle lock: staff number and PIN, Enter to go. */
export function SignInPage(props: { locked: boolean }) {
  const { t } = useTranslation();
  const { signedIn, lastStaffNo, notice } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, setError, formState, setValue } = useForm<z.input<typeof SignInInput>>({
    resolver: zodResolver(SignInInput),
    defaultValues: { staffNo: props.locked ? lastStaffNo : '', pin: '' },
  });
  const submit = handleSubmit(async (values) => {
    setFormError(null);
    const r = await run('auth:signIn', values);
    if (r.ok) return signedIn(r.value);
    setValue('pin', '');
    const until = r.error.details?.until as string | undefined;
    const message = applyServerErrors(setError, r.error, ['staffNo', 'pin']);
    setFormError(until ? t('auth.lockedUntil', { time: deskTime(until).format('HH:mm') }) : message);
  });

  return (
    <GateCard
      title={
        <>
          {props.locked && <LockOutlined style={{ marginRight: 8 }} />}
          {props.locked ? t('auth.lockedTitle') : t('auth.title')}
        </>
      }
      intro={props.locked ? t('auth.lockedIntro') : t('auth.intro')}
      error={formError}
    >
      {notice && <Alert type="success" showIcon message={notice} style={{ marginBottom: 12 }} data-testid="signin-notice" />}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, submit)}>
        <Field label={t('staff.staffNo')} error={formState.errors.staffNo} required testId="signin-staffNo">
          <Controller
            name="staffNo"
            control={control}
            render={({ field }) => <Input {...field} autoFocus={!props.locked} data-testid="signin-staffNo" size="large" />}
          />
        </Field>
        <Field label={t('staff.pin')} error={formState.errors.pin} required testId="signin-pin">
          <Controller
            name="pin"
            control={control}
            render={({ field }) => (
              <Input.Password {...field} autoFocus={props.locked} data-testid="signin-pin" size="large" inputMode="numeric" />
            )}
          />
        </Field>
        <GateSubmit onClick={() => void submit()} loading={formState.isSubmitting} testId="signin-submit">
          {props.locked ? t('auth.unlock') : t('auth.signIn')}
        </GateSubmit>
      </Form>
    </GateCard>
  );
}
