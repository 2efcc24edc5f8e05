import { Radio, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useConsoleQuery } from '../../useConsoleQuery';

/** A user's sites: every site (null), or a list picked from the sites HQ has. */
export function SiteScopeField(props: { value: string[] | null; onChange: (v: string[] | null) => void }) {
  const { t } = useTranslation();
  const sites = useConsoleQuery('sites.list', {});
  const all = props.value === null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Radio.Group value={all ? 'all' : 'some'} onChange={(e) => props.onChange(e.target.value === 'all' ? null : [])}>
        <Radio value="all" data-testid="account-sites-all">
          {t('accounts.allSites')}
        </Radio>
        <Radio value="some" data-testid="account-sites-some">
          {t('accounts.someSites')}
        </Radio>
      </Radio.Group>
      {!all && (
        <Select
          mode="multiple"
          data-testid="account-sites"
          value={props.value ?? []}
          onChange={(v: string[]) => props.onChange(v)}
          loading={sites.loading}
          options={(sites.data ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }))}
        />
      )}
    </Space>
  );
}
