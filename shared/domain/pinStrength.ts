import { roleAtLeast, type Role } from './staff.js';

/** Admins and managers hold the keys to everyone else: their PIN is at least this long. */
export const STRONG_ROLE_PIN_LENGTH = 6;

const allOneDigit = (pin: string) => /^(\d)\1*$/.test(pin);

/** 1234, 0123, 4321, 9876: every digit one up (or every digit one down) from the last, no wrap-around. */
function isRun(pin: string): boolean {
  const steps = [...pin].slice(1).map((d, i) => Number(d) - Number(pin[i]));
  return steps.every((s) => s === 1) || steps.every((s) => s === -1);
}

/**
 * Why a new PIN is too easy to guess, as an i18n key, or null when it is fine. Checked: one digit
 * repeated, an ascending or descending run, the staff number itself (or its digits), and the length an
 * admin's or manager's PIN needs. Birthdays are not checkable (the desk does not know them).
 */
export function weakPinReason(pin: string, staffNo: string, role: Role): string | null {
  if (allOneDigit(pin) || isRun(pin)) return 'err.pin.weak';
  const digits = staffNo.replace(/\D/g, '');
  if (pin === staffNo || (digits.length >= 4 && pin === digits)) return 'err.pin.weak';
  if (roleAtLeast(role, 'manager') && pin.length < STRONG_ROLE_PIN_LENGTH) return 'err.pin.shortForRole';
  return null;
}
