import { membersOf } from '../../db/queries/shifts.js';
import { fmtTime } from '../../shared/print/format.js';
import type { HandoverLine } from '../../shared/handover/sections.js';
import type { HandoverContribution } from './registry.js';

/**
 * Who worked the shift, each stint with when it began and (if before the close) when it ended: the
 * sheet says who was at the desk, not only who signed it.
 */
export const shiftSections: HandoverContribution[] = [
  {
    key: 'shiftMembers',
    async collect({ db, shift }) {
      return (await membersOf(db, shift.id)).map((m): HandoverLine => ({
        at: m.joined_at,
        text: `${m.name ?? ''}${m.left_at ? `（${fmtTime(m.joined_at)}–${fmtTime(m.left_at)}）` : ''}`,
        tag: '',
        by: '',
        high: false,
      }));
    },
  },
];
