import { sql, type Kysely } from 'kysely';

/**
 * A resident who moved out keeps their directory row (their history, and one month of forwarded
 * mail) with the day they left. The HLC of the last change decides between two desks recording or
 * undoing it offline; a directory re-import does not touch it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE occupants ADD COLUMN moved_out_on TEXT`.execute(db);
  await sql`ALTER TABLE occupants ADD COLUMN moved_out_hlc TEXT`.execute(db);
}
