import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UpdateAccountInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { FormField } from '../../forms/FormField';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { AccountModal, useAccountSave } from './AccountModal';
import { RoleSelect } from './RoleSelect';
import { SiteScopeField } from './SiteScopeField';

/** A user's role and sites; HQ ends their sessions so the change holds from their next sign-in. */
export function EditAccountDialog(props: { user: AccountRow; onClose: (changed: boolean) => void }) {
  const { t } = useTranslation();
  const { user } = props;
  const form = useConsoleForm(UpdateAccountInput, { defaultValues: { id: user.id, role: user.role, siteIds: user.siteIds } });
  const saving = useAccountSave(
    form,
    (values) => call('accounts.update', values),
    () => props.onClose(true),
  );
  const { control, formState } = form;
  return (
    <AccountModal title={t('accounts.editTitle', { name: user.name })} saving={saving} onCancel={() => props.onClose(false)}>
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
