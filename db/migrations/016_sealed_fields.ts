import { sql, type Kysely } from 'kysely';

/**
 * Personal fields the taking desk keeps in full only where a site policy needs them (a full ID number
 * under `keepFullIdNumbers`, a visitor's phone for the call back), AES-256-GCM sealed with a key that
 * never leaves this desk (electron/privacy/fieldVault.ts). Local to this desk, never synced: events,
 * HQ and the other desks keep the masked form and the keyed hash only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE sealed_fields (
    visit_id TEXT NOT NULL,
    field TEXT NOT NULL,
    sealed TEXT NOT NULL,
    PRIMARY KEY (visit_id, field)
  ) WITHOUT ROWID`.execute(db);
  // A visitor's phone is kept masked plus its keyed hash, matched by the hash (recall, a person's records);
  // the full phones an older desk kept are masked and hashed at the desk's start (legacyPhones.ts).
  await sql`ALTER TABLE visits ADD COLUMN phone_hash TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`CREATE INDEX visits_phone_hash ON visits (phone_hash, checked_in_at)`.execute(db);
}
