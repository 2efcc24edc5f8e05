import { useState } from 'react';
import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conflict } from '../../../../shared/api/conflictSchemas';
import { deskTime } from '../../../../shared/domain/deskTime';
import { run } from '../../api/useDesk';
import { NoteForm } from './NoteForm';
import { RefundFromConflict } from './RefundFromConflict';
import { ConflictSides, ConflictTitle } from '../../../../ui/ConflictFacts';

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
      title={<ConflictTitle conflict={c} t={t} testId={testId} />}
      extra={
        c.unitId && (
          <Button onClick={() => setRefunding((r) => !r)} data-testid={`${testId}-refund`}>
            {t('conflicts.refund')}
          </Button>
        )
      }
    >
      <ConflictSides conflict={c} t={t} testId={testId} time={time} unknownPerson={t('conflicts.unknownPerson')} />
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
