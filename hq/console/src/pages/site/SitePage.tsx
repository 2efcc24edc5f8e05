import { Alert, Card, Empty, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../route';
import { useConsoleSession } from '../../stores/session';
import { useConsoleQuery } from '../../useConsoleQuery';
import { siteTabs } from './siteTabs';

/** One site: its name, and the tabs this user's role may open (`#/site/<id>/<tab>`). */
export function SitePage(props: { parts: string[] }) {
  const { t } = useTranslation();
  const role = useConsoleSession((s) => s.user!.role);
  const [siteId, tabKey] = props.parts;
  const sites = useConsoleQuery('sites.list', {});
  const site = sites.data?.find((s) => s.id === siteId);
  const tabs = siteTabs.filter((tab) => tab.roles.includes(role));
  if (sites.error) return <Alert type="error" showIcon message={t(sites.error.message)} />;
  if (!sites.loading && !site)
    return <Alert type="warning" showIcon message={t('console.sites.notFound')} data-testid="site-not-found" />;
  const active = tabs.find((tab) => tab.key === tabKey) ?? tabs[0];
  return (
    <Card title={site ? `${site.code} · ${site.name}` : ' '} loading={sites.loading} data-testid="site-page">
      {tabs.length === 0 || !siteId ? (
        <Empty />
      ) : (
        <Tabs
          activeKey={active?.key}
          onChange={(key) => navigate('site', siteId, key)}
          destroyOnHidden
          items={tabs.map((tab) => ({ key: tab.key, label: t(tab.labelKey), children: <tab.Tab siteId={siteId} /> }))}
        />
      )}
    </Card>
  );
}
