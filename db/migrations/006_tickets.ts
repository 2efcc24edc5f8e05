import { sql, type Kysely } from 'kysely';

/**
 * Intake tickets (咨询/投诉/报修/建议/留言): the ticket read row, its timeline (one row per event,
 * never edited; a step illegal at its HLC position is kept and flagged) and its deadlines.
 * (Numbered 006: 004 and 005 land in parallel; the list in index.ts is what counts.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE tickets (
      id TEXT PRIMARY KEY,
      request_id TEXT NOT NULL UNIQUE,
      ticket_no TEXT NOT NULL UNIQUE,
      kind TEXT NOT NULL,
      channel TEXT NOT NULL,
      occupant_id TEXT,
      customer_name TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      company TEXT NOT NULL,
      customer_phone TEXT NOT NULL,
      anonymous INTEGER NOT NULL,
      receiver_id TEXT NOT NULL,
      receiver_name TEXT NOT NULL,
      occurred_at TEXT,
      location TEXT NOT NULL,
      concerned TEXT NOT NULL,
      description TEXT NOT NULL,
      wants TEXT NOT NULL,
      place TEXT NOT NULL,
      category TEXT NOT NULL,
      problem TEXT NOT NULL,
      label TEXT NOT NULL,
      callback_class TEXT NOT NULL,
      severity TEXT,
      urgency TEXT,
      paid INTEGER NOT NULL,
      charge_fen INTEGER NOT NULL,
      convenient_time TEXT NOT NULL,
      leak_test_date TEXT,
      promised_reply_at TEXT,
      customer_deadline TEXT,
      target_occupant_id TEXT,
      target_name TEXT,
      target_unit TEXT,
      opened_at TEXT NOT NULL,
      intake_deadlines TEXT NOT NULL,
      duplicate_of TEXT,
      state TEXT NOT NULL,
      is_open INTEGER NOT NULL,
      reopen_count INTEGER NOT NULL DEFAULT 0,
      department TEXT,
      assignee TEXT,
      deferred_until TEXT,
      defer_reason TEXT,
      cancel_reason TEXT,
      resolved_at TEXT,
      closed_at TEXT,
      last_callback TEXT,
      next_due_at TEXT,
      last_activity_at TEXT NOT NULL,
      flagged_count INTEGER NOT NULL DEFAULT 0,
      device_id TEXT NOT NULL
    )`.execute(db);
  // The board reads open tickets only, by next due time; statistics read a month by intake time.
  await sql`CREATE INDEX tickets_open_due ON tickets (next_due_at) WHERE is_open = 1`.execute(db);
  await sql`CREATE INDEX tickets_opened ON tickets (opened_at)`.execute(db);
  await sql`CREATE INDEX tickets_unit_category ON tickets (unit_code, category, opened_at)`.execute(db);
  await sql`CREATE INDEX tickets_resolved ON tickets (resolved_at) WHERE resolved_at IS NOT NULL`.execute(db);
  await sql`
    CREATE TABLE ticket_steps (
      id TEXT PRIMARY KEY,
      ticket_id TEXT NOT NULL,
      hlc TEXT NOT NULL,
      at TEXT NOT NULL,
      sort TEXT NOT NULL,
      actor TEXT NOT NULL,
      text TEXT NOT NULL,
      detail TEXT NOT NULL,
      flagged INTEGER NOT NULL DEFAULT 0
    )`.execute(db);
  await sql`CREATE INDEX ticket_steps_ticket ON ticket_steps (ticket_id, hlc)`.execute(db);
  await sql`CREATE INDEX ticket_steps_callbacks ON ticket_steps (at) WHERE sort IN ('callback_satisfied', 'callback_not_satisfied')`.execute(
    db,
  );
  await sql`
    CREATE TABLE ticket_deadlines (
      ticket_id TEXT NOT NULL,
      n INTEGER NOT NULL,
      type TEXT NOT NULL,
      due_at TEXT NOT NULL,
      met_at TEXT,
      PRIMARY KEY (ticket_id, n)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX ticket_deadlines_due ON ticket_deadlines (due_at)`.execute(db);
}
