/** The intake desk's vocabulary (domain §3): one ticket model, five kinds. */
export const TICKET_KINDS = ['inquiry', 'complaint', 'repair', 'suggestion', 'message'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

export const TICKET_CHANNELS = ['walk_in', 'phone', 'letter', 'patrol', 'hq'] as const;
export type TicketChannel = (typeof TICKET_CHANNELS)[number];

/** Complaint severity (seed 000): 重大 / 重要 / 轻微. */
export const SEVERITIES = ['major', 'important', 'minor'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Repair urgency (seed 003): 特急 / 急 / 一般. */
export const URGENCIES = ['extra_urgent', 'urgent', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'not_satisfied', 'unreachable'] as const;
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** Kinds whose resolution is followed by a callback before closing: every repair (seed 000), every complaint. */
export const needsCallback = (kind: TicketKind) => kind === 'repair' || kind === 'complaint';

/**
 * The desk code in the numbers of tickets HQ opens for a site (`HY-HQ-T261203-0001`). HQ never enrols a
 * desk with it, so a desk's number (checked to carry its own `{SITE}-{DEVICE}-` prefix) is never HQ's.
 */
export const HQ_TICKET_DESK_CODE = 'HQ';

/** Ticket number `{SITE}-{DEVICE}-T{YYMMDD}-{NNNN}`, gapless per desk and day like the pass numbers. */
export function formatTicketNo(site: string, device: string, day: string, n: number): string {
  if (n < 1 || n > 9999 || !Number.isInteger(n)) throw new RangeError(`ticket sequence out of range: ${n}`);
  if (!/^\d{8}$/.test(day)) throw new RangeError(`day must be YYYYMMDD: ${day}`);
  return `${site}-${device}-T${day.slice(2)}-${String(n).padStart(4, '0')}`;
}
