import type { Kysely, Selectable } from 'kysely';
import type { Database, DenyListTable } from '../schema.js';

type Db = Kysely<Database>;
export type DenyRow = Selectable<DenyListTable> & { added_by_name: string | null };

function active(db: Db, todayIso: string) {
  return db
    .selectFrom('deny_list')
    .leftJoin('staff', 'staff.id', 'deny_list.added_by')
    .selectAll('deny_list')
    .select('staff.name as added_by_name')
    .where('deny_list.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('deny_list.valid_until', 'is', null), eb('deny_list.valid_until', '>=', todayIso)]));
}

export async function activeDenyEntries(db: Db, today: string): Promise<DenyRow[]> {
  return active(db, today).orderBy('deny_list.added_at', 'desc').execute();
}

/**
 * A visitor matches an entry on the same ID number (its hash under any of the desk's ID keys) or
 * phone; a name matches only entries that carry no ID number (a namesake with another ID is another person).
 */
export async function findDenyHit(
  db: Db,
  v: { name: string; idHashes: string[]; phone: string },
  today: string,
): Promise<DenyRow | undefined> {
  return active(db, today)
    .where((eb) =>
      eb.or([
        ...(v.idHashes.length ? [eb('deny_list.id_hash', 'in', v.idHashes)] : []),
        eb.and([eb('deny_list.phone', '!=', ''), eb('deny_list.phone', '=', v.phone)]),
        eb.and([eb('deny_list.id_number_masked', '=', ''), eb('deny_list.name', '=', v.name)]),
      ]),
    )
    .executeTakeFirst();
}

export async function denyEntryById(db: Db, id: string) {
  return db.selectFrom('deny_list').selectAll().where('id', '=', id).executeTakeFirst();
}
