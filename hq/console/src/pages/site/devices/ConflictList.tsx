import { useState } from 'react';
import { Card, Empty, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConflictSides, ConflictTitle } from '../../../../../../ui/ConflictFacts';
import { useConsoleSession } from '../../../stores/session';
import { useConsoleQuery } from '../../../useConsoleQuery';
import { DESK_NS } from '../../../deskWords';
import { ResolveForm } from './ResolveForm';
import { timeText, type SiteConflict } from './deviceTypes';

/** One conflict as the desk's inbox shows it: the record, both sides, and (for those who may) a note to close it. */
function ConflictItem(props: { siteId: string; c: SiteConflict; mayResolve: boolean; onDone: () => void }) {
  const { t } = useTranslation();
  const { t: desk } = useTranslation(DESK_NS);
  const { c } = props;
  const testId = `conflict-${c.kind}`;
  return (
    <Card size="small" data-testid={testId} title={<ConflictTitle conflict={c} t={desk} testId={testId} />}>
      <ConflictSides conflict={c} t={desk} testId={testId} time={timeText} unknownPerson={t('devices.conflicts.unknownPerson')} />
      {c.resolution ? (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid={`${testId}-resolution`}>
          {t('devices.conflicts.resolvedBy', { by: c.resolution.byName, note: c.resolution.note, at: timeText(c.resolution.at) })}
        </Typography.Paragraph>
      ) : (
        props.mayResolve && <ResolveForm siteId={props.siteId} conflictId={c.id} testId={testId} onDone={props.onDone} />
      )}
    </Card>
  );
}

/** The site's conflicts as HQ's events show them (the CLI's `conflicts`), open ones unless asked for all. */
export function ConflictList({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const mayResolve = useConsoleSession((s) => s.user?.role !== 'auditor');
  const q = useConsoleQuery('devices.conflicts', { siteId, includeResolved: all });
  const list = q.data ?? [];
  return (
    <Card
      title={t('devices.conflicts.title')}
      loading={q.loading && !q.data}
      data-testid="conflicts"
      extra={
        <Space>
          {t('devices.conflicts.showResolved')}
          <Switch checked={all} onChange={setAll} data-testid="conflicts-all" />
        </Space>
      }
    >
      {q.error ? (
        <Typography.Text type="danger">{t(q.error.message)}</Typography.Text>
      ) : list.length === 0 ? (
        <Empty description={t('devices.conflicts.none')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {list.map((c) => (
            <ConflictItem key={c.id} siteId={siteId} c={c} mayResolve={mayResolve} onDone={q.reload} />
          ))}
        </Space>
      )}
    </Card>
  );
}
