import { sql, type Kysely } from 'kysely';

/**
 * Fees, receipts and the cash drawer. Charges and receipts are facts from events; whether a charge
 * is paid is derived (a line of a receipt that is not voided), so two desks applying the same
 * events in any order agree. Replaces the arrears seam table of 003 (db/queries/arrears.ts now reads
 * these tables).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS unit_arrears`.execute(db);
  await sql`
    CREATE TABLE fee_charges (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      item TEXT NOT NULL,
      period TEXT NOT NULL,
      amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
      vacant INTEGER NOT NULL DEFAULT 0,
      note TEXT NOT NULL,
      source TEXT NOT NULL CHECK (source IN ('import','manual')),
      batch_id TEXT NOT NULL,
      raised_at TEXT NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fee_charges_unit ON fee_charges (unit_id, period)`.execute(db);
  await sql`CREATE INDEX fee_charges_period ON fee_charges (period)`.execute(db);
  await sql`
    CREATE TABLE fee_receipts (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      receipt_no TEXT NOT NULL UNIQUE,
      device_id TEXT NOT NULL,
      year INTEGER NOT NULL,
      seq INTEGER NOT NULL,
      shift_id TEXT,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      payer TEXT NOT NULL,
      lines_fen INTEGER NOT NULL,
      advance_fen INTEGER NOT NULL,
      total_fen INTEGER NOT NULL,
      tendered_fen INTEGER NOT NULL,
      change_fen INTEGER NOT NULL,
      issued_at TEXT NOT NULL,
      actor TEXT NOT NULL,
      voided_at TEXT,
      void_event TEXT,
      voided_by TEXT,
      void_approver TEXT,
      void_reason TEXT
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX fee_receipts_seq ON fee_receipts (device_id, year, seq)`.execute(db);
  await sql`CREATE INDEX fee_receipts_unit ON fee_receipts (unit_id, issued_at)`.execute(db);
  await sql`CREATE INDEX fee_receipts_issued ON fee_receipts (device_id, issued_at)`.execute(db);
  await sql`CREATE INDEX fee_receipts_shift ON fee_receipts (shift_id)`.execute(db);
  await sql`
    CREATE TABLE fee_receipt_lines (
      receipt_id TEXT NOT NULL,
      charge_id TEXT NOT NULL,
      item TEXT NOT NULL,
      period TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      PRIMARY KEY (receipt_id, charge_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX fee_receipt_lines_charge ON fee_receipt_lines (charge_id)`.execute(db);
  await sql`
    CREATE TABLE fee_receipt_payments (
      receipt_id TEXT NOT NULL,
      idx INTEGER NOT NULL,
      method TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      reference TEXT NOT NULL,
      PRIMARY KEY (receipt_id, idx)
    ) WITHOUT ROWID`.execute(db);
  // Every void is kept; the earliest by HLC is the one that counts, a later one is flagged.
  await sql`
    CREATE TABLE fee_voids (
      event_id TEXT PRIMARY KEY,
      receipt_id TEXT NOT NULL,
      hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      approver TEXT NOT NULL,
      reason TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fee_voids_receipt ON fee_voids (receipt_id, hlc)`.execute(db);
  await sql`
    CREATE TABLE fee_refunds (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      amount_fen INTEGER NOT NULL,
      method TEXT NOT NULL,
      reference TEXT NOT NULL,
      reason TEXT NOT NULL,
      approver TEXT NOT NULL,
      device_id TEXT NOT NULL,
      shift_id TEXT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fee_refunds_unit ON fee_refunds (unit_id)`.execute(db);
  await sql`CREATE INDEX fee_refunds_shift ON fee_refunds (shift_id)`.execute(db);
  await sql`
    CREATE TABLE drawer_entries (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      shift_id TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('float','in','out')),
      amount_fen INTEGER NOT NULL,
      reason TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX drawer_entries_shift ON drawer_entries (shift_id, at)`.execute(db);
  await sql`
    CREATE TABLE drawer_counts (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      shift_id TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      denominations TEXT NOT NULL,
      counted_fen INTEGER NOT NULL,
      expected TEXT NOT NULL,
      variance_fen INTEGER NOT NULL,
      approver TEXT,
      reason TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX drawer_counts_shift ON drawer_counts (shift_id, at)`.execute(db);
  await sql`
    CREATE TABLE fee_reminders (
      id TEXT PRIMARY KEY,
      unit_id TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      channel TEXT NOT NULL CHECK (channel IN ('phone','sms','visit')),
      at TEXT NOT NULL,
      outcome TEXT NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX fee_reminders_unit ON fee_reminders (unit_id, at)`.execute(db);
}
