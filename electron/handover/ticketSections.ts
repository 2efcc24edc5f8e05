import { sql } from 'kysely';
import { endOfLocalDay } from '../../shared/domain/ticketDeadlines.js';
import type { HandoverContribution } from './registry.js';

/**
 * Open tickets that are overdue or fall due by the end of the day: the next shift owns them now.
 * The sheet is printed, so an anonymous complaint shows no unit (the identity is a manager's only).
 */
export const ticketSections: HandoverContribution[] = [
  {
    key: 'ticketsDue',
    collect: async ({ db, now }) => {
      const rows = await db
        .selectFrom('tickets')
        .select(['ticket_no', 'label', 'unit_code', 'anonymous', 'next_due_at', 'receiver_name', 'state'])
        .where(sql<boolean>`is_open = 1`)
        .where('next_due_at', '<=', new Date(endOfLocalDay(now.getTime())).toISOString())
        .orderBy('next_due_at')
        .limit(100)
        .execute();
      return rows.map((r) => ({
        at: r.next_due_at,
        text: `${r.ticket_no} ${r.label}`,
        tag: r.anonymous ? '' : r.unit_code,
        by: r.receiver_name,
        high: !!r.next_due_at && Date.parse(r.next_due_at) < now.getTime(),
      }));
    },
  },
];
