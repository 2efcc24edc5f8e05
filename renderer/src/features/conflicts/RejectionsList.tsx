import { Card, Descriptions, Empty, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RejectionView } from '../../../../shared/api/conflictSchemas';
import { deskTime } from '../../../../shared/domain/deskTime';
import { run, useDeskQuery } from '../../api/useDesk';
import { NoteForm } from './NoteForm';
import { ResendButton } from './ResendButton';
import { rejectionWording } from './rejectionText';

/**
 * HQ's rejections of this desk's events, in the desk's words, each marked handled with a note or, where
 * HQ's data was at fault, re-sent. Shown in the conflict inbox and on the sync page.
 */
export function RejectionsList() {
  const { t } = useTranslation();
  const { data, reload } = useDeskQuery('conflicts:rejections', undefined, ['sync-changed']);
  const open = (data ?? []).filter((r) => !r.handled);
  return (
    <Card title={t('conflicts.rejectionsTitle')}>
      {open.length === 0 ? (
        <Empty description={t('conflicts.noRejections')} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {open.map((r) => (
            <RejectionItem key={r.eventId} rejection={r} onDone={reload} />
          ))}
        </Space>
      )}
    </Card>
  );
}

function RejectionItem({ rejection: r, onDone }: { rejection: RejectionView; onDone: () => void }) {
  const { t } = useTranslation();
  const w = rejectionWording(t, r);
  return (
    <Card size="small" data-testid="rejection" title={<Tag color="red">{w.what}</Tag>}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('conflicts.about')}>{w.about}</Descriptions.Item>
        <Descriptions.Item label={t('conflicts.why')}>{w.why}</Descriptions.Item>
        {r.hqNote && <Descriptions.Item label={t('conflicts.hqNote')}>{r.hqNote}</Descriptions.Item>}
        <Descriptions.Item label={t('conflicts.when')}>{deskTime(r.receivedAt).format('YYYY-MM-DD HH:mm:ss')}</Descriptions.Item>
      </Descriptions>
      {r.resendable && (
        <div style={{ marginBottom: 8 }}>
          <ResendButton rejection={r} onDone={onDone} />
        </div>
      )}
      <NoteForm
        testId="rejection"
        actions={[{ key: 'handled', label: t('conflicts.markHandled'), primary: true }]}
        submit={async (note) => {
          const res = await run('conflicts:handleRejection', { eventId: r.eventId, note });
          if (!res.ok) return res.error;
          onDone();
          return null;
        }}
      />
    </Card>
  );
}
