import { hkdfSync } from 'node:crypto';
import { hashPin } from '../api/pin.js';
import { openField, sealField } from './fieldSeal.js';
import type { IdKeys } from './idKeys.js';
import { isPlainPinHash } from '../../shared/domain/legacyPinHash.js';

/**
 * PIN verification data (the scrypt hash of ../api/pin.ts) is never kept or sent in the clear
 * (issue 16 item 6): events, the staff table and HQ carry it sealed with AES-256-GCM (./fieldSeal.ts)
 * under a subkey of the site's ID key (./idKeys.ts), which only the site's desks hold (safeStorage /
 * a 0600 file). HQ stores and forwards the sealed value and cannot open it, so neither its database
 * nor a copied data folder without the key yields a hash to brute-force offline. A distinct HKDF
 * label keeps the PIN key apart from the ID-hash key; `aad` binds the seal to the person, so a sealed
 * hash copied onto another staff member does not open there.
 */
const LABEL = 'lobbydesk/staff-pin-seal/v1';
const aad = (staffId: string) => `staff:${staffId}:pin`;

const derived = new Map<string, Buffer>();
export function pinSealKey(idKey: string): Buffer {
  let k = derived.get(idKey);
  if (!k) derived.set(idKey, (k = Buffer.from(hkdfSync('sha256', Buffer.from(idKey, 'utf8'), Buffer.alloc(0), LABEL, 32))));
  return k;
}

export const sealPinHash = (idKey: string, staffId: string, hash: string): string =>
  sealField(pinSealKey(idKey), hash, aad(staffId));

/** A new PIN as events carry it: hashed, then sealed with the site's current key. */
export async function sealedPin(keys: IdKeys, staffId: string, pin: string): Promise<string> {
  return sealPinHash(keys.current(), staffId, await hashPin(pin));
}

function openWith(idKey: string, staffId: string, stored: string): string | null {
  try {
    return openField(pinSealKey(idKey), stored, aad(staffId));
  } catch {
    return null;
  }
}

/**
 * The scrypt hash to check a PIN against: opened with any key of the desk's ring (a desk set up
 * offline also holds its own first key). Null when no key opens it (sealed by a desk of another key,
 * or blanked by HQ's migration 011): the PIN then reads as wrong until it is reset.
 */
export function openPinHash(keys: IdKeys, staffId: string, stored: string): string | null {
  if (!stored) return null;
  if (isPlainPinHash(stored)) return stored;
  for (const k of keys.all()) {
    const opened = openWith(k, staffId, stored);
    if (opened) return opened;
  }
  return null;
}

/**
 * The value sealed under the current key, or null when it already is (or no key of the ring opens it).
 * A plain hash from an older version is sealed; one under a previous key (a desk that adopted the
 * site's key at enrolment) is opened and sealed again: only the seal changes, the PIN stays.
 */
export function resealed(keys: IdKeys, staffId: string, stored: string): string | null {
  if (!stored || openWith(keys.current(), staffId, stored) !== null) return null;
  const hash = openPinHash(keys, staffId, stored);
  return hash ? sealPinHash(keys.current(), staffId, hash) : null;
}
