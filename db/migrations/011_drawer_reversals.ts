import { sql, type Kysely } from 'kysely';

/**
 * A drawer move recorded in error is reversed by an opposite entry that names it (冲正). The unique
 * index is the last word on "once per move": two reversals racing past the handler's check cannot
 * both be stored.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE drawer_entries ADD COLUMN reverses_id TEXT`.execute(db);
  await sql`CREATE UNIQUE INDEX drawer_entries_reverses ON drawer_entries (reverses_id) WHERE reverses_id IS NOT NULL`.execute(
    db,
  );
}
