import { useState } from 'react';
import { App, Button, Form, Input, Modal, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProcOutput } from '../../../../shared/api/contract';
import { fmtSignedYuan, fmtTime, fmtYuan } from '../../../../shared/print/format';
import { run } from '../../api/useDesk';
import { tError } from '../../i18n';

type Entry = ProcOutput<'drawer:state'>['entries'][number];

/** What a move does to the drawer: + for cash in, − for cash out. */
const signed = (e: Entry) => (e.kind === 'out' ? -e.amountFen : e.amountFen);

/**
 * This shift's cash moves, oldest first. A move recorded in error is reversed (冲正) by an opposite
 * move with a reason; it is never edited, and once reversed it offers nothing more.
 */
export function DrawerMovesList(props: { entries: Entry[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const moves = props.entries.filter((e) => e.kind !== 'float');
  const [reversing, setReversing] = useState<Entry | null>(null);
  const timeOf = (id: string | null) => fmtTime(props.entries.find((e) => e.id === id)?.at);
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('drawer.moves')}
      </Typography.Title>
      <Table<Entry>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={moves}
        data-testid="drawer-moves"
        locale={{ emptyText: t('drawer.noMoves') }}
        rowClassName={(e) => (e.reversedById ? 'drawer-move-reversed' : '')}
        columns={[
          { title: t('drawer.time'), dataIndex: 'at', width: 70, render: (v: string) => fmtTime(v) },
          {
            title: t('drawer.kind'),
            dataIndex: 'kind',
            width: 70,
            render: (v: Entry['kind']) => t(v === 'in' ? 'drawer.in' : 'drawer.out'),
          },
          {
            title: t('drawer.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            width: 120,
            render: (_v: number, e) => <span data-testid="drawer-move-signed">{fmtSignedYuan(signed(e))}</span>,
          },
          {
            title: t('drawer.reason'),
            dataIndex: 'reason',
            render: (v: string, e) => (
              <>
                {v}
                {e.reversesId && <Tag style={{ marginLeft: 8 }}>{t('drawer.reversalOf', { time: timeOf(e.reversesId) })}</Tag>}
              </>
            ),
          },
          { title: t('drawer.by'), dataIndex: 'by', width: 90 },
          {
            key: 'act',
            width: 90,
            render: (_v, e) =>
              e.reversedById ? (
                <Tag color="default">{t('drawer.reversed')}</Tag>
              ) : e.reversesId ? null : (
                <Button size="small" onClick={() => setReversing(e)} data-testid="drawer-move-reverse">
                  {t('drawer.reverse')}
                </Button>
              ),
          },
        ]}
      />
      {reversing && (
        <ReverseMoveModal
          move={reversing}
          onClose={() => setReversing(null)}
          onDone={() => {
            setReversing(null);
            props.onChanged();
          }}
        />
      )}
    </>
  );
}

/** The reason for a reversal, asked for on the spot; the backend refuses a second one. */
function ReverseMoveModal(props: { move: Entry; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const m = props.move;
  const submit = async () => {
    if (busy) return;
    setBusy(true);
    const r = await run('drawer:reverse', { entryId: m.id, reason });
    setBusy(false);
    if (!r.ok) return setError(r.error.issues?.[0]?.message ?? r.error.message);
    message.success(t('drawer.reverseDone'));
    props.onDone();
  };
  return (
    <Modal
      open
      title={t('drawer.reverseTitle', {
        kind: t(m.kind === 'in' ? 'drawer.in' : 'drawer.out'),
        amount: fmtYuan(m.amountFen),
        reason: m.reason,
      })}
      okText={t('drawer.reverse')}
      okButtonProps={{ loading: busy, danger: true, 'data-testid': 'drawer-reverse-submit' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('drawer.reverseHint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Form.Item
          label={t('drawer.reverseReason')}
          required
          validateStatus={error ? 'error' : undefined}
          help={error ? <span data-testid="drawer-reverse-error">{tError(error)}</span> : undefined}
        >
          <Input
            autoFocus
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            onPressEnter={() => void submit()}
            data-testid="drawer-reverse-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
