import { Checkbox, Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ResetPasswordInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { FormField } from '../../forms/FormField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { AccountModal, useAccountSave } from './AccountModal';

/** A new password an admin gives a user who forgot theirs: the user must change it at the next sign-in. */
export function ResetPasswordDialog(props: { user: AccountRow; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { user } = props;
  const form = useConsoleForm(ResetPasswordInput, { defaultValues: { id: user.id, password: '', clearTotp: false } });
  const saving = useAccountSave(
    form,
    (values) => call('accounts.resetPassword', values),
    () => props.onClose(true),
  );
  const { control, formState } = form;
  return (
    <AccountModal title={t('accounts.resetTitle', { name: user.name })} saving={saving} onCancel={() => props.onClose(false)}>
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
    </AccountModal>
  );
}
