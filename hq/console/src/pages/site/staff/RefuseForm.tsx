import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RefuseHeldInput } from '../../../../../src/console/contract/staff';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import { deskError } from '../../../deskWords';
import type { HeldChange } from './staffTypes';

type Values = z.input<typeof RefuseHeldInput>;

/** A held change refused, with the reason its desk is shown (the change is undone there at its next sync). */
export function RefuseForm(props: { siteId: string; change: HeldChange; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm<Values, z.output<typeof RefuseHeldInput>>(RefuseHeldInput, {
    defaultValues: { siteId: props.siteId, eventId: props.change.eventId, reason: '' },
  });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values: Values) => {
    setProblem(null);
    try {
      await call('staff.refuse', values);
      props.onDone();
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} data-testid="held-refuse-form">
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} />}
      <p>{t('staff.held.refuseIntro', { who: props.change.who })}</p>
      <Field label={t('staff.held.reason')} error={deskError(formState.errors.reason)} testId="held-reason" required>
        <Controller
          name="reason"
          control={control}
          render={({ field }) => <Input.TextArea {...field} autoFocus rows={2} maxLength={200} data-testid="held-reason" />}
        />
      </Field>
      <Button danger type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="held-refuse-submit">
        {t('staff.held.refuse')}
      </Button>
    </Form>
  );
}
