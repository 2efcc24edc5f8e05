/** Release passes (物品放行条): the rules the desk, the gate and HQ share. */

/** Who applies: the owner; a tenant or an agent (with consent); staff of a company occupant. */
export const PASS_RELATIONS = ['owner', 'tenant', 'company_staff', 'agent'] as const;
export type PassRelation = (typeof PASS_RELATIONS)[number];

/** How the owner's (or the company contact's) consent was obtained. */
export const CONSENT_METHODS = ['phone', 'written', 'present'] as const;

export const PASS_REASONS = ['moving_out', 'repair', 'disposal', 'other'] as const;

/** Stored state: a pass is issued, then closed once, by the gate (released) or the desk (cancelled). */
export const PASS_STATUSES = ['issued', 'released', 'cancelled'] as const;
export type PassStatus = (typeof PASS_STATUSES)[number];

/** What the gate sees now: only `valid` lets goods out. */
export const PASS_VERDICTS = ['valid', 'not_yet_valid', 'expired', 'used', 'cancelled'] as const;
export type PassVerdict = (typeof PASS_VERDICTS)[number];

export const MAX_WINDOW_DAYS = 7;
/** How far ahead a removal may be booked. */
export const MAX_DAYS_AHEAD = 30;
export const MAX_ITEMS = 50;
export const MAX_QUANTITY = 9999;

/** Quick picks at the desk, grouped as the issue names them; the words are i18n keys' suffixes. */
export const QUICK_ITEMS = {
  furniture: ['sofa', 'bed', 'wardrobe', 'table', 'chairs', 'desk'],
  appliances: ['fridge', 'washer', 'tv', 'aircon', 'computer'],
  boxes: ['box', 'bag'],
} as const;

export function passVerdict(p: { status: PassStatus; validFrom: string; validUntil: string }, now: Date): PassVerdict {
  if (p.status === 'released') return 'used';
  if (p.status === 'cancelled') return 'cancelled';
  const t = now.getTime();
  if (t < Date.parse(p.validFrom)) return 'not_yet_valid';
  if (t > Date.parse(p.validUntil)) return 'expired';
  return 'valid';
}

/**
 * Whose say-so an application needs, by the directory role of the occupant it is made for:
 * a tenant or agent needs the owner's; company staff (or an agent of a company) need the company's
 * registered contact's; an owner needs nobody's (but must be the owner on record).
 */
export function authorityNeeded(relation: PassRelation, forCompany: boolean): 'owner' | 'company' | null {
  if (relation === 'owner') return null;
  if (relation === 'company_staff') return 'company';
  if (relation === 'agent' && forCompany) return 'company';
  return 'owner';
}

/** The window must end after it starts and last at most 7 days. Pure, so the form checks it as typed. */
export function windowProblem(validFrom: string, validUntil: string): string | null {
  const from = Date.parse(validFrom);
  const until = Date.parse(validUntil);
  if (!(until > from)) return 'err.pass.windowOrder';
  if (until - from > MAX_WINDOW_DAYS * 86_400_000) return 'err.pass.windowTooLong';
  return null;
}
