import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ResetStaffPinInput } from '../../../../../src/console/contract/staff';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import { deskError } from '../../../deskWords';
import type { SiteStaff } from './staffTypes';

type Values = z.input<typeof ResetStaffPinInput>;

/** A PIN set by HQ for someone who forgot theirs (or whose PIN was seen): they change it at the next desk sign-in. */
export function ResetPinForm(props: { siteId: string; person: SiteStaff; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm<Values, z.output<typeof ResetStaffPinInput>>(ResetStaffPinInput, {
    defaultValues: { siteId: props.siteId, staffId: props.person.staffId, pin: '' },
  });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values: Values) => {
    setProblem(null);
    try {
      await call('staff.resetPin', values);
      props.onDone();
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} data-testid="staff-reset-form">
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <p>{t('staff.resetIntro', { name: `${props.person.staffNo} ${props.person.name}` })}</p>
      <Field label={t('staff.newPin')} error={deskError(formState.errors.pin)} testId="staff-reset-pin" required>
        <Controller
          name="pin"
          control={control}
          render={({ field }) => (
            <Input.Password
              {...field}
              autoFocus
              autoComplete="new-password"
              inputMode="numeric"
              maxLength={8}
              data-testid="staff-reset-pin"
            />
          )}
        />
      </Field>
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="staff-reset-submit">
        {t('staff.resetPin')}
      </Button>
    </Form>
  );
}
