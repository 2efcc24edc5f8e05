import type { Kysely, Selectable } from 'kysely';
import type { Database, StaffTable } from '../schema.js';

type Db = Kysely<Database>;
export type StaffRow = Selectable<StaffTable>;

export async function staffByNo(db: Db, staffNo: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst();
}

export async function staffById(db: Db, id: string): Promise<StaffRow | undefined> {
  return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listStaff(db: Db): Promise<StaffRow[]> {
  return db.selectFrom('staff').selectAll().orderBy('staff_no').execute();
}

/** Staff who can sign in at this desk (a desk set up from HQ has none until the site's staff come down). */
export async function activeStaffCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom('staff')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('active', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
