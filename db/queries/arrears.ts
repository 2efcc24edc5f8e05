import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * THE ARREARS SEAM. Release passes ask "does this unit owe fees?" before a whole-unit move-out.
 * The fees feature does not exist yet, so this reads `unit_arrears`, a one-row-per-unit table that
 * nothing writes today: every unit answers 0 in production. Tests put fixture rows in it to exercise
 * the shift-leader gate. The fees work replaces the body with a query over its own account data (and
 * may drop the table); callers depend only on this signature.
 */
export async function unitArrearsFen(db: Kysely<Database>, unitId: string): Promise<number> {
  const row = await db.selectFrom('unit_arrears').select('amount_fen').where('unit_id', '=', unitId).executeTakeFirst();
  return Math.max(0, row?.amount_fen ?? 0);
}
