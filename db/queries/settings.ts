import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

/** The site's rules as the latest `SiteSettingsChanged` per key left them. */
export async function readSiteSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('site_settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

/** This desk's own settings (and, from before site settings synced, its copy of the site's). */
export async function readSettings(db: Db): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value)]));
}

export async function writeSettings(db: Db, values: Record<string, unknown>): Promise<void> {
  for (const [key, v] of Object.entries(values)) {
    const value = JSON.stringify(v);
    await db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

/** Per key about to change, the event whose value is in force here now (null: never set at the site). */
export async function settingsBasis(db: Db, changes: Record<string, unknown>): Promise<Record<string, string | null>> {
  const keys = Object.keys(changes);
  const rows = await db.selectFrom('site_settings').select(['key', 'event_id']).where('key', 'in', keys).execute();
  const seen = new Map(rows.map((r) => [r.key, r.event_id]));
  return Object.fromEntries(keys.map((k) => [k, seen.get(k) ?? null]));
}
