import { sql, type Kysely } from 'kysely';

/**
 * Staff are edited, disabled and enabled by events from any desk: the HLC of the last name/role
 * change and of the last disable/enable decides between two desks that did it offline, like `pin_hlc`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN profile_hlc TEXT`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN active_hlc TEXT`.execute(db);
}
