import { useState } from 'react';
import { Button, Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictSide } from '../../../../shared/api/conflictSchemas';
import { deskTime } from '../../../../shared/domain/deskTime';
import { run } from '../../api/useDesk';
import { NoteForm } from './NoteForm';
import { RefundFromConflict } from './RefundFromConflict';
import { subjectText, whatText } from '../../../../shared/i18n/conflictText';

const time = (iso: string) => deskTime(iso).format('YYYY-MM-DD HH:mm:ss');

/** One conflict: the record, both sides (who, which desk, when, what; which one the records show), and how to close it. */
export function ConflictCard({ conflict: c, onDone }: { conflict: Conflict; onDone: () => void }) {
  const { t } = useTranslation();
  const [refunding, setRefunding] = useState(false);
  const actions: { key: string; label: string; primary?: boolean }[] = [
    { key: 'noted', label: t('conflicts.resolve'), primary: true },
  ];
  if (c.kind === 'ticket_lost_to_cancel') actions.push({ key: 'reopened', label: t('conflicts.reopenCallBack') });
  const testId = `conflict-${c.kind}`;
  return (
    <Card
      size="small"
      data-testid={testId}
      title={
        <span>
          <Tag color="orange">{t(`conflicts.kind.${c.kind}`)}</Tag>
          <span data-testid={`${testId}-subject`}>{subjectText(t, c)}</span>
        </span>
      }
      extra={
        c.unitId && (
          <Button onClick={() => setRefunding((r) => !r)} data-testid={`${testId}-refund`}>
            {t('conflicts.refund')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">{t(`conflicts.explain.${c.kind}`)}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="eventId"
        pagination={false}
        dataSource={c.sides}
        data-testid={`${testId}-sides`}
        columns={[
          { title: t('conflicts.desk'), dataIndex: 'deskCode', width: 110, render: (v: string) => v || t('conflicts.otherDesk') },
          { title: t('conflicts.who'), dataIndex: 'actorName', render: (v: string) => v || t('conflicts.unknownPerson') },
          { title: t('conflicts.when'), dataIndex: 'at', render: time, width: 180 },
          { title: t('conflicts.what'), key: 'what', render: (_: unknown, s: ConflictSide) => whatText(t, c, s) },
          {
            title: t('conflicts.standing'),
            dataIndex: 'won',
            width: 110,
            render: (won: boolean) => (won ? <Tag color="green">{t('conflicts.kept')}</Tag> : <Tag>{t('conflicts.lost')}</Tag>),
          },
        ]}
      />
      {refunding && c.unitId && <RefundFromConflict unitId={c.unitId} />}
      <div style={{ marginTop: 12 }}>
        <NoteForm
          testId={testId}
          actions={actions}
          submit={async (note, action) => {
            const r = await run('conflicts:resolve', { conflictId: c.id, note, action: action as 'noted' | 'reopened' });
            if (!r.ok) return r.error;
            onDone();
            return null;
          }}
        />
      </div>
    </Card>
  );
}
