import { FormProvider } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { UpdateAccountInput, type AccountRow } from '../../../../src/console/contract/accounts';
import { call } from '../../api';
import { useConsoleForm } from '../../forms/useConsoleForm';
import { AccountModal, useAccountSave } from './AccountModal';
import { AccountScopeFields } from './AccountScopeFields';

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
  return (
    <AccountModal title={t('accounts.editTitle', { name: user.name })} saving={saving} onCancel={() => props.onClose(false)}>
      <FormProvider {...form}>
        <AccountScopeFields />
      </FormProvider>
    </AccountModal>
  );
}
