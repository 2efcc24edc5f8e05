import { sql, type Kysely } from 'kysely';

/** The first schema: event log, site/device meta, staff, directory, visits, deny list, print jobs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE events (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      device_id TEXT NOT NULL,
      device_seq INTEGER NOT NULL,
      hlc TEXT NOT NULL,
      type TEXT NOT NULL,
      v INTEGER NOT NULL,
      actor TEXT NOT NULL,
      site_id TEXT NOT NULL,
      payload TEXT NOT NULL,
      recorded_at TEXT NOT NULL,
      UNIQUE (device_id, device_seq)
    )`.execute(db);
  // The newest clock reading is where the next event's HLC starts (local and pulled events alike).
  await sql`CREATE INDEX events_hlc ON events (hlc)`.execute(db);
  await sql`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE counters (name TEXT NOT NULL, scope TEXT NOT NULL, value INTEGER NOT NULL,
      PRIMARY KEY (name, scope)) WITHOUT ROWID`.execute(db);
  await sql`
    CREATE TABLE staff (
      id TEXT PRIMARY KEY,
      staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('receptionist','shift_leader','manager','admin')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`
    CREATE TABLE pin_attempts (staff_id TEXT PRIMARY KEY REFERENCES staff(id), failures INTEGER NOT NULL,
      locked_until TEXT)`.execute(db);
  await sql`
    CREATE TABLE units (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, code_rev TEXT NOT NULL,
      building TEXT NOT NULL DEFAULT '', area_m2 REAL)`.execute(db);
  await sql`CREATE INDEX units_code_rev ON units (code_rev)`.execute(db);
  await sql`
    CREATE TABLE occupants (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL REFERENCES units(id),
      name TEXT NOT NULL,
      phone TEXT NOT NULL DEFAULT '',
      phone_rev TEXT NOT NULL DEFAULT '',
      role TEXT NOT NULL,
      company TEXT NOT NULL DEFAULT '',
      initials TEXT NOT NULL DEFAULT '',
      pinyin TEXT NOT NULL DEFAULT ''
    )`.execute(db);
  // Prefix searches are range scans on these indexes (see db/queries/directory.ts).
  for (const col of ['unit_id', 'name', 'phone', 'phone_rev', 'company', 'initials', 'pinyin']) {
    await sql.raw(`CREATE INDEX occupants_${col} ON occupants (${col})`).execute(db);
  }
  await sql`
    CREATE TABLE visits (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      pass_no TEXT NOT NULL UNIQUE,
      visitor_name TEXT NOT NULL,
      visitor_phone TEXT NOT NULL,
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL,
      party_size INTEGER NOT NULL,
      host_occupant_id TEXT NOT NULL,
      host_unit_code TEXT NOT NULL,
      host_name TEXT NOT NULL,
      host_company TEXT NOT NULL,
      purpose TEXT NOT NULL,
      plate TEXT NOT NULL,
      note TEXT NOT NULL,
      checked_in_at TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('on_site','checked_out','not_returned')),
      checked_out_at TEXT,
      checkout_method TEXT,
      host_confirmed_by TEXT,
      host_confirm_method TEXT,
      deny_override_by TEXT,
      deny_override_reason TEXT,
      deny_entry_id TEXT,
      actor TEXT NOT NULL,
      device_id TEXT NOT NULL
    )`.execute(db);
  // The on-site list reads only open visits: a partial index keeps it small however long history grows.
  await sql`CREATE INDEX visits_on_site ON visits (checked_in_at) WHERE status = 'on_site'`.execute(db);
  await sql`CREATE INDEX visits_checked_in_at ON visits (checked_in_at)`.execute(db);
  await sql`CREATE INDEX visits_phone ON visits (visitor_phone, checked_in_at)`.execute(db);
  await sql`CREATE INDEX visits_id_number ON visits (id_number, checked_in_at)`.execute(db);
  await sql`CREATE INDEX visits_closed_at ON visits (checked_out_at) WHERE status = 'not_returned'`.execute(db);
  await sql`
    CREATE TABLE deny_list (
      id TEXT PRIMARY KEY, name TEXT NOT NULL, id_number TEXT NOT NULL, phone TEXT NOT NULL,
      reason TEXT NOT NULL, valid_until TEXT, added_by TEXT NOT NULL, added_at TEXT NOT NULL, revoked_at TEXT
    )`.execute(db);
  await sql`
    CREATE TABLE print_jobs (
      id TEXT PRIMARY KEY,
      doc_type TEXT NOT NULL,
      doc_id TEXT NOT NULL,
      layout TEXT NOT NULL,
      copy_no INTEGER NOT NULL,
      device_id TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      printed_at TEXT,
      error TEXT
    )`.execute(db);
  await sql`CREATE INDEX print_jobs_doc ON print_jobs (doc_type, doc_id)`.execute(db);
  await sql`CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID`.execute(db);
}
