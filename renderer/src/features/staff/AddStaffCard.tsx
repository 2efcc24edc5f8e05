import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Select } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { CreateStaffInput } from '../../../../shared/api/schemas';
import { ROLES } from '../../../../shared/domain/staff';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

/** The admin adds a person with their staff number, role and first PIN. */
export function AddStaffCard(props: { onAdded: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError, reset } = useForm({
    resolver: zodResolver(CreateStaffInput),
    defaultValues: { staffNo: '', name: '', role: 'receptionist' as const, pin: '' },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('staff:create', values);
    if (r.ok) {
      reset();
      setFormError(null);
      props.onAdded();
      message.success(t('staff.created', { name: r.value.name }));
    } else setFormError(applyServerErrors(setError, r.error, ['staffNo', 'name', 'role', 'pin']));
  });
  return (
    <Card title={t('staff.addTitle')} style={{ marginBottom: 16 }}>
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div" data-form onKeyDown={(e) => formKeyDown(e, () => void submit())}>
        <Field label={t('staff.staffNo')} error={e.staffNo} required>
          <Controller name="staffNo" control={control} render={({ field }) => <Input {...field} data-testid="staff-staffNo" />} />
        </Field>
        <Field label={t('staff.name')} error={e.name} required>
          <Controller name="name" control={control} render={({ field }) => <Input {...field} data-testid="staff-name" />} />
        </Field>
        <Field label={t('staff.role')} error={e.role} required>
          <Controller
            name="role"
            control={control}
            render={({ field }) => (
              <Select {...field} data-testid="staff-role" options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
            )}
          />
        </Field>
        <Field label={t('staff.pin')} error={e.pin} required extra={t('staff.pinHint')}>
          <Controller
            name="pin"
            control={control}
            render={({ field }) => <Input.Password {...field} data-testid="staff-pin" />}
          />
        </Field>
        <Button type="primary" onClick={() => void submit()} data-submit data-testid="staff-add">
          {t('staff.add')}
        </Button>
      </Form>
    </Card>
  );
}
