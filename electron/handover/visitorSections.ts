import { visitsNotReturnedSince, visitsOnSite, type VisitRow } from '../../db/queries/visits.js';
import { lastClosedShiftOf } from '../../db/queries/shifts.js';
import { hostLabel } from '../print/hostLabel.js';
import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

const line = (v: VisitRow, at: string | null): HandoverLine => ({
  at,
  text: `${v.visitor_name}${v.party_size > 1 ? ` ×${v.party_size}` : ''} → ${hostLabel(v)}`,
  tag: v.pass_no,
  by: v.actor_name ?? '',
  high: false,
});

/** The visitor desk's sections: who is still in the building, and who never came back. */
export const visitorSections: HandoverContribution[] = [
  { key: 'visitorsOnSite', collect: async ({ db }) => (await visitsOnSite(db)).map((v) => line(v, v.checked_in_at)) },
  {
    key: 'visitsNotReturned',
    // Closed as "not returned" since the previous handover of this desk (the first shift: the last day).
    collect: async ({ db, shift }) => {
      const previous = await lastClosedShiftOf(db, shift.device_id);
      const since =
        previous?.closed_at && previous.id !== shift.id
          ? previous.closed_at
          : new Date(new Date(shift.opened_at).getTime() - 86_400_000).toISOString();
      return (await visitsNotReturnedSince(db, since)).map((v) => line(v, v.checked_out_at));
    },
  },
];
