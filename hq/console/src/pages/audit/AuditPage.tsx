import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../route';
import { ConsoleAuditTab } from './ConsoleAuditTab';
import { EventsTab } from './EventsTab';
import './audit.css';

/** Audit search (`#/audit/events`, `#/audit/console`): the desks' records, and what HQ users did. */
export function AuditPage(props: { parts: string[] }) {
  const { t } = useTranslation();
  const tab = props.parts[0] === 'console' ? 'console' : 'events';
  return (
    <Card title={t('audit.title')} data-testid="audit-page">
      <Tabs
        activeKey={tab}
        onChange={(k) => navigate('audit', k)}
        destroyOnHidden
        items={[
          { key: 'events', label: <span data-testid="audit-tab-events">{t('audit.tabEvents')}</span>, children: <EventsTab /> },
          {
            key: 'console',
            label: <span data-testid="audit-tab-console">{t('audit.tabConsole')}</span>,
            children: <ConsoleAuditTab />,
          },
        ]}
      />
    </Card>
  );
}
