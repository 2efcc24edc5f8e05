/**
 * HQ's rejections a re-send can fix: they depend on what HQ knew when it judged (its staff records, its
 * clock, a record another desk had not sent yet), so once an administrator has put that right, the same
 * stored event judged again may pass. Everything else is about the event itself (a number without the
 * desk's prefix, a receipt number used twice, a payload off its schema, another site's event) and a
 * re-send would be refused for the same reason: the desk does not offer it and HQ refuses it.
 */
export const RESENDABLE_REASONS: readonly string[] = [
  'unknown_actor',
  'actor_role',
  'actor_disabled',
  'unknown_approver',
  'approver_role',
  'approver_disabled',
  'unknown_staff',
  'hlc_ahead',
  'unknown_visit',
  'unknown_release_pass',
  'unknown_mail_item',
  'unknown_receipt',
  'unknown_ticket',
  'unknown_log_entry',
  'unknown_damage',
];

export const resendable = (reason: string) => RESENDABLE_REASONS.includes(reason);
