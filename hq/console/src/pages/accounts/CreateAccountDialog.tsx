import { Input } from 'antd';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CreateAccountInput } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { FormField } from '../../forms/FormField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { AccountModal, useAccountSave } from './AccountModal';
import { RoleSelect } from './RoleSelect';
import { SiteScopeField } from './SiteScopeField';

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
  const { control, formState } = form;
  return (
    <AccountModal title={t('accounts.create')} saving={saving} onCancel={() => props.onClose(false)}>
      <FormField label={t('accounts.login')} error={formState.errors.login} testId="account-login" required>
        <Controller
          name="login"
          control={control}
          render={({ field }) => <Input {...field} autoFocus autoComplete="off" data-testid="account-login" />}
        />
      </FormField>
      <FormField label={t('accounts.name')} error={formState.errors.name} testId="account-name" required>
        <Controller name="name" control={control} render={({ field }) => <Input {...field} data-testid="account-name" />} />
      </FormField>
      <FormField
        label={t('accounts.firstPassword')}
        error={formState.errors.password}
        testId="account-password"
        extra={t('accounts.passwordRule')}
        required
      >
        <Controller
          name="password"
          control={control}
          render={({ field }) => <Input.Password {...field} autoComplete="new-password" data-testid="account-password" />}
        />
      </FormField>
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
    </AccountModal>
  );
}
