import { sql, type Kysely } from 'kysely';

/**
 * PIN attempts that cannot be raced: each attempt is counted before its PIN is checked, a repeated
 * lockout grows (`lock_level`), and a desk-wide log of attempts in the last minute caps a burst that
 * spreads over many staff numbers. Local to this desk, never synced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE pin_attempts ADD COLUMN lock_level INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`CREATE TABLE pin_desk_attempts (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX pin_desk_attempts_at ON pin_desk_attempts (at)`.execute(db);
}
