import { useState } from 'react';
import { Alert, Badge, Card, Space, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from '../../stores/nav';
import { useDeskQuery } from '../../api/useDesk';
import { IntakeTab } from './IntakeTab';
import { ShelfTab } from './ShelfTab';
import { DamageTab } from './DamageTab';
import { ReturnsTab } from './ReturnsTab';
import { NewspapersTab } from './NewspapersTab';
import { HistoryTab } from './HistoryTab';

const TABS = ['intake', 'awaiting', 'damage', 'returns', 'forwarding', 'newspapers', 'history'] as const;
type Tab = (typeof TABS)[number];

/**
 * 邮件 (F12): intake of a delivery, the shelf, damage awaiting the shift leader, returns, the
 * forwarding cabinet with its weekly reminder, newspaper counts and the register's history.
 */
export function MailPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('intake');
  const overview = useDeskQuery('mail:overview', {}, ['mail-changed']).data;
  const badge: Partial<Record<Tab, number>> = {
    awaiting: overview?.awaiting,
    damage: overview?.damageUnconfirmed,
    returns: overview?.returnsDue,
    forwarding: overview?.forwardingNoticesDue,
  };
  return (
    <Card
      title={
        <span>
          {t('nav.mail')}
          <span className="kbd">{SHORTCUTS.mail}</span>
        </span>
      }
    >
      {overview?.forwardingNoticesDue || overview?.damageUnconfirmed ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          {overview.forwardingNoticesDue > 0 && (
            <Alert
              type="warning"
              showIcon
              message={t('mail.forwardingReminder', { n: overview.forwardingNoticesDue })}
              data-testid="mail-forwarding-reminder"
            />
          )}
          {overview.damageUnconfirmed > 0 && (
            <Alert type="error" showIcon message={t('mail.damageReminder', { n: overview.damageUnconfirmed })} />
          )}
        </Space>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        destroyOnHidden
        items={TABS.map((k) => ({
          key: k,
          label: (
            <span data-testid={`mail-tab-${k}`}>
              {t(`mail.tabs.${k}`)} {badge[k] ? <Badge count={badge[k]} color={k === 'damage' ? 'red' : 'blue'} /> : null}
            </span>
          ),
          children:
            k === 'intake' ? (
              <IntakeTab />
            ) : k === 'awaiting' || k === 'forwarding' ? (
              <ShelfTab view={k} />
            ) : k === 'damage' ? (
              <DamageTab />
            ) : k === 'returns' ? (
              <ReturnsTab />
            ) : k === 'newspapers' ? (
              <NewspapersTab />
            ) : (
              <HistoryTab />
            ),
        }))}
      />
    </Card>
  );
}
