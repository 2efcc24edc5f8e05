import { App, Button, Card, Form, Input } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ChangePinInput } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

/** Change one's own PIN; `bare` leaves out the card frame (inside a dialog); `onChanged` runs after. */
export function ChangePinCard(props: { bare?: boolean; onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { control, handleSubmit, formState, setError, reset } = useForm({
    resolver: zodResolver(ChangePinInput),
    defaultValues: { currentPin: '', newPin: '' },
  });
  const submit = handleSubmit(async (values) => {
    const r = await run('auth:changePin', values);
    if (r.ok) {
      reset();
      message.success(t('staff.pinChanged'));
      props.onChanged?.();
    } else applyServerErrors(setError, r.error, ['currentPin', 'newPin']);
  });
  return (
    <Card
      title={props.bare ? undefined : t('staff.changePin')}
      variant={props.bare ? 'borderless' : 'outlined'}
      styles={props.bare ? { body: { padding: 0 } } : undefined}
    >
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('staff.currentPin')} error={formState.errors.currentPin} required>
          <Controller
            name="currentPin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid="changepin-current" />}
          />
        </Field>
        <Field label={t('staff.newPin')} error={formState.errors.newPin} required>
          <Controller
            name="newPin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid="changepin-new" />}
          />
        </Field>
        <Button onClick={() => void submit()} data-submit>
          {t('staff.changePin')}
        </Button>
      </Form>
    </Card>
  );
}
