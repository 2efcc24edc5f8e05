import { sql, type Kysely } from 'kysely';

/**
 * Sync with HQ: one row of sync state (where HQ is, which secret, how far HQ acknowledged, the pull
 * cursor, last success and error), HQ's rejections for a supervisor, flagged closing-event conflicts,
 * and the HLC of the closing event that currently wins on visits and release passes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      hq_url TEXT,
      device_id TEXT,
      credential_ref TEXT,
      acked_seq INTEGER NOT NULL DEFAULT 0,
      cursor INTEGER NOT NULL DEFAULT 0,
      enrolled_at TEXT,
      last_attempt_at TEXT,
      last_success_at TEXT,
      last_error TEXT
    )`.execute(db);
  await sql`INSERT INTO sync_state (id) VALUES (1)`.execute(db);
  await sql`
    CREATE TABLE sync_rejections (event_id TEXT PRIMARY KEY, device_seq INTEGER NOT NULL, type TEXT NOT NULL,
      reason TEXT NOT NULL, detail TEXT NOT NULL, received_at TEXT NOT NULL)`.execute(db);
  // A closing event that lost to an earlier one (by HLC) for the same record: kept, and listed here.
  await sql`
    CREATE TABLE sync_conflicts (event_id TEXT PRIMARY KEY, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
      winner_event_id TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX sync_conflicts_entity ON sync_conflicts (entity, entity_id)`.execute(db);
  for (const table of ['visits', 'release_passes']) {
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN close_hlc TEXT`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ADD COLUMN close_event_id TEXT`).execute(db);
  }
}
