import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { CONSOLE_ROLES, type ConsoleRole } from '../../../../src/console/contract/define';

export function RoleSelect(props: { value: ConsoleRole | undefined; onChange: (v: ConsoleRole) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      data-testid="account-role"
      value={props.value}
      onChange={props.onChange}
      options={CONSOLE_ROLES.map((r) => ({ value: r, label: t(`console.role.${r}`) }))}
    />
  );
}
