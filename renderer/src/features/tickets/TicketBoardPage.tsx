import { useState } from 'react';
import { Card, Col, Row, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketView } from '../../../../shared/api/ticketSchemas';
import { useDeskQuery, useNow } from '../../api/useDesk';
import { Countdown } from './Countdown';
import { TicketDrawer } from './TicketDrawer';

/** The intake board: open tickets by deadline (overdue first), callbacks due today, stuck orders with reasons. */
export function TicketBoardPage() {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const { data, reload } = useDeskQuery('tickets:board', {}, ['tickets-changed']);
  const [open, setOpen] = useState<string | null>(null);
  const columns = [
    { title: t('ticket.no'), dataIndex: 'ticketNo', key: 'no', width: 170 },
    { title: t('ticket.kind'), key: 'kind', width: 80, render: (_: unknown, r: TicketView) => t(`ticketKind.${r.kind}`) },
    {
      title: t('ticket.level'),
      key: 'level',
      width: 90,
      render: (_: unknown, r: TicketView) =>
        r.severity ? t(`ticketSeverity.${r.severity}`) : r.urgency ? t(`ticketUrgency.${r.urgency}`) : '',
    },
    {
      title: t('ticket.customer'),
      key: 'who',
      render: (_: unknown, r: TicketView) =>
        r.identityHidden ? t('ticket.anonymousShort') : [r.customer.unitCode, r.customer.name].join(' '),
    },
    { title: t('ticket.category'), dataIndex: 'label', key: 'label' },
    {
      title: t('ticket.state'),
      key: 'state',
      width: 90,
      render: (_: unknown, r: TicketView) => <Tag>{t(`ticketState.${r.state}`)}</Tag>,
    },
    {
      title: t('ticket.due'),
      key: 'due',
      width: 150,
      render: (_: unknown, r: TicketView) => <Countdown dueAt={r.nextDueAt} now={now} />,
    },
  ];
  const rowProps = (r: TicketView) => ({
    onClick: () => setOpen(r.id),
    'data-testid': 'ticket-row',
    style: { cursor: 'pointer', background: r.overdue ? '#fff1f0' : undefined },
  });
  return (
    <>
      <Row gutter={16}>
        <Col span={24}>
          <Card title={`${t('ticket.boardOpen')} (${data?.openCount ?? 0})`} size="small" style={{ marginBottom: 12 }}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data?.open ?? []}
              columns={columns}
              onRow={rowProps}
              data-testid="ticket-board-open"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ticket.callbacksToday')} size="small">
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={data?.callbacksToday ?? []}
              columns={columns.slice(0, 5)}
              onRow={rowProps}
              data-testid="ticket-board-callbacks"
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('ticket.stuck')} size="small">
            <Table
              rowKey={(r) => r.ticket.id}
              size="small"
              pagination={false}
              dataSource={data?.stuck ?? []}
              onRow={(r) => ({ onClick: () => setOpen(r.ticket.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: t('ticket.no'), key: 'no', render: (_: unknown, r) => r.ticket.ticketNo },
                { title: t('ticket.category'), key: 'label', render: (_: unknown, r) => r.ticket.label },
                {
                  title: t('ticket.stuckReason'),
                  key: 'reason',
                  render: (_: unknown, r) =>
                    [t(`ticketStuck.${r.reason}`), r.ticket.deferReason, r.ticket.deferredUntil].filter(Boolean).join(' · '),
                },
              ]}
              data-testid="ticket-board-stuck"
            />
          </Card>
        </Col>
      </Row>
      {open && <TicketDrawer ticketId={open} onClose={() => (setOpen(null), reload())} />}
    </>
  );
}
