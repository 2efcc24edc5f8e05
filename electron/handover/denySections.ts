import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

/**
 * Visitors let in over a deny-list match during the shift (a leader's PIN and a reason): the next
 * shift must know who is in the building against the list, and on whose word.
 */
export const denySections: HandoverContribution[] = [
  {
    key: 'denyOverrides',
    async collect({ db, shift, now }) {
      const rows = await db
        .selectFrom('visits')
        .leftJoin('staff', 'staff.id', 'visits.deny_override_by')
        .select([
          'visits.pass_no',
          'visits.visitor_name',
          'visits.host_unit_code',
          'visits.host_name',
          'visits.checked_in_at',
          'visits.deny_override_reason',
          'staff.name as approver',
        ])
        .where('visits.device_id', '=', shift.device_id)
        .where('visits.deny_override_by', 'is not', null)
        .where('visits.checked_in_at', '>=', shift.opened_at)
        .where('visits.checked_in_at', '<=', shift.closed_at ?? now.toISOString())
        .orderBy('visits.checked_in_at')
        .execute();
      return rows.map((r): HandoverLine => ({
        at: r.checked_in_at,
        text: `${r.visitor_name} → ${[r.host_unit_code, r.host_name].filter(Boolean).join(' ')}：${r.deny_override_reason ?? ''}`,
        tag: r.pass_no,
        by: r.approver ?? '',
        high: true,
      }));
    },
  },
];
