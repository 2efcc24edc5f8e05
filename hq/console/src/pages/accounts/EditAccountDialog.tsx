import { useState } from 'react';
import { Alert, Form, Modal } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UpdateAccountInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { FormField } from '../../forms/FormField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { RoleSelect } from './RoleSelect';
import { SiteScopeField } from './SiteScopeField';

/** A user's role and sites; HQ ends their sessions so the change holds from their next sign-in. */
export function EditAccountDialog(props: { user: AccountRow; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const { user } = props;
  const form = useConsoleForm(UpdateAccountInput, { defaultValues: { id: user.id, role: user.role, siteIds: user.siteIds } });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await call('accounts.update', values);
      props.onClose(true);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Modal
      open
      title={t('accounts.editTitle', { name: user.name })}
      okText={t('accounts.save')}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
      okButtonProps={{ loading: formState.isSubmitting, 'data-testid': 'account-submit' }}
      destroyOnHidden
    >
      <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        {problem && <Alert type="error" showIcon message={problem} data-testid="account-problem" />}
        <FormField label={t('accounts.role')} error={formState.errors.role} testId="account-role" required>
          <Controller
            name="role"
            control={control}
            render={({ field }) => <RoleSelect value={field.value} onChange={field.onChange} />}
          />
        </FormField>
        <FormField label={t('accounts.sites')} error={formState.errors.siteIds} testId="account-sites" required>
          <Controller
            name="siteIds"
            control={control}
            render={({ field }) => <SiteScopeField value={field.value ?? null} onChange={field.onChange} />}
          />
        </FormField>
      </Form>
    </Modal>
  );
}
