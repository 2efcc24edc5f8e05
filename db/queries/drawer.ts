import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/**
 * This shift's drawer entries in the order they were made, each with who made it and, for a move,
 * the entry that reversed it (冲正) if one has.
 */
export async function drawerLedgerOf(db: Db, shiftId: string) {
  return db
    .selectFrom('drawer_entries as e')
    .leftJoin('staff as s', 's.id', 'e.actor')
    .leftJoin('drawer_entries as r', 'r.reverses_id', 'e.id')
    .select([
      'e.id',
      'e.kind',
      'e.amount_fen',
      'e.reason',
      'e.at',
      'e.reverses_id',
      's.name as by_name',
      'r.id as reversed_by_id',
    ])
    .where('e.shift_id', '=', shiftId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** One entry of a shift, for the reversal to check what it reverses. */
export async function drawerEntryOf(db: Db, shiftId: string, entryId: string) {
  return db.selectFrom('drawer_entries').selectAll().where('shift_id', '=', shiftId).where('id', '=', entryId).executeTakeFirst();
}

/** Whether a move has been reversed already. */
export async function reversalOf(db: Db, entryId: string) {
  return db.selectFrom('drawer_entries').select('id').where('reverses_id', '=', entryId).executeTakeFirst();
}

/**
 * Every drawer count of a shift, or of one desk in [fromIso, toIso), oldest first, with who counted and
 * who approved a variance: the handover and the daily report list them all, not only the last.
 */
export async function drawerCountsOf(db: Db, scope: { shiftId: string } | { deviceId: string; fromIso: string; toIso: string }) {
  let q = db
    .selectFrom('drawer_counts as c')
    .leftJoin('staff as counter', 'counter.id', 'c.actor')
    .leftJoin('staff as approver', 'approver.id', 'c.approver')
    .select(['c.id', 'c.at', 'c.counted_fen', 'c.expected', 'c.variance_fen', 'c.reason', 'counter.name as counter_name'])
    .select('approver.name as approver_name');
  q =
    'shiftId' in scope
      ? q.where('c.shift_id', '=', scope.shiftId)
      : q.where('c.device_id', '=', scope.deviceId).where('c.at', '>=', scope.fromIso).where('c.at', '<', scope.toIso);
  return q.orderBy('c.at').orderBy('c.id').execute();
}
