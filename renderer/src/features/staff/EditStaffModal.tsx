import { useState } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { UpdateStaffInput, type StaffSummary } from '../../../../shared/api/schemas';
import { mayManageRole, ROLES, type Role } from '../../../../shared/domain/staff';
import { run } from '../../api/useDesk';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { applyServerErrors } from '../../forms/serverErrors';

/** Corrects a person's name or role; only the roles the signed-in person may give are offered. */
export function EditStaffModal(props: {
  staff: StaffSummary;
  myRole: Role;
  onDone: (saved: StaffSummary) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const { control, handleSubmit, formState, setError } = useForm({
    resolver: zodResolver(UpdateStaffInput),
    defaultValues: { staffId: props.staff.id, name: props.staff.name, role: props.staff.role },
  });
  const e = formState.errors;
  const submit = handleSubmit(async (values) => {
    const r = await run('staff:update', values);
    if (r.ok) props.onDone(r.value);
    else setFormError(applyServerErrors(setError, r.error, ['name', 'role']));
  });
  const roles = ROLES.filter((r) => mayManageRole(props.myRole, r));
  return (
    <Modal
      open
      title={t('staff.editTitle', { staffNo: props.staff.staffNo })}
      okText={t('staff.save')}
      onOk={() => void submit()}
      onCancel={props.onClose}
      okButtonProps={{ 'data-testid': 'staff-edit-save' }}
      destroyOnHidden
    >
      {formError && <Alert type="error" message={formError} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div" data-form onKeyDown={(ev) => formKeyDown(ev, () => void submit())}>
        <Field label={t('staff.name')} error={e.name} required>
          <Controller name="name" control={control} render={({ field }) => <Input {...field} data-testid="staff-edit-name" />} />
        </Field>
        <Field label={t('staff.role')} error={e.role} required>
          <Controller
            name="role"
            control={control}
            render={({ field }) => (
              <Select
                {...field}
                data-testid="staff-edit-role"
                options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))}
              />
            )}
          />
        </Field>
      </Form>
    </Modal>
  );
}
