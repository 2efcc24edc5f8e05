import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { PIN_LOCKOUT } from '../../shared/domain/staff.js';
import type { StaffRow } from './staff.js';

type Db = Kysely<Database>;

/** What counting an attempt decided, before any PIN is compared. */
export type PinAttempt =
  { kind: 'go'; deskAttemptId: number; lockedUntil: string | null } | { kind: 'locked'; until: string } | { kind: 'deskBusy' };

const minutes = (now: Date, n: number) => new Date(now.getTime() + n * 60_000).toISOString();

/**
 * Counts one PIN attempt, pessimistically as a wrong one, in one transaction: Kysely's SQLite driver
 * holds its single connection for the whole transaction, so requests of a parallel burst take turns
 * here and each sees the counts the previous ones wrote. The attempt that reaches the limit sets the
 * lock at once, before its PIN is checked; a right PIN clears it afterwards (pinAttemptRight).
 * `staffId` is null for an unknown staff number: only the desk-wide limit counts it.
 */
export async function countPinAttempt(db: Db, staffId: string | null, now: Date): Promise<PinAttempt> {
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const row = staffId
      ? await trx.selectFrom('pin_attempts').selectAll().where('staff_id', '=', staffId).executeTakeFirst()
      : undefined;
    if (row?.locked_until && row.locked_until > at) {
      // Not counted, but seen: the shift leader's list shows someone is still trying.
      await trx.updateTable('pin_attempts').set({ last_failed_at: at }).where('staff_id', '=', staffId!).execute();
      return { kind: 'locked', until: row.locked_until };
    }
    const windowStart = minutes(now, -1);
    await trx.deleteFrom('pin_desk_attempts').where('at', '<=', windowStart).execute();
    const recent = await trx
      .selectFrom('pin_desk_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    if (Number(recent.n) >= PIN_LOCKOUT.deskPerMinute) return { kind: 'deskBusy' };
    const desk = await trx.insertInto('pin_desk_attempts').values({ at }).returning('id').executeTakeFirstOrThrow();
    if (!staffId) return { kind: 'go', deskAttemptId: desk.id, lockedUntil: null };
    // An expired lock starts a fresh count; its level stays, so the next lock lasts longer.
    const failures = (row?.locked_until ? 0 : (row?.failures ?? 0)) + 1;
    const level = row?.lock_level ?? 0;
    const lock = failures >= PIN_LOCKOUT.maxFailures;
    const steps = PIN_LOCKOUT.lockMinutes;
    // The level is 0 or more and clamped to the last step: always one of the steps.
    const lockedUntil = lock ? minutes(now, steps[Math.min(level, steps.length - 1)]!) : null;
    const values = {
      failures: lock ? 0 : failures,
      locked_until: lockedUntil,
      lock_level: lock ? level + 1 : level,
      last_failed_at: at,
    };
    await trx
      .insertInto('pin_attempts')
      .values({ staff_id: staffId, ...values })
      .onConflict((oc) => oc.column('staff_id').doUpdateSet(values))
      .execute();
    return { kind: 'go', deskAttemptId: desk.id, lockedUntil };
  });
}

/** The PIN was right: the account's count, lock and level start over, and the attempt leaves the desk-wide count. */
export async function pinAttemptRight(db: Db, staffId: string, deskAttemptId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('pin_attempts').where('staff_id', '=', staffId).execute();
    await trx.deleteFrom('pin_desk_attempts').where('id', '=', deskAttemptId).execute();
  });
}

/** An account locked at this desk now, as a shift leader's list shows it. */
export interface PinLockoutRow {
  staffId: string;
  staffNo: string;
  name: string;
  role: StaffRow['role'];
  lockedUntil: string;
  /** Lockouts in a row since the last right PIN, this one included. */
  lockouts: number;
  lastFailedAt: string | null;
}

/** Accounts whose lock has not run out at `now`, the one unlocking last first. */
export async function lockedAccounts(db: Db, now: Date): Promise<PinLockoutRow[]> {
  const rows = await db
    .selectFrom('pin_attempts as p')
    .innerJoin('staff as s', 's.id', 'p.staff_id')
    .select(['s.id', 's.staff_no', 's.name', 's.role', 'p.locked_until', 'p.lock_level', 'p.last_failed_at'])
    .where('p.locked_until', '>', now.toISOString())
    .orderBy('p.locked_until', 'desc')
    .orderBy('s.staff_no')
    .execute();
  return rows.map((r) => ({
    staffId: r.id,
    staffNo: r.staff_no,
    name: r.name,
    role: r.role,
    lockedUntil: r.locked_until!,
    lockouts: r.lock_level,
    lastFailedAt: r.last_failed_at,
  }));
}

/**
 * When the desk-wide limit lets attempts through again, or null when it is not reached at `now`.
 * Refused attempts are not logged, so the limit lifts when enough of the last minute's attempts age out.
 */
export async function deskLimitUntil(db: Db, now: Date): Promise<string | null> {
  const recent = await db.selectFrom('pin_desk_attempts').select('at').where('at', '>', minutes(now, -1)).orderBy('at').execute();
  // The attempt whose ageing out brings the last minute back under the limit; none while under it.
  const lifting = recent[recent.length - PIN_LOCKOUT.deskPerMinute];
  return lifting ? minutes(new Date(lifting.at), 1) : null;
}
