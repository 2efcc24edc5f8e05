import { maskPhone } from '../../../shared/domain/mask.js';
import { legalActions } from '../../../shared/domain/ticketStates.js';
import type { TicketState } from '../../../shared/domain/ticketStates.js';
import type { TicketKind } from '../../../shared/domain/tickets.js';
import type { TicketDetail, TicketView } from '../../../shared/api/ticketSchemas.js';
import type { TicketRow } from '../../../db/queries/tickets.js';
import type { Database } from '../../../db/schema.js';

/**
 * The ticket as the desk reads it. An anonymous complainant's identity (name, unit, company, phone)
 * leaves the backend only for a manager (seed 001: the complainant is protected); the phone is
 * always masked on screen.
 */
export function toTicketView(r: TicketRow, now: Date, seesIdentity: boolean): TicketView {
  const hidden = r.anonymous === 1 && !seesIdentity;
  return {
    id: r.id,
    ticketNo: r.ticket_no,
    kind: r.kind as TicketView['kind'],
    channel: r.channel as TicketView['channel'],
    customer: hidden
      ? { name: '', unitCode: '', company: '', phoneMasked: '' }
      : {
          name: r.customer_name,
          unitCode: r.unit_code,
          company: r.company,
          phoneMasked: r.customer_phone ? maskPhone(r.customer_phone) : '',
        },
    anonymous: r.anonymous === 1,
    identityHidden: hidden,
    receiverName: r.receiver_name,
    occurredAt: r.occurred_at,
    location: r.location,
    concerned: r.concerned,
    description: r.description,
    wants: r.wants,
    place: r.place,
    category: r.category,
    problem: r.problem,
    label: r.label,
    callbackClass: r.callback_class as TicketView['callbackClass'],
    severity: r.severity as TicketView['severity'],
    urgency: r.urgency as TicketView['urgency'],
    paid: r.paid === 1,
    chargeFen: r.charge_fen,
    convenientTime: r.convenient_time,
    leakTestDate: r.leak_test_date,
    promisedReplyAt: r.promised_reply_at,
    customerDeadline: r.customer_deadline,
    target: r.target_name ? { name: r.target_name, unitCode: r.target_unit ?? '' } : null,
    openedAt: r.opened_at,
    state: r.state as TicketState,
    reopenCount: r.reopen_count,
    department: r.department,
    assignee: r.assignee,
    deferredUntil: r.deferred_until,
    deferReason: r.defer_reason,
    cancelReason: r.cancel_reason,
    resolvedAt: r.resolved_at,
    closedAt: r.closed_at,
    nextDueAt: r.next_due_at,
    overdue: !!r.next_due_at && Date.parse(r.next_due_at) < now.getTime(),
    flaggedCount: r.flagged_count,
    duplicateOf: r.duplicate_of,
  };
}

type StepRow = Database['ticket_steps'] & { actor_name: string | null };
type DeadlineRow = Database['ticket_deadlines'];

export function toTicketDetail(
  r: TicketRow,
  steps: StepRow[],
  deadlines: DeadlineRow[],
  now: Date,
  seesIdentity: boolean,
): TicketDetail {
  const ticket = toTicketView(r, now, seesIdentity);
  return {
    ticket,
    steps: steps.map((s) => ({
      id: s.id,
      at: s.at,
      sort: s.sort,
      actorName: s.actor_name ?? '',
      text: s.text,
      detail: JSON.parse(s.detail) as Record<string, unknown>,
      flagged: s.flagged === 1,
    })),
    deadlines: deadlines.map((d) => ({
      type: d.type as TicketDetail['deadlines'][number]['type'],
      dueAt: d.due_at,
      metAt: d.met_at,
      overdue: !d.met_at && Date.parse(d.due_at) < now.getTime(),
    })),
    actions: legalActions(r.kind as TicketKind, {
      state: r.state as TicketState,
      beforeDeferral: null,
      reopenCount: r.reopen_count,
    }),
  };
}
