import { useState } from 'react';
import { Alert, Button, Form, Input, Space } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { requiredText } from '../../../../shared/api/fields';
import type { ApiError } from '../../../../shared/api/result';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

const NoteFields = z.object({ note: requiredText(500) });
type Values = z.infer<typeof NoteFields>;

/**
 * The note a conflict or a rejection is closed with, and the buttons that close it: Enter in the note
 * submits the first action. `submit` answers null on success or the desk's error.
 */
export function NoteForm(props: {
  testId: string;
  actions: { key: string; label: string; primary?: boolean }[];
  submit: (note: string, action: string) => Promise<ApiError | null>;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, reset } = useForm<Values>({
    resolver: zodResolver(NoteFields),
    defaultValues: { note: '' },
  });
  const send = (action: string) =>
    handleSubmit(async ({ note }) => {
      setFormError(null);
      const error = await props.submit(note, action);
      if (error) setFormError(applyServerErrors(setError, error, ['note']));
      else reset();
    })();
  // Enter takes the first action offered (none offered: Enter does nothing).
  const [firstAction] = props.actions;
  return (
    <Form
      layout="vertical"
      component="div"
      data-form
      onKeyDown={(e) => formKeyDown(e, () => firstAction && void send(firstAction.key))}
    >
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 8 }} />}
      <Field label={t('conflicts.note')} error={formState.errors.note} testId={`${props.testId}-note`}>
        <Controller
          name="note"
          control={control}
          render={({ field }) => <Input {...field} data-testid={`${props.testId}-note`} />}
        />
      </Field>
      <Space>
        {props.actions.map((a) => (
          <Button
            key={a.key}
            type={a.primary ? 'primary' : 'default'}
            loading={formState.isSubmitting}
            onClick={() => void send(a.key)}
            data-testid={`${props.testId}-${a.key}`}
          >
            {a.label}
          </Button>
        ))}
      </Space>
    </Form>
  );
}
