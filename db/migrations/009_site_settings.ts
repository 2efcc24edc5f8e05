import { sql, type Kysely } from 'kysely';

/**
 * Site-wide settings travel as events (`SiteSettingsChanged`) and land here, one row per key with
 * the HLC of the change that set it: a change applies only over an older one, so desks that receive
 * two managers' changes in any order end with the same value. A staff PIN keeps the HLC of its last
 * change for the same reason (two desks changing one person's PIN offline).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE site_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, hlc TEXT NOT NULL, event_id TEXT NOT NULL)
      WITHOUT ROWID`.execute(db);
  await sql`ALTER TABLE staff ADD COLUMN pin_hlc TEXT`.execute(db);
}
