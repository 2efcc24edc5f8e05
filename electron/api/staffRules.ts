import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ApiFailure, fieldError } from '../../shared/api/result.js';
import { mayManageRole, type Role } from '../../shared/domain/staff.js';
import type { StaffRow } from '../../db/queries/staff.js';

/** Refuses a change of `target` (and, for an edit, to `newRole`) that `actor` may not make. */
export function assertMayManage(actor: StaffRow, target: StaffRow, newRole?: Role): void {
  if (!mayManageRole(actor.role, target.role)) throw new ApiFailure('forbidden', 'err.staff.outOfReach');
  if (newRole && !mayManageRole(actor.role, newRole)) throw fieldError('role', 'err.staff.roleOutOfReach');
}

/**
 * The site must keep one admin who can sign in. Counted inside the write's transaction: SQLite runs
 * one write transaction at a time, so of two parallel requests the second sees the first's result.
 */
export async function assertNotLastAdmin(trx: Kysely<Database>, target: StaffRow, field: string): Promise<void> {
  if (target.role !== 'admin' || !target.active) return;
  const others = await trx
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', target.id)
    .executeTakeFirstOrThrow();
  if (Number(others.n) === 0) throw fieldError(field, 'err.staff.lastAdmin');
}
