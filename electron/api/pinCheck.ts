import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiFailure } from '../../shared/api/result.js';
import { PIN_LOCKOUT, roleAtLeast, type Role } from '../../shared/domain/staff.js';
import { clearPinFailures, pinAttempts, recordPinFailure, staffByNo, type StaffRow } from '../../db/queries/staff.js';
import { verifyPin } from './pin.js';

/**
 * Checks a PIN with the lockout rule (5 wrong PINs lock the account for 5 minutes). Used for
 * sign-in and for a supervisor's on-the-spot approval alike. `field` names the form field the
 * error belongs to.
 */
export async function checkPin(db: Kysely<Database>, staff: StaffRow, pin: string, now: Date, field: string): Promise<void> {
  const attempts = await pinAttempts(db, staff.id);
  if (attempts?.locked_until && attempts.locked_until > now.toISOString()) {
    throw new ApiFailure('pin_locked_out', 'err.pin.lockedOut', [{ path: field, message: 'err.pin.lockedOut' }], {
      until: attempts.locked_until,
    });
  }
  if (await verifyPin(pin, staff.pin_hash)) {
    if (attempts) await clearPinFailures(db, staff.id);
    return;
  }
  const failures = (attempts?.locked_until ? 0 : (attempts?.failures ?? 0)) + 1;
  const lock = failures >= PIN_LOCKOUT.maxFailures;
  const until = lock ? new Date(now.getTime() + PIN_LOCKOUT.lockMinutes * 60_000).toISOString() : null;
  await recordPinFailure(db, staff.id, lock ? 0 : failures, until);
  const message = lock ? 'err.pin.lockedOut' : 'err.pin.wrong';
  throw new ApiFailure(lock ? 'pin_locked_out' : 'wrong_pin', message, [{ path: field, message }], {
    remaining: PIN_LOCKOUT.maxFailures - failures,
  });
}

/**
 * A second person's approval: their staff number must exist, hold the role, and their PIN match.
 * `notBy` lists who may not approve (four eyes: whoever did the act and whoever asks); null/undefined
 * entries are ignored. `roleMessage` says what authority was missing: approval in general, or letting goods out (放行).
 */
export async function approveBy(
  db: Kysely<Database>,
  approval: { staffNo: string; pin: string },
  minimum: Role,
  now: Date,
  fieldPrefix: string,
  notBy: readonly (string | null | undefined)[],
  roleMessage = 'err.approval.role',
): Promise<StaffRow> {
  const approver = await staffByNo(db, approval.staffNo);
  if (!approver || !approver.active) {
    throw new ApiFailure('invalid_input', 'err.staffNo.unknown', [
      { path: `${fieldPrefix}.staffNo`, message: 'err.staffNo.unknown' },
    ]);
  }
  if (!roleAtLeast(approver.role, minimum)) {
    throw new ApiFailure('forbidden', roleMessage, [{ path: `${fieldPrefix}.staffNo`, message: roleMessage }]);
  }
  await checkPin(db, approver, approval.pin, now, `${fieldPrefix}.pin`);
  refuseSelfApproval(approver, notBy, fieldPrefix);
  return approver;
}

/** Four eyes: checked once the approver is known and their PIN verified, so it only ever tells people what they already know. */
function refuseSelfApproval(approver: StaffRow, notBy: readonly (string | null | undefined)[], fieldPrefix: string) {
  if (!notBy.includes(approver.id)) return;
  throw new ApiFailure('forbidden', 'err.selfApproval', [{ path: `${fieldPrefix}.staffNo`, message: 'err.selfApproval' }]);
}
