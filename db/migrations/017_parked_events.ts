import { sql, type Kysely } from 'kysely';

/**
 * Events pulled from a newer build (a type this build does not know, or a newer `v`) are parked here in
 * pull order, whole, instead of stopping the pull; an updated build applies them in that order.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE parked_events (
      position INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      type TEXT NOT NULL,
      v INTEGER NOT NULL,
      reason TEXT NOT NULL,
      detail TEXT NOT NULL,
      event TEXT NOT NULL
    )`.execute(db);
}
