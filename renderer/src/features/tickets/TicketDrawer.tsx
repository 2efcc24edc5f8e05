import { useState } from 'react';
import { Button, Checkbox, Descriptions, Drawer, Form, Input, Select, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALLBACK_OUTCOMES } from '../../../../shared/domain/tickets';
import type { TicketAction } from '../../../../shared/domain/ticketStates';
import { fmtDateTime, fmtYuan } from '../../../../shared/print/format';
import { run, useDeskQuery, useNow } from '../../api/useDesk';
import { Field } from '../../forms/Field';
import { formKeyDown } from '../../forms/keyboard';
import { tError } from '../../i18n';
import { DocumentPanel } from '../../print/DocumentPanel';
import { Countdown } from './Countdown';
import { TicketChargeSection } from './TicketChargeSection';
import { AnonymousIdentity } from './AnonymousIdentity';

type Pane = 'dispatch' | 'step' | 'callback' | 'defer' | 'reopen' | 'cancel' | 'note';
const STEP_ACTIONS = ['start', 'resolve', 'close', 'resume', 'escalate', 'reply'] as const;
type StepAction = (typeof STEP_ACTIONS)[number];

/** One ticket: what was taken, its deadlines and timeline, and the moves the state machine allows now. */
export function TicketDrawer(props: { ticketId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const { data, reload } = useDeskQuery('tickets:get', { ticketId: props.ticketId }, ['tickets-changed']);
  const [pane, setPane] = useState<{ pane: Pane; action?: StepAction } | null>(null);
  const [f, setF] = useState({
    text: '',
    department: '',
    assignee: '',
    showPhone: false,
    date: '',
    outcome: 'satisfied' as (typeof CALLBACK_OUTCOMES)[number],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [workOrderJob, setWorkOrderJob] = useState<string | null>(null);
  if (!data) return <Drawer open onClose={props.onClose} width={760} />;
  const tk = data.ticket;
  const id = tk.id;
  // A closed or cancelled ticket's unmet deadlines no longer count down.
  const finished = tk.state === 'closed' || tk.state === 'cancelled';

  const open = (p: Pane, action?: StepAction) => {
    setPane({ pane: p, action });
    setErrors({});
    setF({ ...f, text: '', date: '', outcome: 'satisfied' });
  };
  const done = async (r: { ok: boolean; error?: { message: string; issues?: { path: string; message: string }[] } }) => {
    if (r.ok) {
      setPane(null);
      reload();
      return;
    }
    const placed = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path, i.message]));
    setErrors(Object.keys(placed).length ? placed : { form: r.error?.message ?? 'err.internal' });
  };
  const submit = async () => {
    if (!pane) return;
    switch (pane.pane) {
      case 'dispatch': {
        const r = await run('tickets:dispatch', {
          ticketId: id,
          department: f.department,
          assignee: f.assignee,
          showPhone: f.showPhone,
          note: f.text,
        });
        if (r.ok) setWorkOrderJob(r.value.printJobId);
        return done(r);
      }
      case 'step':
        return done(
          await run('tickets:step', { ticketId: id, action: pane.action!, note: f.text, leakTestDate: f.date || null }),
        );
      case 'callback':
        return done(await run('tickets:callback', { ticketId: id, outcome: f.outcome, note: f.text }));
      case 'defer':
        return done(await run('tickets:defer', { ticketId: id, until: f.date, reason: f.text }));
      case 'reopen':
        return done(await run('tickets:reopen', { ticketId: id, reason: f.text }));
      case 'cancel':
        return done(await run('tickets:cancel', { ticketId: id, reason: f.text }));
      case 'note':
        return done(await run('tickets:note', { ticketId: id, text: f.text }));
    }
  };
  const err = (p: string) => (errors[p] ? { message: errors[p] } : undefined);
  const can = (a: TicketAction) => data.actions.includes(a);
  const textPath =
    pane?.pane === 'note'
      ? 'text'
      : pane?.pane === 'reopen' || pane?.pane === 'cancel' || pane?.pane === 'defer'
        ? 'reason'
        : 'note';

  return (
    <Drawer
      open
      onClose={props.onClose}
      width={760}
      title={`${tk.ticketNo} · ${t(`ticketKind.${tk.kind}`)}`}
      data-testid="ticket-drawer"
    >
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
      {tk.kind === 'repair' && tk.paid && <TicketChargeSection ticket={tk} />}
      <h4 style={{ marginTop: 12 }}>{t('ticket.deadlines')}</h4>
      <Space wrap data-testid="ticket-deadlines">
        {data.deadlines.map((d, i) => (
          <span key={i}>
            {t(`ticketDeadline.${d.type}`)}:{' '}
            {d.metAt ? (
              <Tag color="green">{fmtDateTime(d.metAt)}</Tag>
            ) : finished ? (
              <Tag>{t('ticket.notMet')}</Tag>
            ) : (
              <Countdown dueAt={d.dueAt} now={now} />
            )}
          </span>
        ))}
      </Space>
      <h4 style={{ marginTop: 12 }}>{t('ticket.actions')}</h4>
      <Space wrap>
        {can('dispatch') && (
          <Button type="primary" onClick={() => open('dispatch')} data-testid="ticket-act-dispatch">
            {t('ticketAction.dispatch')}
          </Button>
        )}
        {STEP_ACTIONS.filter(can).map((a) => (
          <Button key={a} onClick={() => open('step', a)} data-testid={`ticket-act-${a}`}>
            {t(`ticketAction.${a}`)}
          </Button>
        ))}
        {can('callback_satisfied') && (
          <Button type="primary" onClick={() => open('callback')} data-testid="ticket-act-callback">
            {t('ticketAction.callback')}
          </Button>
        )}
        {can('defer') && (
          <Button onClick={() => open('defer')} data-testid="ticket-act-defer">
            {t('ticketAction.defer')}
          </Button>
        )}
        {can('reopen') && (
          <Button onClick={() => open('reopen')} data-testid="ticket-act-reopen">
            {t('ticketAction.reopen')}
          </Button>
        )}
        {can('cancel') && (
          <Button danger onClick={() => open('cancel')} data-testid="ticket-act-cancel">
            {t('ticketAction.cancel')}
          </Button>
        )}
        <Button onClick={() => open('note')} data-testid="ticket-act-note">
          {t('ticketAction.note')}
        </Button>
      </Space>
      {pane && (
        <Form
          layout="vertical"
          component="div"
          data-form
          onKeyDown={(ev) => formKeyDown(ev, () => void submit())}
          style={{ marginTop: 12 }}
          data-testid="ticket-action-form"
        >
          {errors.form && <div style={{ color: 'red' }}>{tError(errors.form)}</div>}
          {pane.pane === 'dispatch' && (
            <Space>
              <Field label={t('ticket.department')} required error={err('department')}>
                <Input
                  data-testid="ticket-department"
                  autoFocus
                  value={f.department}
                  onChange={(e) => setF({ ...f, department: e.target.value })}
                />
              </Field>
              <Field label={t('ticket.assignee')} error={err('assignee')}>
                <Input
                  data-testid="ticket-assignee"
                  value={f.assignee}
                  onChange={(e) => setF({ ...f, assignee: e.target.value })}
                />
              </Field>
              <Checkbox checked={f.showPhone} onChange={(e) => setF({ ...f, showPhone: e.target.checked })}>
                {t('ticket.showPhone')}
              </Checkbox>
            </Space>
          )}
          {pane.pane === 'callback' && (
            <Field label={t('ticket.outcome')} required error={err('outcome')}>
              <Select
                data-testid="ticket-outcome"
                value={f.outcome}
                onChange={(v) => setF({ ...f, outcome: v })}
                options={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`ticketOutcome.${o}`) }))}
              />
            </Field>
          )}
          {(pane.pane === 'defer' || (pane.pane === 'step' && pane.action === 'resolve' && tk.callbackClass === 'leak')) && (
            <Field
              label={pane.pane === 'defer' ? t('ticket.deferUntil') : t('ticket.leakTestDate')}
              required
              error={err(pane.pane === 'defer' ? 'until' : 'leakTestDate')}
              testId="ticket-date"
            >
              <Input
                type="date"
                data-testid="ticket-date"
                value={f.date}
                onChange={(e) => setF({ ...f, date: e.target.value })}
              />
            </Field>
          )}
          <Field
            label={t(`ticket.text.${pane.pane}`)}
            error={err(textPath)}
            required={['defer', 'reopen', 'cancel', 'note'].includes(pane.pane)}
            testId="ticket-text"
          >
            <Input
              data-testid="ticket-text"
              autoFocus={pane.pane !== 'dispatch'}
              value={f.text}
              onChange={(e) => setF({ ...f, text: e.target.value })}
            />
          </Field>
          <Button type="primary" onClick={() => void submit()} data-testid="ticket-action-submit">
            {t('ticket.confirm')}
          </Button>
        </Form>
      )}
      {workOrderJob && (
        <div style={{ marginTop: 12 }}>
          <DocumentPanel
            key={workOrderJob}
            title={t('ticket.workOrder')}
            emptyText=""
            doc={{ docType: 'work_order', docId: id, number: tk.ticketNo }}
            jobId={workOrderJob}
            testId="work-order"
          />
        </div>
      )}
      <h4 style={{ marginTop: 12 }}>{t('ticket.timeline')}</h4>
      <Timeline
        data-testid="ticket-timeline"
        items={data.steps.map((s) => ({
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
    </Drawer>
  );
}
