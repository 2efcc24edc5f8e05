import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateAccountInput } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { TextField } from '../../forms/TextField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { AccountModal, useAccountSave } from './AccountModal';
import { AccountScopeFields } from './AccountScopeFields';

/** A new HQ user: login, name, a first password (they choose their own at the first sign-in), role, sites. */
export function CreateAccountDialog(props: { onClose: (created: boolean) => void }) {
  const { t } = useTranslation();
  const form = useConsoleForm(CreateAccountInput, {
    defaultValues: { login: '', name: '', password: '', role: 'finance', siteIds: null },
  });
  const saving = useAccountSave(
    form,
    (values) => call('accounts.create', values),
    () => props.onClose(true),
  );
  const { control } = form;
  return (
    <AccountModal title={t('accounts.create')} saving={saving} onCancel={() => props.onClose(false)}>
      <TextField control={control} name="login" label={t('accounts.login')} testId="account-login" autoFocus />
      <TextField control={control} name="name" label={t('accounts.name')} testId="account-name" />
      <TextField
        control={control}
        name="password"
        kind="new-password"
        label={t('accounts.firstPassword')}
        extra={t('accounts.passwordRule')}
        testId="account-password"
      />
      <FormProvider {...form}>
        <AccountScopeFields />
      </FormProvider>
    </AccountModal>
  );
}
