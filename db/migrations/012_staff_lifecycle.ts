import { sql, type Kysely } from 'kysely';

/**
 * Staff are edited, disabled and enabled by events from any desk: the HLC of the last name/role
 * change and of the last disable/enable decides between two desks that did it offline, like `pin_hlc`.
 * `must_change_pin`: the PIN was set by an admin or manager, who knows it; its owner must choose their own.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE staff ADD COLUMN profile_hlc TEXT`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN active_hlc TEXT`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN must_change_pin INTEGER NOT NULL DEFAULT 0`.execute(db);
}
