import { eventWithoutFullIdNumber, maskedOnly } from '../../../shared/domain/legacyIdNumber.js';
import { checkInWithoutFullPhone, phoneMaskedOnly } from '../../../shared/domain/legacyPhone.js';

const CARRIES_ID = new Set(['VisitorCheckedIn', 'ReleasePassIssued', 'DenyEntryAdded']);

/**
 * A desk one schema version behind (HQ accepts it) still pushes full ID numbers (and visitors' full
 * phones): HQ stores and forwards them masked (without a hash, which needs the number HQ then drops), never in full.
 */
export function withoutFullIdNumbers<E extends { type: string; payload?: unknown }>(e: E): E {
  if (!CARRIES_ID.has(e.type) || !e.payload || typeof e.payload !== 'object') return e;
  let payload = eventWithoutFullIdNumber(e.type, e.payload as Record<string, unknown>, maskedOnly);
  // …and a visitor's full phone, from a desk before schema 16.
  if (e.type === 'VisitorCheckedIn') payload = checkInWithoutFullPhone(payload, phoneMaskedOnly);
  return { ...e, payload };
}
