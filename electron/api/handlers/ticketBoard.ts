import { endOfLocalDay } from '../../../shared/domain/ticketDeadlines.js';
import type { TicketBoard } from '../../../shared/api/ticketSchemas.js';
import type { TicketRow } from '../../../db/queries/tickets.js';
import { toTicketView } from './ticketView.js';

/** Open tickets with no step for this long are reported as stuck (死单), with that reason (seed 003). */
export const NO_PROGRESS_DAYS = 3;
const DAY = 86_400_000;
const BOARD_LIMIT = 300;

/**
 * The board: open tickets by next due time (so overdue ones come first), callbacks due by the end
 * of today, and stuck orders with their reason, which the seed asks to be reported daily.
 */
export function ticketBoard(rows: TicketRow[], now: Date, seesIdentity: boolean): TicketBoard {
  const nowMs = now.getTime();
  const sorted = [...rows].sort((a, b) => {
    if (a.next_due_at === b.next_due_at) return a.opened_at < b.opened_at ? -1 : 1;
    if (!a.next_due_at) return 1;
    if (!b.next_due_at) return -1;
    return a.next_due_at < b.next_due_at ? -1 : 1;
  });
  const view = (r: TicketRow) => toTicketView(r, now, seesIdentity);
  const endToday = new Date(endOfLocalDay(nowMs)).toISOString();
  const callbacksToday = sorted.filter((r) => r.state === 'resolved' && r.next_due_at && r.next_due_at <= endToday);
  const stuck: TicketBoard['stuck'] = [];
  for (const r of sorted) {
    if (r.flagged_count > 0) stuck.push({ ticket: view(r), reason: 'flagged' });
    else if (r.state === 'deferred')
      stuck.push({
        ticket: view(r),
        reason: r.deferred_until && Date.parse(`${r.deferred_until}T00:00:00+08:00`) <= nowMs ? 'deferral_over' : 'deferred',
      });
    else if (r.state !== 'resolved' && Date.parse(r.last_activity_at) < nowMs - NO_PROGRESS_DAYS * DAY)
      stuck.push({ ticket: view(r), reason: 'no_progress' });
  }
  return {
    open: sorted.slice(0, BOARD_LIMIT).map(view),
    callbacksToday: callbacksToday.map(view),
    stuck,
    openCount: rows.length,
  };
}
