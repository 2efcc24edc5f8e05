import { useState } from 'react';
import { Alert, Button, Form, Input, Select } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { CreateStaffInput } from '../../../../../src/console/contract/staff';
import { ROLES } from '../../../../../../shared/domain/staff';
import { call } from '../../../api';
import { Field } from '../../../../../../ui/Field';
import { useConsoleForm } from '../../../forms/useConsoleForm';
import { deskError } from '../../../deskWords';

type Values = z.input<typeof CreateStaffInput>;

/**
 * A new desk account at HQ, by the desk's rules (staff number, name, role, an initial PIN strong enough
 * for the role); the person chooses their own PIN at their first desk sign-in.
 */
export function CreateStaffForm(props: { siteId: string; onCreated: (staffNo: string) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const form = useConsoleForm<Values, z.output<typeof CreateStaffInput>>(CreateStaffInput, {
    defaultValues: { siteId: props.siteId, staffNo: '', name: '', role: 'receptionist', pin: '' },
  });
  const { control, handleSubmit, formState, reset } = form;
  const submit = handleSubmit(async (values: Values) => {
    setProblem(null);
    try {
      await call('staff.create', values);
      reset({ siteId: props.siteId, staffNo: '', name: '', role: values.role, pin: '' });
      props.onCreated(values.staffNo);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  const text = (name: 'staffNo' | 'name' | 'pin', label: string, extra?: object) => (
    <Field label={t(label)} error={deskError(formState.errors[name])} testId={`staff-new-${name}`} required>
      <Controller
        name={name}
        control={control}
        render={({ field }) =>
          name === 'pin' ? (
            <Input.Password
              {...field}
              autoComplete="new-password"
              inputMode="numeric"
              maxLength={8}
              data-testid="staff-new-pin"
            />
          ) : (
            <Input {...field} {...extra} data-testid={`staff-new-${name}`} />
          )
        }
      />
    </Field>
  );
  return (
    <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())} data-testid="staff-new-form">
      {problem && <Alert type="error" showIcon message={problem} style={{ marginBottom: 12 }} data-testid="staff-new-problem" />}
      {text('staffNo', 'staff.col.staffNo', { autoFocus: true, maxLength: 12 })}
      {text('name', 'staff.col.name', { maxLength: 40 })}
      <Field label={t('staff.col.role')} error={deskError(formState.errors.role)} testId="staff-new-role" required>
        <Controller
          name="role"
          control={control}
          render={({ field }) => (
            <Select
              {...field}
              data-testid="staff-new-role"
              options={ROLES.map((r) => ({ value: r, label: t(`desk:role.${r}`) }))}
            />
          )}
        />
      </Field>
      {text('pin', 'staff.initialPin')}
      <Alert type="info" showIcon message={t('staff.initialPinHint')} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" loading={formState.isSubmitting} data-testid="staff-new-submit">
        {t('staff.create')}
      </Button>
    </Form>
  );
}
