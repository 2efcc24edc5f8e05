import { sql, type Kysely } from 'kysely';

/**
 * Release passes (物品放行条), the gate's log, the arrears seam, and the guard role.
 * (Named 003 because 002_shifts lands in parallel; the list in index.ts is what counts.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await allowGuardRole(db);
  await sql`
    CREATE TABLE release_passes (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      pass_no TEXT NOT NULL UNIQUE,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      occupant_id TEXT NOT NULL,
      occupant_name TEXT NOT NULL,
      company TEXT NOT NULL,
      applicant_name TEXT NOT NULL,
      applicant_phone TEXT NOT NULL,
      id_type TEXT NOT NULL,
      id_number TEXT NOT NULL,
      relation TEXT NOT NULL,
      authority_occupant_id TEXT,
      authority_name TEXT,
      authority_method TEXT,
      items TEXT NOT NULL,
      total_quantity INTEGER NOT NULL,
      reason TEXT NOT NULL,
      reason_note TEXT NOT NULL,
      whole_unit INTEGER NOT NULL,
      carrier TEXT NOT NULL,
      plate TEXT NOT NULL,
      valid_from TEXT NOT NULL,
      valid_until TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      arrears_fen INTEGER NOT NULL,
      arrears_approved_by TEXT,
      arrears_reason TEXT NOT NULL,
      note TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('issued','released','cancelled')),
      closed_at TEXT,
      closed_by TEXT,
      cancel_reason TEXT,
      released_items TEXT,
      release_partial INTEGER NOT NULL DEFAULT 0,
      release_note TEXT,
      actor TEXT NOT NULL,
      device_id TEXT NOT NULL
    )`.execute(db);
  // Lists: open passes by end of window (pending / expired), a day's passes by window, history by unit.
  await sql`CREATE INDEX release_passes_open ON release_passes (valid_until) WHERE status = 'issued'`.execute(db);
  await sql`CREATE INDEX release_passes_valid_until ON release_passes (valid_until)`.execute(db);
  await sql`CREATE INDEX release_passes_closed ON release_passes (status, closed_at)`.execute(db);
  await sql`CREATE INDEX release_passes_unit ON release_passes (unit_code, issued_at)`.execute(db);
  await sql`CREATE INDEX release_passes_issued ON release_passes (issued_at)`.execute(db);
  await sql`
    CREATE TABLE release_gate_checks (
      id TEXT PRIMARY KEY,
      pass_id TEXT NOT NULL,
      at TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('released','partial','refused')),
      note TEXT NOT NULL,
      actor TEXT NOT NULL,
      conflict INTEGER NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX release_gate_checks_pass ON release_gate_checks (pass_id, at)`.execute(db);
  // The seam the fees work fills (see db/queries/arrears.ts): no event writes it yet.
  await sql`
    CREATE TABLE unit_arrears (unit_id TEXT PRIMARY KEY, amount_fen INTEGER NOT NULL, as_of TEXT NOT NULL,
      note TEXT NOT NULL DEFAULT '') WITHOUT ROWID`.execute(db);
}

/**
 * SQLite cannot change a CHECK constraint in place: rebuild `staff` with 'guard' allowed. The PIN
 * attempts table points at staff, so it is set aside and rebuilt after, all in this transaction.
 */
async function allowGuardRole(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE staff_new (
      id TEXT PRIMARY KEY,
      staff_no TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('receptionist','shift_leader','manager','admin','guard')),
      pin_hash TEXT NOT NULL,
      active INTEGER NOT NULL DEFAULT 1,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`INSERT INTO staff_new SELECT id, staff_no, name, role, pin_hash, active, created_at FROM staff`.execute(db);
  await sql`CREATE TEMP TABLE pin_attempts_keep AS SELECT * FROM pin_attempts`.execute(db);
  await sql`DROP TABLE pin_attempts`.execute(db);
  await sql`DROP TABLE staff`.execute(db);
  await sql`ALTER TABLE staff_new RENAME TO staff`.execute(db);
  await sql`
    CREATE TABLE pin_attempts (staff_id TEXT PRIMARY KEY REFERENCES staff(id), failures INTEGER NOT NULL,
      locked_until TEXT)`.execute(db);
  await sql`INSERT INTO pin_attempts SELECT staff_id, failures, locked_until FROM pin_attempts_keep`.execute(db);
  await sql`DROP TABLE temp.pin_attempts_keep`.execute(db);
}
