import { Checkbox } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ResetPasswordInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { TextField } from '../../forms/TextField';
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
  const { control } = form;
  return (
    <AccountModal title={t('accounts.resetTitle', { name: user.name })} saving={saving} onCancel={() => props.onClose(false)}>
      <TextField
        control={control}
        name="password"
        kind="new-password"
        label={t('accounts.newPassword')}
        extra={t('accounts.resetNote')}
        testId="account-password"
        autoFocus
      />
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
