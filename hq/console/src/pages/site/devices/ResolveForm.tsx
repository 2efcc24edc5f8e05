import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ResolveInput } from '../../../../../src/console/contract/devices';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';

/** Closes a conflict with a note of what was done (the CLI's resolve-conflict); every desk clears it at its next sync. */
export function ResolveForm(props: { siteId: string; conflictId: string; testId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm(ResolveInput, {
    defaultValues: { siteId: props.siteId, conflictId: props.conflictId, note: '' },
  });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await call('devices.resolveConflict', values);
      props.onDone();
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} style={{ marginTop: 12 }}>
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 8 }} />}
      <Field label={t('devices.conflicts.note')} error={formState.errors.note} testId={`${props.testId}-note`} required>
        <Controller
          name="note"
          control={control}
          render={({ field }) => <Input {...field} maxLength={500} data-testid={`${props.testId}-note`} />}
        />
      </Field>
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid={`${props.testId}-resolve`}>
        {t('devices.conflicts.resolve')}
      </Button>
    </Form>
  );
}
