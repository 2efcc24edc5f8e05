import { Alert, Card, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../route';
import { useConsoleQuery } from '../../useConsoleQuery';

/** The sites this user may see; a row opens the site. */
export function SitesPage() {
  const { t } = useTranslation();
  const sites = useConsoleQuery('sites.list', {});
  return (
    <Card title={t('console.nav.sites')}>
      {sites.error && <Alert type="error" showIcon message={t(sites.error.message)} />}
      <Table
        data-testid="sites-table"
        rowKey="id"
        loading={sites.loading}
        dataSource={sites.data ?? []}
        pagination={false}
        onRow={(s) => ({ onClick: () => navigate('site', s.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('console.sites.code'), dataIndex: 'code' },
          { title: t('console.sites.name'), dataIndex: 'name' },
          { title: t('console.sites.kind'), dataIndex: 'kind', render: (k: string) => t(`console.sites.kinds.${k}`, k) },
        ]}
      />
    </Card>
  );
}
