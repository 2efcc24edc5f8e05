import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ResetPasswordInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { FormField } from '../../forms/FormField';
import { useConsoleForm } from '../../forms/useConsoleForm';

/** A new password an admin gives a user who forgot theirs: the user must change it at the next sign-in. */
export function ResetPasswordDialog(props: { user: AccountRow; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const { user } = props;
  const form = useConsoleForm(ResetPasswordInput, { defaultValues: { id: user.id, password: '', clearTotp: false } });
  const { control, handleSubmit, formState } = form;
  const submit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await call('accounts.resetPassword', values);
      props.onClose(true);
    } catch (e) {
      setProblem(form.serverErrors(e));
    }
  });
  return (
    <Modal
      open
      title={t('accounts.resetTitle', { name: user.name })}
      okText={t('accounts.save')}
      onOk={() => void submit()}
      onCancel={() => props.onClose(false)}
      okButtonProps={{ loading: formState.isSubmitting, 'data-testid': 'account-submit' }}
      destroyOnHidden
    >
      <Form layout="vertical" onSubmitCapture={(e) => (e.preventDefault(), void submit())}>
        {problem && <Alert type="error" showIcon message={problem} data-testid="account-problem" />}
        <FormField
          label={t('accounts.newPassword')}
          error={formState.errors.password}
          testId="account-password"
          extra={t('accounts.resetNote')}
          required
        >
          <Controller
            name="password"
            control={control}
            render={({ field }) => (
              <Input.Password {...field} autoFocus autoComplete="new-password" data-testid="account-password" />
            )}
          />
        </FormField>
        {user.totp && (
          <Controller
            name="clearTotp"
            control={control}
            render={({ field }) => (
              <Checkbox checked={field.value} onChange={(e) => field.onChange(e.target.checked)} data-testid="account-clear-totp">
                {t('accounts.clearTotp')}
              </Checkbox>
            )}
          />
        )}
      </Form>
    </Modal>
  );
}
