import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { CALLBACK_OUTCOMES } from '../../../../shared/domain/tickets';
import type { TicketAction as Move } from '../../../../shared/domain/ticketStates';
import { Field } from '../../../../ui/Field';
import { formKeyDown } from '../../forms/keyboard';
import { tError } from '../../i18n';
import { STEP_ACTIONS, textPathOf, type Ticket, type TicketAction } from './useTicketAction';

/** The moves the state machine allows now, one button each (a note is always allowed). */
export function TicketActionButtons(props: { allowed: readonly Move[]; open: TicketAction['open'] }) {
  const { t } = useTranslation();
  const can = (a: Move) => props.allowed.includes(a);
  const button = (key: 'dispatch' | 'callback' | 'defer' | 'reopen' | 'cancel' | 'note', extra = {}) => (
    <Button key={key} onClick={() => props.open(key)} data-testid={`ticket-act-${key}`} {...extra}>
      {t(`ticketAction.${key}`)}
    </Button>
  );
  return (
    <Space wrap>
      {can('dispatch') && button('dispatch', { type: 'primary' })}
      {STEP_ACTIONS.filter(can).map((a) => (
        <Button key={a} onClick={() => props.open('step', a)} data-testid={`ticket-act-${a}`}>
          {t(`ticketAction.${a}`)}
        </Button>
      ))}
      {can('callback_satisfied') && button('callback', { type: 'primary' })}
      {can('defer') && button('defer')}
      {can('reopen') && button('reopen')}
      {can('cancel') && button('cancel', { danger: true })}
      {button('note')}
    </Space>
  );
}

/** Department, assignee and whether the worker sees the phone: what a dispatch asks. */
function DispatchFields({ action }: { action: TicketAction }) {
  const { t } = useTranslation();
  const { values: f, set, err } = action;
  return (
    <Space>
      <Field label={t('ticket.department')} required error={err('department')}>
        <Input
          data-testid="ticket-department"
          autoFocus
          value={f.department}
          onChange={(e) => set({ department: e.target.value })}
        />
      </Field>
      <Field label={t('ticket.assignee')} error={err('assignee')}>
        <Input data-testid="ticket-assignee" value={f.assignee} onChange={(e) => set({ assignee: e.target.value })} />
      </Field>
      <Checkbox checked={f.showPhone} onChange={(e) => set({ showPhone: e.target.checked })}>
        {t('ticket.showPhone')}
      </Checkbox>
    </Space>
  );
}

/** The open move's fields; Enter (or Ctrl+Enter) confirms it. */
export function TicketActionForm({ action, tk }: { action: TicketAction; tk: Ticket }) {
  const { t } = useTranslation();
  const { pane, values: f, set, err, errors } = action;
  if (!pane) return null;
  const datePane = pane.pane === 'defer' || (pane.pane === 'step' && pane.action === 'resolve' && tk.callbackClass === 'leak');
  return (
    <Form
      layout="vertical"
      component="div"
      data-form
      onKeyDown={(ev) => formKeyDown(ev, () => void action.submit())}
      style={{ marginTop: 12 }}
      data-testid="ticket-action-form"
    >
      {errors.form && <div style={{ color: 'red' }}>{tError(errors.form)}</div>}
      {pane.pane === 'dispatch' && <DispatchFields action={action} />}
      {pane.pane === 'callback' && (
        <Field label={t('ticket.outcome')} required error={err('outcome')}>
          <Select
            data-testid="ticket-outcome"
            value={f.outcome}
            onChange={(v) => set({ outcome: v })}
            options={CALLBACK_OUTCOMES.map((o) => ({ value: o, label: t(`ticketOutcome.${o}`) }))}
          />
        </Field>
      )}
      {datePane && (
        <Field
          label={pane.pane === 'defer' ? t('ticket.deferUntil') : t('ticket.leakTestDate')}
          required
          error={err(pane.pane === 'defer' ? 'until' : 'leakTestDate')}
          testId="ticket-date"
        >
          <Input type="date" data-testid="ticket-date" value={f.date} onChange={(e) => set({ date: e.target.value })} />
        </Field>
      )}
      <Field
        label={t(`ticket.text.${pane.pane}`)}
        error={err(textPathOf(pane.pane))}
        required={['defer', 'reopen', 'cancel', 'note'].includes(pane.pane)}
        testId="ticket-text"
      >
        <Input
          data-testid="ticket-text"
          autoFocus={pane.pane !== 'dispatch'}
          value={f.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </Field>
      <Button type="primary" onClick={() => void action.submit()} data-testid="ticket-action-submit">
        {t('ticket.confirm')}
      </Button>
    </Form>
  );
}
