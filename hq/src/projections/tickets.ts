import { sql } from 'kysely';
import type { DomainEvent } from '../../../shared/events/catalog.js';
import { projectTicket, nextDue } from '../../../shared/domain/ticketTimeline.js';
import { isOpen } from '../../../shared/domain/ticketStates.js';
import type { Deadline, StepSort } from '../../../shared/domain/ticketDeadlines.js';
import type { TicketKind } from '../../../shared/domain/tickets.js';
import { stepCallbackDue, stepSortOf, type TicketStepEvent } from '../../../shared/events/ticketSteps.js';
import type { HqDb, Projection } from './types.js';

/**
 * Folds a ticket's timeline in HLC order with the desk's own rules (shared/domain/ticketTimeline),
 * so HQ's state equals every desk's whatever order the steps arrived in; an illegal step at its HLC
 * position is kept and counted as flagged.
 */
async function reproject(trx: HqDb, siteId: string, ticketId: string): Promise<void> {
  const { rows: t } = await sql<{ kind: string; intake_deadlines: Deadline[] }>`
    SELECT kind, intake_deadlines FROM hq_tickets WHERE id = ${ticketId} AND site_id = ${siteId} FOR UPDATE`.execute(trx);
  const [ticket] = t;
  if (!ticket) return;
  const { rows: steps } = await sql<{ id: string; hlc: string; at: string; sort: StepSort; callback_due_at: string | null }>`
    SELECT id, hlc, at, sort, callback_due_at FROM hq_ticket_steps WHERE site_id = ${siteId} AND ticket_id = ${ticketId}`.execute(
    trx,
  );
  const p = projectTicket(
    ticket.kind as TicketKind,
    ticket.intake_deadlines,
    steps.map((s) => ({ id: s.id, hlc: s.hlc, at: s.at, sort: s.sort, callbackDueAt: s.callback_due_at })),
  );
  await sql`UPDATE hq_tickets SET state = ${p.state}, reopen_count = ${p.reopenCount}, flagged_count = ${p.flagged.length},
    next_due_at = ${isOpen(p.state) ? nextDue(p.deadlines) : null} WHERE id = ${ticketId} AND site_id = ${siteId}`.execute(trx);
}

async function step(trx: HqDb, siteId: string, e: DomainEvent<TicketStepEvent>): Promise<string | null> {
  const { rows } = await sql`SELECT 1 FROM hq_tickets WHERE id = ${e.payload.ticketId} AND site_id = ${siteId}`.execute(trx);
  if (rows.length === 0) return 'unknown_ticket';
  await sql`INSERT INTO hq_ticket_steps (id, site_id, ticket_id, hlc, at, sort, callback_due_at)
    VALUES (${e.id}, ${siteId}, ${e.payload.ticketId}, ${e.hlc}, ${e.payload.at}, ${stepSortOf(e)}, ${stepCallbackDue(e)})
    ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
  await reproject(trx, siteId, e.payload.ticketId);
  return null;
}

/**
 * Intake tickets at HQ. An anonymous complainant's identity stays in the event log only (read by the
 * manager role); the projection HQ lists and exports from never carries it.
 */
export const ticketsProjection: Projection = {
  name: 'tickets',
  async up(db) {
    await sql`
      CREATE TABLE hq_tickets (id text PRIMARY KEY, site_id text NOT NULL, device_id text NOT NULL, ticket_no text NOT NULL,
        kind text NOT NULL, channel text NOT NULL, unit_code text NOT NULL, customer_name text NOT NULL,
        anonymous boolean NOT NULL, label text NOT NULL, severity text, urgency text, opened_at text NOT NULL,
        intake_deadlines jsonb NOT NULL, state text NOT NULL, reopen_count integer NOT NULL, flagged_count integer NOT NULL,
        next_due_at text)`.execute(db);
    await sql`CREATE INDEX hq_tickets_site ON hq_tickets (site_id, opened_at)`.execute(db);
    await sql`
      CREATE TABLE hq_ticket_steps (id text PRIMARY KEY, ticket_id text NOT NULL, hlc text NOT NULL, at text NOT NULL,
        sort text NOT NULL, callback_due_at text)`.execute(db);
    await sql`CREATE INDEX hq_ticket_steps_ticket ON hq_ticket_steps (ticket_id)`.execute(db);
  },
  facts: {
    async TicketOpened(trx, siteId, events) {
      const values = events.map(({ deviceId, payload: p }) => {
        // Neither the name nor the unit of an anonymous complainant: either one names them.
        const name = p.anonymous ? '' : p.customer.name;
        const unit = p.anonymous ? '' : p.customer.unitCode;
        return sql`(${p.ticketId}, ${siteId}, ${deviceId}, ${p.ticketNo}, ${p.kind}, ${p.channel}, ${unit},
          ${name}, ${p.anonymous}, ${p.classification.label}, ${p.severity}, ${p.urgency}, ${p.openedAt},
          ${JSON.stringify(p.deadlines)}::jsonb, 'registered', 0, 0, ${nextDue(p.deadlines.map((d) => ({ ...d, metAt: null })))})`;
      });
      await sql`INSERT INTO hq_tickets (id, site_id, device_id, ticket_no, kind, channel, unit_code, customer_name, anonymous,
          label, severity, urgency, opened_at, intake_deadlines, state, reopen_count, flagged_count, next_due_at)
        VALUES ${sql.join(values)} ON CONFLICT (site_id, id) DO NOTHING`.execute(trx);
    },
  },
  checked: {
    TicketTransitioned: step,
    TicketDispatched: step,
    TicketCallbackRecorded: step,
    TicketDeferred: step,
    TicketReopened: step,
    TicketCancelled: step,
    TicketNoteAdded: step,
  },
};
