/** The events that carry a staff member's PIN verification data (`pinHash`). */
export const PIN_EVENTS: readonly string[] = ['StaffCreated', 'StaffPinChanged', 'StaffPinReset'];

/**
 * Before this version the `pinHash` of those events was the scrypt hash itself (`scrypt$N$r$p$…`);
 * since, it is sealed with a key only the site's desks hold (electron/privacy/pinSeal.ts).
 */
export const isPlainPinHash = (value: unknown): boolean => typeof value === 'string' && value.startsWith('scrypt$');

/**
 * What HQ keeps of an event from an older desk: the plain hash blanked, since HQ cannot seal it (it
 * never holds the key). The person's PIN then works at the desk that set it; elsewhere it reads as
 * wrong until a manager resets it (the reset travels sealed).
 */
export function withoutPlainPinHash<E extends { type: string; payload?: unknown }>(e: E): E {
  if (!PIN_EVENTS.includes(e.type) || !e.payload || typeof e.payload !== 'object') return e;
  const p = e.payload as Record<string, unknown>;
  return isPlainPinHash(p.pinHash) ? { ...e, payload: { ...p, pinHash: '' } } : e;
}
