import { sql, type Kysely } from 'kysely';

/**
 * When an account's last PIN attempt that was not right happened, so a shift leader sees whether
 * someone is still trying while the account is locked. Local to this desk, never synced.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE pin_attempts ADD COLUMN last_failed_at TEXT`.execute(db);
}
