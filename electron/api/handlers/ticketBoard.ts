import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.js';
import { endOfLocalDay, localDateStart } from '../../../shared/domain/ticketDeadlines.js';
import type { TicketBoard } from '../../../shared/api/ticketSchemas.js';
import * as q from '../../../db/queries/tickets.js';
import { toTicketView } from './ticketView.js';

/** Open tickets with no step for this long are reported as stuck (死单), with that reason (seed 003). */
export const NO_PROGRESS_DAYS = 3;
const DAY = 86_400_000;
const BOARD_LIMIT = 300;

/**
 * The board: open tickets by next due time (so overdue ones come first), callbacks due by the end
 * of today, and stuck orders with their reason, which the seed asks to be reported daily. Each part
 * is its own indexed query over the open tickets only, however long the history.
 */
export async function ticketBoard(db: Kysely<Database>, now: Date, seesIdentity: boolean): Promise<TicketBoard> {
  const nowMs = now.getTime();
  const view = (r: q.TicketRow) => toTicketView(r, now, seesIdentity);
  const stuck: TicketBoard['stuck'] = (await q.stuckTickets(db, new Date(nowMs - NO_PROGRESS_DAYS * DAY).toISOString())).map(
    (r) => ({
      ticket: view(r),
      reason:
        r.flagged_count > 0
          ? 'flagged'
          : r.state === 'deferred'
            ? r.deferred_until && localDateStart(r.deferred_until) <= nowMs
              ? 'deferral_over'
              : 'deferred'
            : 'no_progress',
    }),
  );
  return {
    open: (await q.openTicketsByDue(db, BOARD_LIMIT)).map(view),
    callbacksToday: (await q.callbacksDue(db, new Date(endOfLocalDay(nowMs)).toISOString())).map(view),
    stuck,
    openCount: await q.countOpen(db),
  };
}
