import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { unpaidDueFen } from './fees.js';

/**
 * Release passes ask "does this unit owe fees?" before a whole-unit move-out. The answer is the
 * unit's unpaid charges for months up to `uptoPeriod` (YYYY-MM, the current month): a charge
 * imported ahead for a later month is not owed yet.
 */
export async function unitArrearsFen(db: Kysely<Database>, unitId: string, uptoPeriod: string): Promise<number> {
  return unpaidDueFen(db, unitId, uptoPeriod);
}
