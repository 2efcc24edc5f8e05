export const ROLES = ['receptionist', 'shift_leader', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const RANK: Record<Role, number> = { receptionist: 0, shift_leader: 1, manager: 2, admin: 3 };

/** Roles are ordered: a manager may do what a shift leader may do, and so on. */
export function roleAtLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export const PIN_LOCKOUT = { maxFailures: 5, lockMinutes: 5 } as const;
export const PIN_PATTERN = /^\d{4,8}$/;
