import { useController, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { UpdateAccountInput } from '../../../../src/console/contract/accounts';
import { Field } from '../../../../../ui/Field';
import { RoleSelect } from './RoleSelect';
import { SiteScopeField } from './SiteScopeField';

/** What a user may do and where: the part of an account both the new-user and the edit dialogs ask for. */
type AccountScope = Pick<z.input<typeof UpdateAccountInput>, 'role' | 'siteIds'>;

/** The role and the sites of the account form around it (a `FormProvider`). */
export function AccountScopeFields() {
  const { t } = useTranslation();
  const { control } = useFormContext<AccountScope>();
  const role = useController({ control, name: 'role' });
  const sites = useController({ control, name: 'siteIds' });
  return (
    <>
      <Field label={t('accounts.role')} error={role.fieldState.error} testId="account-role" required>
        <RoleSelect value={role.field.value} onChange={role.field.onChange} />
      </Field>
      <Field label={t('accounts.sites')} error={sites.fieldState.error} testId="account-sites" required>
        <SiteScopeField value={sites.field.value ?? null} onChange={sites.field.onChange} />
      </Field>
    </>
  );
}
