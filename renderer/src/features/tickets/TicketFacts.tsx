import { Descriptions, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TicketDetail } from '../../../../shared/api/ticketSchemas';
import { fmtDateTime, fmtYuan } from '../../../../shared/print/format';
import { Countdown } from './Countdown';
import { AnonymousIdentity } from './AnonymousIdentity';
import type { Ticket } from './useTicketAction';

/** What was taken: state, customer (hidden for an anonymous complainant), category, level, who took it. */
export function TicketFacts({ tk }: { tk: Ticket }) {
  const { t } = useTranslation();
  return (
    <Descriptions size="small" column={2} bordered>
      <Descriptions.Item label={t('ticket.state')}>
        <Tag color="blue" data-testid="ticket-state">
          {t(`ticketState.${tk.state}`)}
        </Tag>
        {tk.reopenCount > 0 && <Tag color="orange">{t('ticket.reopened', { n: tk.reopenCount })}</Tag>}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.customer')}>
        {tk.identityHidden ? (
          <AnonymousIdentity key={tk.id} ticketId={tk.id} />
        ) : (
          [tk.customer.unitCode, tk.customer.name, tk.customer.phoneMasked].filter(Boolean).join(' · ')
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.category')}>{tk.label}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.level')}>
        {tk.severity ? t(`ticketSeverity.${tk.severity}`) : tk.urgency ? t(`ticketUrgency.${tk.urgency}`) : '—'}
        {tk.kind === 'repair' && ` · ${tk.paid ? fmtYuan(tk.chargeFen) : t('ticket.free')}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.description')} span={2}>
        {tk.description}
        {tk.wants && ` — ${tk.wants}`}
      </Descriptions.Item>
      <Descriptions.Item label={t('ticket.receiver')}>{`${tk.receiverName} · ${fmtDateTime(tk.openedAt)}`}</Descriptions.Item>
      <Descriptions.Item label={t('ticket.department')}>{tk.department ?? '—'}</Descriptions.Item>
    </Descriptions>
  );
}

/** Each deadline: met (when), not met on a finished ticket, or counting down. */
export function TicketDeadlines(props: { deadlines: TicketDetail['deadlines']; finished: boolean; now: Date }) {
  const { t } = useTranslation();
  return (
    <Space wrap data-testid="ticket-deadlines">
      {props.deadlines.map((d, i) => (
        <span key={i}>
          {t(`ticketDeadline.${d.type}`)}:{' '}
          {d.metAt ? (
            <Tag color="green">{fmtDateTime(d.metAt)}</Tag>
          ) : props.finished ? (
            <Tag>{t('ticket.notMet')}</Tag>
          ) : (
            <Countdown dueAt={d.dueAt} now={props.now} />
          )}
        </span>
      ))}
    </Space>
  );
}

/** Every step so far, a flagged one (late, unsatisfied) in red. */
export function TicketTimeline({ steps }: { steps: TicketDetail['steps'] }) {
  const { t } = useTranslation();
  return (
    <Timeline
      data-testid="ticket-timeline"
      items={steps.map((s) => ({
        color: s.flagged ? 'red' : 'blue',
        children: (
          <span>
            {fmtDateTime(s.at)} · <b>{t(`ticketStep.${s.sort}`)}</b> · {s.actorName}
            {s.text && ` · ${s.text}`}
            {s.flagged && <Tag color="red">{t('ticket.flagged')}</Tag>}
          </span>
        ),
      }))}
    />
  );
}
