import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { ResetStaffPinInput, type StaffSummary } from '../../../../shared/api/schemas';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

/** Sets a new PIN for someone who forgot theirs (or whose PIN was seen); it is told to them in person. */
export function ResetPinModal(props: { staff: StaffSummary; onDone: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(ResetStaffPinInput),
    defaultValues: { staffId: props.staff.id, pin: '' },
  });
  const submit = handleSubmit(async (values) => {
    const r = await run('staff:resetPin', values);
    if (r.ok) props.onDone();
    else setFormError(applyServerErrors(setError, r.error, ['pin']));
  });
  return (
    <Modal
      open
      title={t('staff.resetPinTitle', { name: props.staff.name })}
      okText={t('staff.resetPin')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div" data-form onKeyDown={(ev) => formKeyDown(ev, () => void submit())}>
        <Field label={t('staff.newPin')} error={formState.errors.pin} required extra={t('staff.pinHint')}>
          <Controller
            name="pin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid="staff-reset-pin" />}
          />
        </Field>
      </Form>
    </Modal>
  );
}
