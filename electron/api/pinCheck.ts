import { randomBytes } from 'node:crypto';
import { ApiFailure } from '../../shared/api/result.js';
import { roleAtLeast, type Role } from '../../shared/domain/staff.js';
import { staffByNo, type StaffRow } from '../../db/queries/staff.js';
import { countPinAttempt, pinAttemptRight } from '../../db/queries/pinAttempts.js';
import { hashPin, verifyPin } from './pin.js';
import { openPinHash } from '../privacy/pinSeal.js';
import type { HandlerContext } from './context.js';

/** What a PIN check reads: the desk's database and the key ring that opens sealed PIN hashes. */
type PinContext = Pick<HandlerContext, 'db'> & { services: Pick<HandlerContext['services'], 'idKeys'> };

type Outcome = { ok: true } | { ok: false; code: 'wrong_pin' | 'pin_locked_out' | 'pin_desk_busy'; until?: string };

// An unknown staff number is checked against this hash, so it costs the same time as a known one.
let decoy: Promise<string> | null = null;
const decoyHash = () => (decoy ??= hashPin(randomBytes(8).toString('hex')));

/**
 * One PIN attempt: counted (and refused when locked or the desk is over its limit) before scrypt runs,
 * so a parallel burst cannot all be checked against the same count. `staff` null: an unknown number.
 */
async function attempt(ctx: PinContext, staff: StaffRow | null, pin: string, now: Date): Promise<Outcome> {
  const { db } = ctx;
  const counted = await countPinAttempt(db, staff?.id ?? null, now);
  if (counted.kind === 'locked') return { ok: false, code: 'pin_locked_out', until: counted.until };
  if (counted.kind === 'deskBusy') return { ok: false, code: 'pin_desk_busy' };
  // Set at this desk: the scrypt hash; pulled: sealed by HQ with the site's key (shared/domain/pinSeal.ts).
  // One no key of this desk opens (a restored desk before its replacement enrolment brings the site's key)
  // costs the decoy's time and fails.
  const hash = staff ? openPinHash(ctx.services.idKeys.all(), staff.id, staff.pin_hash) : null;
  const right = (await verifyPin(pin, hash ?? (await decoyHash()))) && hash !== null;
  if (staff && right) {
    await pinAttemptRight(db, staff.id, counted.deskAttemptId);
    return { ok: true };
  }
  if (counted.lockedUntil) return { ok: false, code: 'pin_locked_out', until: counted.lockedUntil };
  return { ok: false, code: 'wrong_pin' };
}

const MESSAGE = { wrong_pin: 'err.pin.wrong', pin_locked_out: 'err.pin.lockedOut', pin_desk_busy: 'err.pin.deskBusy' } as const;

/**
 * Checks a signed-in or signing-in person's own PIN with the lockout rules (shared/domain/staff.ts
 * PIN_LOCKOUT). `staff` null (an unknown or disabled number) reads the same as a wrong PIN.
 * `field` names the form field the error belongs to.
 */
export async function checkPin(ctx: PinContext, staff: StaffRow | null, pin: string, now: Date, field: string): Promise<void> {
  const r = await attempt(ctx, staff, pin, now);
  if (r.ok) return;
  const message = MESSAGE[r.code];
  // No count of tries left: it would differ between a real staff number and an unknown one.
  const details = r.code === 'pin_locked_out' ? { until: r.until } : undefined;
  throw new ApiFailure(r.code, message, [{ path: field, message }], details);
}

/**
 * A second person's approval: an active staff number holding the role, with their PIN. Every refusal
 * (unknown number, disabled, role too low, wrong PIN, locked) is one message, so the form tells nobody
 * whether a number exists or what role it has; only the desk-wide limit reads differently, as it says
 * nothing about the person. Call it after the act's own business rules, never before.
 * `notBy` lists who may not approve (four eyes: whoever did the act and whoever asks); null/undefined
 * entries are ignored. It is checked once the PIN matched, so it tells the approver only who they are.
 */
export async function approveBy(
  ctx: PinContext,
  approval: { staffNo: string; pin: string },
  minimum: Role,
  now: Date,
  fieldPrefix: string,
  notBy: readonly (string | null | undefined)[],
): Promise<StaffRow> {
  const found = await staffByNo(ctx.db, approval.staffNo);
  const approver = found?.active ? found : null;
  const r = await attempt(ctx, approver, approval.pin, now);
  if (r.ok && approver && roleAtLeast(approver.role, minimum)) {
    refuseSelfApproval(approver, notBy, fieldPrefix);
    return approver;
  }
  const busy = !r.ok && r.code === 'pin_desk_busy';
  const message = busy ? MESSAGE.pin_desk_busy : 'err.approval.refused';
  throw new ApiFailure(busy ? 'pin_desk_busy' : 'wrong_pin', message, [{ path: `${fieldPrefix}.pin`, message }]);
}

/** Four eyes: checked once the approver is known and their PIN verified, so it only ever tells people what they already know. */
function refuseSelfApproval(approver: StaffRow, notBy: readonly (string | null | undefined)[], fieldPrefix: string) {
  if (!notBy.includes(approver.id)) return;
  throw new ApiFailure('forbidden', 'err.selfApproval', [{ path: `${fieldPrefix}.staffNo`, message: 'err.selfApproval' }]);
}
