import { sql, type Kysely } from 'kysely';

/** Shifts, the handover and the post log (交接班记录 / 岗位记事本). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE shifts (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      device_code TEXT NOT NULL,
      pattern_code TEXT NOT NULL,
      opened_at TEXT NOT NULL,
      opened_by TEXT NOT NULL,
      planned_end TEXT NOT NULL,
      previous_shift_id TEXT,
      closed_at TEXT,
      signed_by TEXT,
      abandoned INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL DEFAULT '',
      sections TEXT NOT NULL DEFAULT '[]'
    )`.execute(db);
  // "This desk's open shift" and "this desk's last handover" are the two questions every call asks.
  await sql`CREATE INDEX shifts_open ON shifts (device_id) WHERE closed_at IS NULL`.execute(db);
  await sql`CREATE INDEX shifts_device_closed ON shifts (device_id, closed_at)`.execute(db);
  await sql`CREATE INDEX shifts_abandoned ON shifts (closed_at) WHERE abandoned = 1`.execute(db);
  // One row per stint on a shift (joined … left): rejoining adds a stint, so replaying an old join changes nothing.
  await sql`
    CREATE TABLE shift_members (
      shift_id TEXT NOT NULL REFERENCES shifts(id),
      staff_id TEXT NOT NULL,
      joined_at TEXT NOT NULL,
      left_at TEXT,
      PRIMARY KEY (shift_id, staff_id, joined_at)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE handover_acks (
      handover_shift_id TEXT NOT NULL,
      into_shift_id TEXT NOT NULL,
      staff_id TEXT NOT NULL,
      at TEXT NOT NULL,
      PRIMARY KEY (handover_shift_id, into_shift_id, staff_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE log_entries (
      id TEXT NOT NULL UNIQUE,
      device_id TEXT NOT NULL,
      device_code TEXT NOT NULL,
      shift_id TEXT,
      at TEXT NOT NULL,
      author TEXT NOT NULL,
      category TEXT NOT NULL CHECK (category IN ('anomaly','notice','pending','incident','instruction')),
      priority TEXT NOT NULL CHECK (priority IN ('normal','high')),
      tag TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL,
      corrects_id TEXT,
      attachment_id TEXT,
      attachment_mime TEXT,
      attachment_size INTEGER,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution TEXT
    )`.execute(db);
  // The 48-hour view (one desk or the whole site) and every search are newest-first range scans.
  await sql`CREATE INDEX log_device_at ON log_entries (device_id, at)`.execute(db);
  await sql`CREATE INDEX log_at ON log_entries (at)`.execute(db);
  // No (category, at) index: five categories are not selective, a category filter rides the
  // newest-first scan (and such an index would lure the planner away from log_open_pending).
  await sql`CREATE INDEX log_tag_at ON log_entries (tag, at) WHERE tag != ''`.execute(db);
  await sql`CREATE INDEX log_author_at ON log_entries (author, at)`.execute(db);
  await sql`CREATE INDEX log_corrects ON log_entries (corrects_id) WHERE corrects_id IS NOT NULL`.execute(db);
  // Open pending items are read on every visit of the log, however long history grows.
  await sql`CREATE INDEX log_open_pending ON log_entries (at) WHERE category = 'pending' AND resolved_at IS NULL`.execute(db);
  // Free-text search: LIKE '%…%' cannot use a B-tree, so five years of entries would be scanned.
  // FTS5's trigram tokenizer indexes every 3-character run (Chinese included, no word segmentation);
  // queries of 3+ characters use it, shorter ones fall back to LIKE (see db/queries/log.ts).
  await sql`CREATE VIRTUAL TABLE log_fts USING fts5(text, content='log_entries', content_rowid='rowid', tokenize='trigram')`.execute(
    db,
  );
  // Entries are append-only: only inserts need mirroring into the index.
  await sql`
    CREATE TRIGGER log_entries_fts AFTER INSERT ON log_entries BEGIN
      INSERT INTO log_fts (rowid, text) VALUES (new.rowid, new.text);
    END`.execute(db);
  // Photo bytes, local to the desk (the event carries the hash; shipping bytes to HQ is the sync issue's).
  await sql`
    CREATE TABLE log_attachments (
      id TEXT PRIMARY KEY,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      data BLOB NOT NULL
    )`.execute(db);
}
