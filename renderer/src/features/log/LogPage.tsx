import { useState } from 'react';
import { Card, Col, Empty, Row, Space, Switch, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LogEntry } from '../../../../shared/api/logSchemas';
import { roleAtLeast } from '../../../../shared/domain/staff';
import { useDeskQuery } from '../../api/useDesk';
import { SHORTCUTS, useNav } from '../../stores/nav';
import { useSession } from '../../stores/session';
import { LogEntryForm } from './LogEntryForm';
import { LogEntryItem } from './LogEntryItem';
import { LogSearch } from './LogSearch';

/**
 * 岗位记事本: write what happened (every anomaly, however it was handled); open pending items first,
 * from any earlier shift, then the last 48 hours; search all history. A shift leader may see every desk.
 */
export function LogPage() {
  const { t } = useTranslation();
  const focusTick = useNav((s) => s.focusTick);
  const role = useSession((s) => s.session?.staff.role ?? 'receptionist');
  const leader = roleAtLeast(role, 'shift_leader');
  const [allDesks, setAllDesks] = useState(false);
  const [correcting, setCorrecting] = useState<LogEntry | null>(null);
  const list = useDeskQuery('log:list', { allDesks }, ['log-changed']);
  const pending = list.data?.pending ?? [];
  const recent = list.data?.recent ?? [];
  const item = (e: LogEntry) => <LogEntryItem key={e.id} entry={e} showDesk={allDesks} onCorrect={setCorrecting} />;

  return (
    <Row gutter={20}>
      <Col xs={24} xl={10}>
        <Card
          title={
            <span>
              {correcting ? t('log.correctTitle') : t('log.newTitle')}
              <span className="kbd">{SHORTCUTS.log}</span>
            </span>
          }
          extra={<span style={{ color: '#888', fontSize: 13 }}>{t('log.stampHint')}</span>}
        >
          <LogEntryForm
            key={`${correcting?.id ?? 'new'}-${focusTick}`}
            correcting={correcting ?? undefined}
            autoFocus
            onDone={() => setCorrecting(null)}
          />
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card
          extra={
            leader && (
              <Space>
                {t('log.allDesks')}
                <Switch checked={allDesks} onChange={setAllDesks} data-testid="log-all-desks" />
              </Space>
            )
          }
        >
          <Tabs
            items={[
              {
                key: 'recent',
                label: t('log.recentTab', { count: pending.length }),
                children: (
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <h3 className="log-heading" data-testid="pending-heading">
                      {t('log.openPending', { count: pending.length })}
                    </h3>
                    <div data-testid="pending-list">
                      {pending.length ? pending.map(item) : <Empty description={t('log.noPending')} />}
                    </div>
                    <h3 className="log-heading">{t('log.last48h')}</h3>
                    <div data-testid="recent-list">
                      {recent.length ? recent.map(item) : <Empty description={t('log.nothingRecent')} />}
                    </div>
                  </Space>
                ),
              },
              { key: 'search', label: t('log.searchTab'), children: <LogSearch allDesks={allDesks} onCorrect={setCorrecting} /> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
