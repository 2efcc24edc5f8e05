/**
 * Mail and parcels (报刊函件, domain §6 / seed 000): what the desk signs for, how it can be damaged,
 * who may collect it, and when unclaimed registered mail may go back to the post office.
 */
export const MAIL_KINDS = ['registered_letter', 'parcel', 'money_order', 'newspaper'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export const MAIL_CONDITIONS = ['intact', 'damaged'] as const;
export const DAMAGE_HOWS = ['torn', 'wet', 'crushed', 'open'] as const;
export type DamageHow = (typeof DAMAGE_HOWS)[number];

export const NOTICE_METHODS = ['phone', 'sms', 'in_person', 'slip'] as const;
export const PICKUP_RELATIONS = ['recipient', 'authorised'] as const;
export const MAIL_STATUSES = ['on_shelf', 'picked_up', 'returned'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** Seed 000: a moved-out resident gets one month of forwarding, and a notice every week. */
export const FORWARDING_DAYS = 30;
export const FORWARDING_NOTICE_DAYS = 7;
/** Default days an unclaimed item waits before the supervisor may send it back (desk setting). */
export const DEFAULT_RETURN_DAYS = 15;

export const DAY_MS = 86_400_000;

/** Scanner input is what the label says: spaces, dashes and case do not make a different item. */
export function normalizeTrackingNo(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}

/** Whole days an item has waited at the desk (a day starts counting after 24 hours). */
export function daysWaiting(receivedAt: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(receivedAt)) / DAY_MS);
}

/** Unclaimed long enough to be returned: the supervisor may then review it (never automatic). */
export function returnDue(receivedAt: string, now: Date, returnDays: number): boolean {
  return daysWaiting(receivedAt, now) >= returnDays;
}

/**
 * Until when an item is forwarded (kept in the moved-out cabinet): a month from the day the directory
 * says the resident left, or — the receptionist ticked "moved out" for someone the directory does not
 * know has left — a month from now. Null: an ordinary item.
 */
export function forwardingUntil(movedOutOn: string | null, ticked: boolean, now: Date): string | null {
  if (movedOutOn) return new Date(Date.parse(`${movedOutOn}T00:00:00`) + FORWARDING_DAYS * DAY_MS).toISOString();
  return ticked ? new Date(now.getTime() + FORWARDING_DAYS * DAY_MS).toISOString() : null;
}

/** A forwarded item wants a notice when none was made, or the last one is a week old. */
export function forwardingNoticeDue(lastNoticeAt: string | null, now: Date): boolean {
  if (!lastNoticeAt) return true;
  return now.getTime() - Date.parse(lastNoticeAt) >= FORWARDING_NOTICE_DAYS * DAY_MS;
}
