import { Card, Empty, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeskQuery } from '../../api/useDesk';
import { ConflictCard } from './ConflictCard';
import { RejectionsList } from './RejectionsList';

/**
 * 冲突待办: what two desks did to one record while apart, for a shift leader to settle with a note
 * (the resolution syncs, so it clears on every desk and at HQ), and HQ's rejections of this desk's events.
 */
export function ConflictsPage() {
  const { t } = useTranslation();
  const { data, reload } = useDeskQuery('conflicts:list', {}, ['sync-changed', 'fees-changed', 'tickets-changed']);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 1000 }}>
      <Card title={t('conflicts.title')}>
        {data && data.length === 0 ? (
          <Empty description={t('conflicts.none')} data-testid="conflicts-none" />
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            {(data ?? []).map((c) => (
              <ConflictCard key={c.id} conflict={c} onDone={reload} />
            ))}
          </Space>
        )}
      </Card>
      <RejectionsList />
    </Space>
  );
}
