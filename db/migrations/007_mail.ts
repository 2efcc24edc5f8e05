import { sql, type Kysely } from 'kysely';

/**
 * Mail and parcels: the registered-mail register, the damage register, hand-overs and returns,
 * newspaper counts, and content-addressed attachments (photos, signatures).
 * (Numbered 007 because 004–006 land in parallel; the list in index.ts is what counts.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE mail_items (
      id TEXT PRIMARY KEY,
      batch_id TEXT NOT NULL,
      register_no TEXT NOT NULL UNIQUE,
      carrier TEXT NOT NULL,
      tracking_no TEXT NOT NULL,
      kind TEXT NOT NULL,
      occupant_id TEXT NOT NULL,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      recipient_name TEXT NOT NULL,
      company TEXT NOT NULL,
      location TEXT NOT NULL,
      condition TEXT NOT NULL CHECK (condition IN ('intact','damaged')),
      forward_until TEXT,
      received_at TEXT NOT NULL,
      received_by TEXT NOT NULL,
      duplicate_of TEXT,
      device_id TEXT NOT NULL,
      notice_count INTEGER NOT NULL DEFAULT 0,
      last_notice_at TEXT,
      last_notice_method TEXT,
      status TEXT NOT NULL CHECK (status IN ('on_shelf','picked_up','returned')),
      closed_at TEXT,
      closed_by TEXT,
      closing_event_id TEXT
    )`.execute(db);
  // Lookup by tracking number (scan at pickup, duplicate check at intake), the shelf by unit and age, history.
  await sql`CREATE INDEX mail_items_tracking ON mail_items (tracking_no, status)`.execute(db);
  await sql`CREATE INDEX mail_items_on_shelf ON mail_items (unit_code, received_at) WHERE status = 'on_shelf'`.execute(db);
  await sql`CREATE INDEX mail_items_unit ON mail_items (unit_code, received_at)`.execute(db);
  await sql`CREATE INDEX mail_items_received ON mail_items (received_at)`.execute(db);
  await sql`CREATE INDEX mail_items_batch ON mail_items (batch_id)`.execute(db);
  // Every hand-over or return ever recorded; the earliest by HLC is the one the item shows.
  await sql`
    CREATE TABLE mail_closings (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL,
      hlc TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('pickup','return')),
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      signer_name TEXT,
      relation TEXT,
      id_type TEXT,
      id_number_masked TEXT,
      signature_sha256 TEXT,
      typed_name TEXT,
      reviewed_by TEXT,
      reason TEXT,
      days_waited INTEGER,
      conflict INTEGER NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX mail_closings_item ON mail_closings (item_id, hlc)`.execute(db);
  await sql`CREATE INDEX mail_closings_returns ON mail_closings (at) WHERE kind = 'return'`.execute(db);
  await sql`
    CREATE TABLE mail_notices (id TEXT PRIMARY KEY, item_id TEXT NOT NULL, at TEXT NOT NULL, method TEXT NOT NULL,
      note TEXT NOT NULL, actor TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX mail_notices_item ON mail_notices (item_id, at)`.execute(db);
  await sql`
    CREATE TABLE mail_damage (
      id TEXT PRIMARY KEY,
      item_id TEXT NOT NULL,
      register_no TEXT NOT NULL UNIQUE,
      what TEXT NOT NULL,
      how TEXT NOT NULL,
      description TEXT NOT NULL,
      photo_sha256 TEXT,
      photo_mime TEXT,
      received_by TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      corrects_id TEXT,
      confirmed_at TEXT,
      confirmed_by TEXT,
      device_id TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX mail_damage_item ON mail_damage (item_id, recorded_at)`.execute(db);
  await sql`CREATE INDEX mail_damage_unconfirmed ON mail_damage (recorded_at) WHERE confirmed_at IS NULL`.execute(db);
  await sql`
    CREATE TABLE newspaper_counts (
      id TEXT PRIMARY KEY, at TEXT NOT NULL, carrier TEXT NOT NULL, title TEXT NOT NULL, expected INTEGER NOT NULL,
      received INTEGER NOT NULL, late INTEGER NOT NULL, note TEXT NOT NULL, actor TEXT NOT NULL)`.execute(db);
  await sql`CREATE INDEX newspaper_counts_at ON newspaper_counts (at)`.execute(db);
  // Binary (photos, signatures) by content: events carry the hash; the bytes need their own sync channel.
  await sql`
    CREATE TABLE attachments (sha256 TEXT PRIMARY KEY, mime TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,
      created_at TEXT NOT NULL) WITHOUT ROWID`.execute(db);
}
