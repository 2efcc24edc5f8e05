/**
 * Staff roles. `guard` is the gate post: it may verify release passes and record what left, and
 * nothing at the desk. Roles are still one rank order, with the guard below the receptionist:
 * every desk procedure asks for at least 'receptionist', so a guard reaches none of them, while
 * the gate procedures ask for 'guard', so a receptionist or leader can also check a pass at the desk.
 * Listed with the guard last so forms that offer roles keep the desk roles first.
 */
export const ROLES = ['receptionist', 'shift_leader', 'manager', 'admin', 'guard'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { guard: -1, receptionist: 0, shift_leader: 1, manager: 2, admin: 3 };

/** Roles are ordered: a manager may do what a shift leader may do, and so on; a guard is below them all. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

/**
 * Who may edit, disable, enable or reset the PIN of whom (and give which role): an admin anyone,
 * a manager the floor (people and roles up to shift leader), nobody else.
 */
export function mayManageRole(actor: Role, target: Role): boolean {
  if (actor === 'admin') return true;
  return actor === 'manager' && !roleAtLeast(target, 'manager');
}

/**
 * Wrong PINs per account before it locks, and how long each lock in a row lasts (the last repeats).
 * Desk-wide: at most `deskPerMinute` PIN attempts in any minute across all staff numbers, so a burst
 * spread over many accounts is refused too.
 */
export const PIN_LOCKOUT = { maxFailures: 5, lockMinutes: [5, 15, 60], deskPerMinute: 20 } as const;
export const PIN_PATTERN = /^\d{4,8}$/;
