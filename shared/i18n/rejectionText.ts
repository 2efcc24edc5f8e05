import type { TFunction } from 'i18next';
import type { RejectionView } from '../api/conflictSchemas.js';

/** HQ's reasons the desk words; any other (a newer HQ's) is said as "another reason" with its code. */
export const KNOWN_REASONS = [
  'actor_disabled',
  'actor_role',
  'approver_disabled',
  'approver_role',
  'duplicate_id',
  'duplicate_receipt_id',
  'duplicate_receipt_no',
  'foreign_number',
  'forged_actor',
  'forged_device',
  'hlc_ahead',
  'held_for_hq',
  'invalid_payload',
  'refused_at_hq',
  'retention_cutoff_too_late',
  'setup_only',
  'staff_exists',
  'unknown_actor',
  'unknown_approver',
  'unknown_damage',
  'unknown_log_entry',
  'unknown_staff',
  'unknown_ticket',
  'unknown_type',
  'unknown_version',
  'unknown_visit',
  'wrong_device',
  'wrong_site',
] as const;

/** Event types named one by one; the rest by their family (a visit, a fee, a ticket...). */
const NAMED_TYPES = [
  'VisitorCheckedIn',
  'VisitorCheckedOut',
  'VisitAutoClosed',
  'PaymentReceived',
  'ReceiptVoided',
  'RefundIssued',
  'TicketOpened',
  'TicketTransitioned',
  'TicketCancelled',
  'TicketReopened',
  'MailReceived',
  'MailPickedUp',
  'MailReturned',
  'ReleasePassIssued',
  'ReleasePassReleased',
  'SiteSettingsChanged',
  'StaffCreated',
  'StaffUpdated',
] as const;
const FAMILIES: [RegExp, string][] = [
  [/^Visit/, 'visit'],
  [/^(Payment|Receipt|Refund|Charges|Drawer|Cash|Reminder)/, 'fee'],
  [/^Ticket/, 'ticket'],
  [/^(Mail|Newspaper)/, 'mail'],
  [/^ReleasePass/, 'pass'],
  [/^Staff/, 'staff'],
  [/^(Shift|Handover)/, 'shift'],
  [/^Log/, 'log'],
];

/** The event type in the desk's language: its own name, else its family's ("a fee record"). */
export function eventTypeName(t: TFunction, type: string): string {
  if ((NAMED_TYPES as readonly string[]).includes(type)) return t(`conflicts.eventType.${type}`);
  const family = FAMILIES.find(([re]) => re.test(type))?.[1] ?? 'other';
  return t(`conflicts.eventFamily.${family}`);
}

export function reasonText(t: TFunction, reason: string): string {
  if ((KNOWN_REASONS as readonly string[]).includes(reason)) return t(`conflicts.reason.${reason}`);
  return t('conflicts.reason.other', { code: reason });
}

/** One rejection as a leader reads it: what, about whom, why — never an id or a JSON payload. */
export function rejectionWording(
  t: TFunction,
  r: Pick<RejectionView, 'type' | 'reason' | 'identity'>,
): { what: string; about: string; why: string } {
  return {
    what: eventTypeName(t, r.type),
    about: r.identity ? `${t(`conflicts.identity.${r.identity.kind}`)} ${r.identity.label}` : t('conflicts.identity.none'),
    why: reasonText(t, r.reason),
  };
}
