import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { SiteIdentity } from '../../db/meta.js';
import type { StaffRow } from '../../db/queries/staff.js';
import { isOnShift, openShiftOf } from '../../db/queries/shifts.js';
import { isStale } from '../../shared/domain/shifts.js';

/**
 * The shift gate (contract `gate: 'shift'`): desk work needs this desk's shift open and the caller
 * on it — and one gets on a shift only by acknowledging the last handover with one's PIN. Enforced
 * here for every call, so a renderer that skipped the reading screen is still refused.
 * Returns the reason (an i18n key) or null when the call may go on.
 */
export async function shiftGateRefusal(
  db: Kysely<Database>,
  site: SiteIdentity,
  staff: StaffRow,
  now: Date,
): Promise<string | null> {
  const open = await openShiftOf(db, site.deviceId);
  if (!open) return 'err.shift.notOpen';
  // Past its end and the grace the shift has lapsed, for its own members too: the next one takes over.
  if (isStale(open.planned_end, now)) return 'err.shift.leftOpen';
  if (!(await isOnShift(db, open.id, staff.id))) return 'err.shift.notOnShift';
  return null;
}
