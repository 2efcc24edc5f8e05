import { sql, type Kysely } from 'kysely';
import type { HqDatabase } from '../../pg/schema.js';
import { isOpen, TICKET_STATES } from '../../../../shared/domain/ticketStates.js';
import { deskDayBounds } from '../../../../shared/domain/deskTime.js';
import { listConflicts } from '../../store/conflicts.js';
import { firstRow } from '../../../../shared/domain/rows.js';

type Db = Kysely<HqDatabase>;

/** The desk's open states (on its board): everything not closed or cancelled. */
const OPEN = TICKET_STATES.filter(isOpen);

export interface SiteActivity {
  /** Open tickets (the desk's `is_open`) and those of them past their next deadline (the board's `overdue`). */
  openTickets: number;
  overdueTickets: number;
  /** Major complaints (重大投诉) escalated on the site's calendar day, and major complaints opened that day. */
  majorEscalatedToday: number;
  majorOpenedToday: number;
  /** Conflicts not resolved yet, as the desks list them (the same detection over the same events). */
  conflicts: number;
  /** Events HQ refused that no desk has marked handled (a `RejectionHandled` naming them). */
  rejections: number;
  /** Privileged changes from desks held for an HQ administrator's decision. */
  held: number;
}

/**
 * Tickets from HQ's projection, whose state and next due time are the desk's own projection of the same
 * timeline (shared/domain/ticketTimeline.ts): open is a state not closed or cancelled, overdue is an open
 * ticket whose next unmet deadline is before now, exactly as the desk's board marks it.
 */
async function ticketCounts(db: Db, siteId: string, now: Date, day: { fromIso: string; toIso: string }) {
  const { rows } = await sql<{ open: string; overdue: string; escalated: string; opened: string }>`
    SELECT
      (SELECT count(*) FROM hq_tickets WHERE site_id = ${siteId} AND state = ANY(${OPEN})) AS open,
      (SELECT count(*) FROM hq_tickets WHERE site_id = ${siteId} AND state = ANY(${OPEN})
        AND next_due_at IS NOT NULL AND next_due_at < ${now.toISOString()}) AS overdue,
      (SELECT count(DISTINCT s.ticket_id) FROM hq_ticket_steps s JOIN hq_tickets t ON t.site_id = s.site_id AND t.id = s.ticket_id
        WHERE s.site_id = ${siteId} AND s.sort = 'escalate' AND t.kind = 'complaint' AND t.severity = 'major'
          AND s.at >= ${day.fromIso} AND s.at < ${day.toIso}) AS escalated,
      (SELECT count(*) FROM hq_tickets WHERE site_id = ${siteId} AND kind = 'complaint' AND severity = 'major'
        AND opened_at >= ${day.fromIso} AND opened_at < ${day.toIso}) AS opened`.execute(db);
  const r = firstRow(rows, 'ticket counts');
  return {
    openTickets: Number(r.open),
    overdueTickets: Number(r.overdue),
    majorEscalatedToday: Number(r.escalated),
    majorOpenedToday: Number(r.opened),
  };
}

/**
 * Refused events no desk has marked handled (a `RejectionHandled` naming them), and events HQ holds for its
 * decision (a privileged change from a desk): both are lines of the desks' inbox; the held ones wait for HQ.
 */
async function rejectionsWaiting(db: Db, siteId: string): Promise<{ rejections: number; held: number }> {
  const { rows } = await sql<{ rejected: string; held: string }>`
    SELECT
      (SELECT count(*) FROM events e WHERE e.site_id = ${siteId} AND e.status = 'rejected'
        AND NOT EXISTS (SELECT 1 FROM events h WHERE h.site_id = e.site_id AND h.type = 'RejectionHandled' AND h.status = 'ok'
          AND h.payload->>'eventId' = e.id)) AS rejected,
      (SELECT count(*) FROM events WHERE site_id = ${siteId} AND status = 'held') AS held`.execute(db);
  const r = firstRow(rows, 'rejections and held events');
  return { rejections: Number(r.rejected), held: Number(r.held) };
}

/** A site's tickets, today's major complaints (on the site's calendar), conflicts and rejections waiting. */
export async function siteActivity(db: Db, siteId: string, zone: string, today: string, now: Date): Promise<SiteActivity> {
  const [tickets, conflicts, rejections] = await Promise.all([
    ticketCounts(db, siteId, now, deskDayBounds(today, zone)),
    listConflicts(db, siteId),
    rejectionsWaiting(db, siteId),
  ]);
  return { ...tickets, conflicts: conflicts.length, ...rejections };
}
