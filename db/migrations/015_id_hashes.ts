import { sql, type Kysely } from 'kysely';

/**
 * PIPL minimum: visits, deny-list entries and release passes (the applicant) keep the ID number masked plus its keyed hash, never the
 * full number. The column is renamed, not copied, so no full number is left in a second column; the
 * rows an older desk wrote (full number, no hash) are masked and hashed at the desk's start, which
 * holds the key (electron/privacy/legacyIdNumbers.ts) — a migration has only the database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['visits', 'deny_list', 'release_passes']) {
    await sql`ALTER TABLE ${sql.table(table)} RENAME COLUMN id_number TO id_number_masked`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN id_hash TEXT NOT NULL DEFAULT ''`.execute(db);
  }
  await sql`DROP INDEX IF EXISTS visits_id_number`.execute(db);
  await sql`CREATE INDEX visits_id_hash ON visits (id_hash, checked_in_at)`.execute(db);
}
