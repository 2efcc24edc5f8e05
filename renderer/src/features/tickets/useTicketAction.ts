import { useState } from 'react';
import type { z } from 'zod';
import { CALLBACK_OUTCOMES } from '../../../../shared/domain/tickets';
import type { ApiResult } from '../../../../shared/api/result';
import type { TicketDetail } from '../../../../shared/api/ticketSchemas';
import { run } from '../../api/useDesk';

export type Pane = 'dispatch' | 'step' | 'callback' | 'defer' | 'reopen' | 'cancel' | 'note';
export const STEP_ACTIONS = ['start', 'resolve', 'close', 'resume', 'escalate', 'reply'] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];
export type Ticket = z.output<typeof TicketDetail>['ticket'];

const EMPTY = {
  text: '',
  department: '',
  assignee: '',
  showPhone: false,
  date: '',
  outcome: 'satisfied' as (typeof CALLBACK_OUTCOMES)[number],
};
export type ActionValues = typeof EMPTY;

/** The reason or note field's name in each move's input, so its error lands under it. */
export function textPathOf(pane: Pane): 'text' | 'reason' | 'note' {
  if (pane === 'note') return 'text';
  return pane === 'reopen' || pane === 'cancel' || pane === 'defer' ? 'reason' : 'note';
}

/** The answer of a move, with the print job of the work order a dispatch prints (null for the others). */
async function withJob<T>(answer: Promise<ApiResult<T>>, job: (v: T) => string | null): Promise<ApiResult<string | null>> {
  const r = await answer;
  return r.ok ? { ok: true, value: job(r.value) } : r;
}

const noJob = () => null;

/** Sends the open pane's move for one ticket. */
function send(ticketId: string, pane: { pane: Pane; action?: StepAction }, f: ActionValues) {
  switch (pane.pane) {
    case 'dispatch':
      return withJob(
        run('tickets:dispatch', {
          ticketId,
          department: f.department,
          assignee: f.assignee,
          showPhone: f.showPhone,
          note: f.text,
        }),
        (v) => v.printJobId,
      );
    case 'step':
      return withJob(run('tickets:step', { ticketId, action: pane.action!, note: f.text, leakTestDate: f.date || null }), noJob);
    case 'callback':
      return withJob(run('tickets:callback', { ticketId, outcome: f.outcome, note: f.text }), noJob);
    case 'defer':
      return withJob(run('tickets:defer', { ticketId, until: f.date, reason: f.text }), noJob);
    case 'reopen':
      return withJob(run('tickets:reopen', { ticketId, reason: f.text }), noJob);
    case 'cancel':
      return withJob(run('tickets:cancel', { ticketId, reason: f.text }), noJob);
    case 'note':
      return withJob(run('tickets:note', { ticketId, text: f.text }), noJob);
  }
}

/**
 * The move a receptionist is making on a ticket: which pane is open, its values, the errors placed at
 * their fields, and the work order a dispatch printed.
 */
export function useTicketAction(ticketId: string, reload: () => void) {
  const [pane, setPane] = useState<{ pane: Pane; action?: StepAction } | null>(null);
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [workOrderJob, setWorkOrderJob] = useState<string | null>(null);

  const open = (p: Pane, action?: StepAction) => {
    setPane({ pane: p, action });
    setErrors({});
    setValues((v) => ({ ...v, text: '', date: '', outcome: 'satisfied' }));
  };
  const submit = async () => {
    if (!pane) return;
    const r = await send(ticketId, pane, values);
    if (r.ok) {
      if (r.value) setWorkOrderJob(r.value);
      setPane(null);
      reload();
      return;
    }
    const placed = Object.fromEntries((r.error.issues ?? []).map((i) => [i.path, i.message]));
    setErrors(Object.keys(placed).length ? placed : { form: r.error.message ?? 'err.internal' });
  };
  const set = (patch: Partial<ActionValues>) => setValues((v) => ({ ...v, ...patch }));
  const err = (path: string) => (errors[path] ? { message: errors[path] } : undefined);
  return { pane, values, set, errors, err, open, submit, workOrderJob };
}
export type TicketAction = ReturnType<typeof useTicketAction>;
