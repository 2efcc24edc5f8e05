import { Drawer } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDeskQuery, useNow } from '../../api/useDesk';
import { DocumentPanel } from '../../print/DocumentPanel';
import { TicketChargeSection } from './TicketChargeSection';
import { TicketActionButtons, TicketActionForm } from './TicketActions';
import { TicketDeadlines, TicketFacts, TicketTimeline } from './TicketFacts';
import { useTicketAction } from './useTicketAction';

/** One ticket: what was taken, its deadlines and timeline, and the moves the state machine allows now. */
export function TicketDrawer(props: { ticketId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const { data, reload } = useDeskQuery('tickets:get', { ticketId: props.ticketId }, ['tickets-changed']);
  const action = useTicketAction(props.ticketId, reload);
  if (!data) return <Drawer open onClose={props.onClose} width={760} />;
  const tk = data.ticket;
  // A closed or cancelled ticket's unmet deadlines no longer count down.
  const finished = tk.state === 'closed' || tk.state === 'cancelled';
  return (
    <Drawer
      open
      onClose={props.onClose}
      width={760}
      title={`${tk.ticketNo} · ${t(`ticketKind.${tk.kind}`)}`}
      data-testid="ticket-drawer"
    >
      <TicketFacts tk={tk} />
      {tk.kind === 'repair' && tk.paid && <TicketChargeSection ticket={tk} />}
      <h4 style={{ marginTop: 12 }}>{t('ticket.deadlines')}</h4>
      <TicketDeadlines deadlines={data.deadlines} finished={finished} now={now} />
      <h4 style={{ marginTop: 12 }}>{t('ticket.actions')}</h4>
      <TicketActionButtons allowed={data.actions} open={action.open} />
      <TicketActionForm action={action} tk={tk} />
      {action.workOrderJob && (
        <div style={{ marginTop: 12 }}>
          <DocumentPanel
            key={action.workOrderJob}
            title={t('ticket.workOrder')}
            emptyText=""
            doc={{ docType: 'work_order', docId: tk.id, number: tk.ticketNo }}
            jobId={action.workOrderJob}
            testId="work-order"
          />
        </div>
      )}
      <h4 style={{ marginTop: 12 }}>{t('ticket.timeline')}</h4>
      <TicketTimeline steps={data.steps} />
    </Drawer>
  );
}
