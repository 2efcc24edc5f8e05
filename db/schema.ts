import type { Generated } from 'kysely';
import type { Role } from '../shared/domain/staff.js';
import type { MailKind, MailStatus } from '../shared/domain/mail.js';

/** Kysely types of the desk's SQLite database. Booleans are 0/1, times ISO-8601 UTC strings. */
export interface EventsTable {
  seq: Generated<number>;
  id: string;
  device_id: string;
  device_seq: number;
  hlc: string;
  type: string;
  v: number;
  actor: string;
  site_id: string;
  payload: string;
  recorded_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface CountersTable {
  name: string;
  scope: string;
  value: number;
}

export interface StaffTable {
  id: string;
  staff_no: string;
  name: string;
  role: Role;
  pin_hash: string;
  /** HLC of the event that set the PIN: a PIN change applies only over an older one. */
  pin_hlc: string | null;
  /** HLC of the last name/role change (StaffUpdated); null until the first edit. */
  profile_hlc: string | null;
  /** HLC of the last StaffDisabled/StaffEnabled; null while never disabled. */
  active_hlc: string | null;
  /** 1 after a PIN reset (someone else knows the PIN) until the person changes it themself. */
  must_change_pin: Generated<number>;
  active: number;
  created_at: string;
}

/** Local only: failed PIN attempts are this desk's security state, not a business fact. */
export interface PinAttemptsTable {
  staff_id: string;
  failures: number;
  locked_until: string | null;
  /** Lockouts since the last right PIN: the next one lasts longer (PIN_LOCKOUT.lockMinutes). */
  lock_level: Generated<number>;
  /** The last attempt that was not right (counted, or refused while locked); a right PIN deletes the row. */
  last_failed_at: string | null;
}

/** Local only: a visit's field kept in full, sealed with this desk's field key (migration 016). */
export interface SealedFieldsTable {
  visit_id: string;
  field: string;
  sealed: string;
}

/** One PIN attempt at this desk, any staff number: the desk-wide limit counts the last minute's. */
export interface PinDeskAttemptsTable {
  id: Generated<number>;
  at: string;
}

export interface UnitsTable {
  id: string;
  code: string;
  code_rev: string;
  building: string;
  area_m2: number | null;
}

export interface OccupantsTable {
  id: string;
  unit_id: string;
  name: string;
  phone: string;
  phone_rev: string;
  role: 'owner' | 'tenant' | 'family' | 'company';
  company: string;
  initials: string;
  pinyin: string;
  /** The day the resident moved out (YYYY-MM-DD); null while they live here. */
  moved_out_on: string | null;
  moved_out_hlc: string | null;
}

export interface VisitsTable {
  id: string;
  request_id: string;
  pass_no: string;
  visitor_name: string;
  visitor_phone: string;
  /** Keyed hash of the visitor's phone (visitor_phone is the masked form since migration 016). */
  phone_hash: Generated<string>;
  id_type: 'resident_id' | 'hk_macao_permit' | 'taiwan_permit' | 'passport' | 'other';
  /** Masked (shown, printed); the full number is not kept (PIPL minimum). */
  id_number_masked: string;
  /** HMAC-SHA-256 with the site's ID key (electron/privacy/idHash.ts): what recall and the deny list match. */
  id_hash: string;
  party_size: number;
  host_occupant_id: string;
  host_unit_code: string;
  host_name: string;
  host_company: string;
  purpose: string;
  plate: string;
  note: string;
  checked_in_at: string;
  valid_until: string;
  status: 'on_site' | 'checked_out' | 'not_returned';
  checked_out_at: string | null;
  checkout_method: string | null;
  host_confirmed_by: string | null;
  host_confirm_method: string | null;
  deny_override_by: string | null;
  deny_override_reason: string | null;
  deny_entry_id: string | null;
  actor: string;
  device_id: string;
  /** HLC and id of the closing event that currently wins (earliest HLC; see docs/sync-protocol.md). */
  close_hlc: string | null;
  close_event_id: string | null;
}

export interface DenyListTable {
  id: string;
  name: string;
  id_number_masked: string;
  id_hash: string;
  phone: string;
  reason: string;
  valid_until: string | null;
  added_by: string;
  added_at: string;
  revoked_at: string | null;
}

export interface PrintJobsTable {
  id: string;
  doc_type:
    | 'visitor_pass'
    | 'onsite_roll'
    | 'handover_sheet'
    | 'release_pass'
    | 'receipt'
    | 'daily_report'
    | 'demand_letter'
    | 'work_order'
    | 'ticket_notice'
    | 'mail_damage_slip'
    | 'mail_pickup_slip';
  doc_id: string;
  layout: 'roll80' | 'a6' | 'a5' | 'a4';
  copy_no: number;
  /** Only the desk that queued a job prints it. */
  device_id: string;
  status: 'queued' | 'printing' | 'printed' | 'failed';
  created_at: string;
  printed_at: string | null;
  error: string | null;
}

export interface ReleasePassesTable {
  id: string;
  request_id: string;
  pass_no: string;
  unit_id: string;
  unit_code: string;
  occupant_id: string;
  occupant_name: string;
  company: string;
  applicant_name: string;
  applicant_phone: string;
  id_type: VisitsTable['id_type'];
  /** Masked, with its keyed hash (as visits). */
  id_number_masked: string;
  id_hash: string;
  relation: 'owner' | 'tenant' | 'company_staff' | 'agent';
  authority_occupant_id: string | null;
  authority_name: string | null;
  authority_method: 'phone' | 'written' | 'present' | null;
  /** JSON: [{ description, quantity }] in the order entered. */
  items: string;
  total_quantity: number;
  reason: 'moving_out' | 'repair' | 'disposal' | 'other';
  reason_note: string;
  whole_unit: number;
  carrier: string;
  plate: string;
  valid_from: string;
  valid_until: string;
  issued_at: string;
  arrears_fen: number;
  arrears_approved_by: string | null;
  arrears_reason: string;
  note: string;
  status: 'issued' | 'released' | 'cancelled';
  closed_at: string | null;
  closed_by: string | null;
  cancel_reason: string | null;
  /** JSON: released quantity per item line, once released. */
  released_items: string | null;
  release_partial: number;
  release_note: string | null;
  actor: string;
  device_id: string;
  /** HLC and id of the closing event that currently wins (earliest HLC; see docs/sync-protocol.md). */
  close_hlc: string | null;
  close_event_id: string | null;
}

/** Every decision at the gate, including refusals and a release that arrived after the pass closed. */
export interface ReleaseGateChecksTable {
  id: string;
  pass_id: string;
  at: string;
  outcome: 'released' | 'partial' | 'refused';
  note: string;
  actor: string;
  conflict: number;
}

export interface FeeChargesTable {
  id: string;
  unit_id: string;
  unit_code: string;
  item: string;
  period: string;
  amount_fen: number;
  vacant: number;
  note: string;
  source: 'import' | 'manual';
  batch_id: string;
  raised_at: string;
  actor: string;
}

export interface FeeReceiptsTable {
  id: string;
  request_id: string;
  receipt_no: string;
  device_id: string;
  year: number;
  seq: number;
  shift_id: string | null;
  unit_id: string;
  unit_code: string;
  payer: string;
  lines_fen: number;
  advance_fen: number;
  total_fen: number;
  tendered_fen: number;
  change_fen: number;
  issued_at: string;
  actor: string;
  voided_at: string | null;
  void_event: string | null;
  voided_by: string | null;
  void_approver: string | null;
  void_reason: string | null;
}

export interface FeeReceiptLinesTable {
  receipt_id: string;
  charge_id: string;
  item: string;
  period: string;
  amount_fen: number;
}

export interface FeeReceiptPaymentsTable {
  receipt_id: string;
  idx: number;
  method: string;
  amount_fen: number;
  reference: string;
}

export interface FeeVoidsTable {
  event_id: string;
  receipt_id: string;
  hlc: string;
  at: string;
  actor: string;
  approver: string;
  reason: string;
}

export interface FeeRefundsTable {
  id: string;
  unit_id: string;
  unit_code: string;
  amount_fen: number;
  method: string;
  reference: string;
  reason: string;
  approver: string;
  device_id: string;
  shift_id: string | null;
  at: string;
  actor: string;
}

export interface DrawerEntriesTable {
  id: string;
  device_id: string;
  shift_id: string;
  kind: 'float' | 'in' | 'out';
  amount_fen: number;
  reason: string;
  at: string;
  actor: string;
  /** The move this entry reverses (冲正); null for a move of its own. */
  reverses_id: string | null;
}

export interface DrawerCountsTable {
  id: string;
  device_id: string;
  shift_id: string;
  at: string;
  actor: string;
  denominations: string;
  counted_fen: number;
  expected: string;
  variance_fen: number;
  approver: string | null;
  reason: string;
}

export interface FeeRemindersTable {
  id: string;
  unit_id: string;
  unit_code: string;
  channel: 'phone' | 'sms' | 'visit';
  at: string;
  outcome: string;
  actor: string;
}

/** Local only: this desk's printers, paper and idle lock. */
/** This desk's own settings (language, idle lock, printer and paper). */
export interface SettingsTable {
  key: string;
  value: string;
}

/** The site's rules, from `SiteSettingsChanged` events: per key the value of the latest change by HLC. */
export interface SiteSettingsTable {
  key: string;
  value: string;
  hlc: string;
  event_id: string;
}

export interface ShiftsTable {
  id: string;
  device_id: string;
  device_code: string;
  pattern_code: string;
  opened_at: string;
  opened_by: string;
  planned_end: string;
  previous_shift_id: string | null;
  closed_at: string | null;
  signed_by: string | null;
  abandoned: number;
  note: string;
  /** The handover sheet's sections (JSON), frozen at closing. */
  sections: string;
}

export interface ShiftMembersTable {
  shift_id: string;
  staff_id: string;
  joined_at: string;
  left_at: string | null;
}

export interface HandoverAcksTable {
  handover_shift_id: string;
  into_shift_id: string;
  staff_id: string;
  at: string;
}

export interface LogEntriesTable {
  id: string;
  device_id: string;
  device_code: string;
  shift_id: string | null;
  at: string;
  author: string;
  category: 'anomaly' | 'notice' | 'pending' | 'incident' | 'instruction';
  priority: 'normal' | 'high';
  tag: string;
  text: string;
  corrects_id: string | null;
  attachment_id: string | null;
  attachment_mime: 'image/jpeg' | 'image/png' | 'image/webp' | null;
  attachment_size: number | null;
  resolved_at: string | null;
  resolved_by: string | null;
  resolution: string | null;
}

/** Local only: photo bytes attached to log entries. */
export interface LogAttachmentsTable {
  id: string;
  mime: string;
  size: number;
  sha256: string;
  data: Buffer;
  /** When HQ acknowledged the bytes; null while they are still to upload. */
  uploaded_at: string | null;
}

export interface SyncStateTable {
  id: number;
  hq_url: string | null;
  device_id: string | null;
  credential_ref: string | null;
  acked_seq: number;
  cursor: number;
  enrolled_at: string | null;
  last_attempt_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
}

export interface SyncRejectionsTable {
  event_id: string;
  device_seq: number;
  type: string;
  reason: string;
  detail: string;
  received_at: string;
}

/** A pulled event this build cannot apply yet (electron/sync/parking.ts); `event` is the whole wire event. */
export interface ParkedEventsTable {
  position: Generated<number>;
  event_id: string;
  type: string;
  v: number;
  reason: string;
  detail: string;
  event: string;
}

export interface SyncConflictsTable {
  event_id: string;
  entity: string;
  entity_id: string;
  winner_event_id: string;
}

export interface MailItemsTable {
  id: string;
  batch_id: string;
  register_no: string;
  carrier: string;
  tracking_no: string;
  kind: MailKind;
  occupant_id: string;
  unit_id: string;
  unit_code: string;
  recipient_name: string;
  company: string;
  location: string;
  condition: 'intact' | 'damaged';
  forward_until: string | null;
  received_at: string;
  received_by: string;
  duplicate_of: string | null;
  device_id: string;
  notice_count: number;
  last_notice_at: string | null;
  last_notice_method: string | null;
  status: MailStatus;
  closed_at: string | null;
  closed_by: string | null;
  closing_event_id: string | null;
}

export interface MailClosingsTable {
  id: string;
  item_id: string;
  hlc: string;
  kind: 'pickup' | 'return';
  at: string;
  actor: string;
  signer_name: string | null;
  relation: string | null;
  id_type: string | null;
  id_number_masked: string | null;
  signature_sha256: string | null;
  typed_name: string | null;
  reviewed_by: string | null;
  reason: string | null;
  days_waited: number | null;
  conflict: number;
}

export interface MailNoticesTable {
  id: string;
  item_id: string;
  at: string;
  method: string;
  note: string;
  actor: string;
}

export interface MailDamageTable {
  id: string;
  item_id: string;
  register_no: string;
  what: string;
  /** JSON array of DAMAGE_HOWS. */
  how: string;
  description: string;
  photo_sha256: string | null;
  photo_mime: string | null;
  received_by: string;
  recorded_at: string;
  recorded_by: string;
  corrects_id: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
  device_id: string;
}

export interface NewspaperCountsTable {
  id: string;
  at: string;
  carrier: string;
  title: string;
  expected: number;
  received: number;
  late: number;
  note: string;
  actor: string;
}

export interface AttachmentsTable {
  sha256: string;
  mime: string;
  size: number;
  data: Buffer;
  created_at: string;
  /** When HQ acknowledged the bytes; null while they are still to upload. */
  uploaded_at: string | null;
}

export interface Database {
  sync_state: SyncStateTable;
  sync_rejections: SyncRejectionsTable;
  sync_conflicts: SyncConflictsTable;
  parked_events: ParkedEventsTable;
  events: EventsTable;
  meta: MetaTable;
  counters: CountersTable;
  staff: StaffTable;
  pin_attempts: PinAttemptsTable;
  pin_desk_attempts: PinDeskAttemptsTable;
  sealed_fields: SealedFieldsTable;
  units: UnitsTable;
  occupants: OccupantsTable;
  visits: VisitsTable;
  deny_list: DenyListTable;
  print_jobs: PrintJobsTable;
  settings: SettingsTable;
  site_settings: SiteSettingsTable;
  shifts: ShiftsTable;
  shift_members: ShiftMembersTable;
  handover_acks: HandoverAcksTable;
  log_entries: LogEntriesTable;
  log_attachments: LogAttachmentsTable;
  release_passes: ReleasePassesTable;
  release_gate_checks: ReleaseGateChecksTable;
  fee_charges: FeeChargesTable;
  fee_receipts: FeeReceiptsTable;
  fee_receipt_lines: FeeReceiptLinesTable;
  fee_receipt_payments: FeeReceiptPaymentsTable;
  fee_voids: FeeVoidsTable;
  fee_refunds: FeeRefundsTable;
  drawer_entries: DrawerEntriesTable;
  drawer_counts: DrawerCountsTable;
  fee_reminders: FeeRemindersTable;
  tickets: TicketsTable;
  ticket_steps: TicketStepsTable;
  ticket_deadlines: TicketDeadlinesTable;
  mail_items: MailItemsTable;
  mail_closings: MailClosingsTable;
  mail_notices: MailNoticesTable;
  mail_damage: MailDamageTable;
  newspaper_counts: NewspaperCountsTable;
  attachments: AttachmentsTable;
}

export interface TicketsTable {
  id: string;
  request_id: string;
  ticket_no: string;
  kind: string;
  channel: string;
  occupant_id: string | null;
  customer_name: string;
  unit_code: string;
  company: string;
  customer_phone: string;
  anonymous: number;
  receiver_id: string;
  receiver_name: string;
  occurred_at: string | null;
  location: string;
  concerned: string;
  description: string;
  wants: string;
  place: string;
  category: string;
  problem: string;
  label: string;
  callback_class: string;
  severity: string | null;
  urgency: string | null;
  paid: number;
  charge_fen: number;
  convenient_time: string;
  leak_test_date: string | null;
  promised_reply_at: string | null;
  customer_deadline: string | null;
  target_occupant_id: string | null;
  target_name: string | null;
  target_unit: string | null;
  opened_at: string;
  intake_deadlines: string;
  duplicate_of: string | null;
  state: string;
  is_open: number;
  reopen_count: number;
  department: string | null;
  assignee: string | null;
  deferred_until: string | null;
  defer_reason: string | null;
  cancel_reason: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  last_callback: string | null;
  next_due_at: string | null;
  last_activity_at: string;
  flagged_count: number;
  device_id: string;
}

export interface TicketStepsTable {
  id: string;
  ticket_id: string;
  hlc: string;
  at: string;
  sort: string;
  actor: string;
  text: string;
  detail: string;
  flagged: number;
}

export interface TicketDeadlinesTable {
  ticket_id: string;
  n: number;
  type: string;
  due_at: string;
  met_at: string | null;
}
