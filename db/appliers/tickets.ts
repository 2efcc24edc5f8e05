import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { DomainEvent, EventType } from '../../shared/events/catalog.js';
import { projectTicket, nextDue, type Step } from '../../shared/domain/ticketTimeline.js';
import { isOpen } from '../../shared/domain/ticketStates.js';
import { stepSortOf, type TicketStepEvent } from '../../shared/events/ticketSteps.js';
import type { Deadline, StepSort } from '../../shared/domain/ticketDeadlines.js';
import type { TicketKind } from '../../shared/domain/tickets.js';
import type { Applier } from './index.js';

type Db = Kysely<Database>;
type StepEvent = TicketStepEvent;

function textOf(e: DomainEvent<StepEvent>): string {
  const p = e.payload as Record<string, unknown>;
  return String(p.note ?? p.reason ?? p.text ?? '');
}

/**
 * Recomputes a ticket's row from its timeline in HLC order. Deterministic in the set of steps, so
 * steps pulled from another desk later, in any order, converge on the same state everywhere.
 */
export async function reprojectTicket(db: Db, ticketId: string): Promise<void> {
  const t = await db
    .selectFrom('tickets')
    .select(['kind', 'intake_deadlines', 'opened_at'])
    .where('id', '=', ticketId)
    .executeTakeFirst();
  if (!t) return; // the opening has not arrived yet; its applier projects the steps that came first
  const rows = await db.selectFrom('ticket_steps').selectAll().where('ticket_id', '=', ticketId).execute();
  const steps: Step[] = rows.map((r) => ({
    id: r.id,
    hlc: r.hlc,
    at: r.at,
    sort: r.sort as StepSort,
    callbackDueAt: (JSON.parse(r.detail) as { callbackDueAt?: string | null }).callbackDueAt ?? null,
  }));
  const proj = projectTicket(t.kind as TicketKind, JSON.parse(t.intake_deadlines) as Deadline[], steps);
  const legal = rows.filter((r) => !proj.flagged.includes(r.id)).sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  const lastOf = (...sorts: string[]) => [...legal].reverse().find((r) => sorts.includes(r.sort));
  const dispatch = lastOf('dispatch');
  const defer = proj.state === 'deferred' ? lastOf('defer') : undefined;
  const cancel = proj.state === 'cancelled' ? lastOf('cancel') : undefined;
  const resolved = lastOf('resolve');
  const closed = proj.state === 'closed' ? lastOf('close') : undefined;
  const callback = lastOf('callback_satisfied', 'callback_not_satisfied', 'callback_unreachable');
  const dispatchDetail = dispatch ? (JSON.parse(dispatch.detail) as { department: string; assignee: string }) : null;
  await db
    .updateTable('tickets')
    .set({
      state: proj.state,
      is_open: isOpen(proj.state) ? 1 : 0,
      reopen_count: proj.reopenCount,
      department: dispatchDetail?.department ?? null,
      assignee: dispatchDetail?.assignee ?? null,
      deferred_until: defer ? (JSON.parse(defer.detail) as { until: string }).until : null,
      defer_reason: defer?.text ?? null,
      cancel_reason: cancel?.text ?? null,
      resolved_at: resolved?.at ?? null,
      closed_at: closed?.at ?? null,
      last_callback: callback?.sort ?? null,
      next_due_at: isOpen(proj.state) ? nextDue(proj.deadlines) : null,
      last_activity_at: legal.at(-1)?.at ?? t.opened_at,
      flagged_count: proj.flagged.length,
    })
    .where('id', '=', ticketId)
    .execute();
  for (const r of rows) {
    const flagged = proj.flagged.includes(r.id) ? 1 : 0;
    if (r.flagged !== flagged) await db.updateTable('ticket_steps').set({ flagged }).where('id', '=', r.id).execute();
  }
  // Deadlines are a read model of the timeline: rebuilt, never the record itself.
  await db.deleteFrom('ticket_deadlines').where('ticket_id', '=', ticketId).execute();
  if (proj.deadlines.length)
    await db
      .insertInto('ticket_deadlines')
      .values(proj.deadlines.map((d, n) => ({ ticket_id: ticketId, n, type: d.type, due_at: d.dueAt, met_at: d.metAt })))
      .execute();
}

async function addStep(db: Db, e: DomainEvent<StepEvent>) {
  const p = e.payload as { ticketId: string; at: string } & Record<string, unknown>;
  const { ticketId: _t, at: _a, ...detail } = p;
  await db
    .insertInto('ticket_steps')
    .values({
      id: e.id,
      ticket_id: p.ticketId,
      hlc: e.hlc,
      at: p.at,
      sort: stepSortOf(e),
      actor: e.actor,
      text: textOf(e),
      detail: JSON.stringify(detail),
      flagged: 0,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  await reprojectTicket(db, p.ticketId);
}

const step =
  <T extends StepEvent>(): Applier<T> =>
  (db, e) =>
    addStep(db, e as DomainEvent<StepEvent>);

export const ticketAppliers: { [T in Extract<EventType, `Ticket${string}`>]: Applier<T> } = {
  async TicketOpened(db, { payload: p, deviceId }) {
    await db
      .insertInto('tickets')
      .values({
        id: p.ticketId,
        request_id: p.requestId,
        ticket_no: p.ticketNo,
        kind: p.kind,
        channel: p.channel,
        occupant_id: p.customer.occupantId,
        customer_name: p.customer.name,
        unit_code: p.customer.unitCode,
        company: p.customer.company,
        customer_phone: p.customer.phone,
        anonymous: p.anonymous ? 1 : 0,
        receiver_id: p.receiver.staffId,
        receiver_name: p.receiver.name,
        occurred_at: p.occurredAt,
        location: p.location,
        concerned: p.concerned,
        description: p.description,
        wants: p.wants,
        place: p.classification.place,
        category: p.classification.category,
        problem: p.classification.problem,
        label: p.classification.label,
        callback_class: p.classification.callbackClass,
        severity: p.severity,
        urgency: p.urgency,
        paid: p.paid ? 1 : 0,
        charge_fen: p.chargeFen,
        convenient_time: p.convenientTime,
        leak_test_date: p.leakTestDate,
        promised_reply_at: p.promisedReplyAt,
        customer_deadline: p.customerDeadline,
        target_occupant_id: p.target?.occupantId ?? null,
        target_name: p.target?.name ?? null,
        target_unit: p.target?.unitCode ?? null,
        opened_at: p.openedAt,
        intake_deadlines: JSON.stringify(p.deadlines),
        duplicate_of: p.duplicateOf,
        state: 'registered',
        is_open: 1,
        reopen_count: 0,
        department: null,
        assignee: null,
        deferred_until: null,
        defer_reason: null,
        cancel_reason: null,
        resolved_at: null,
        closed_at: null,
        last_callback: null,
        next_due_at: null,
        last_activity_at: p.openedAt,
        flagged_count: 0,
        device_id: deviceId,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    await reprojectTicket(db, p.ticketId);
  },
  TicketTransitioned: step(),
  TicketDispatched: step(),
  TicketCallbackRecorded: step(),
  TicketDeferred: step(),
  TicketReopened: step(),
  TicketCancelled: step(),
  TicketNoteAdded: step(),
};
