import { createDecipheriv } from 'node:crypto';
import { isPlainPinHash, PIN_SEAL_PREFIX, pinSealAad } from '../../shared/domain/pinSeal.js';
import { pinSealKey } from '../../shared/node/pinSealKey.js';

/**
 * The scrypt hash to check a PIN against (shared/domain/pinSeal.ts): one set at this desk as it is, one
 * pulled from HQ opened with a key of the desk's ring; null when none opens it (a desk restored onto a new
 * PC before its replacement enrolment brings the site's key).
 */
export function openPinHash(keys: readonly string[], staffId: string, stored: string): string | null {
  if (isPlainPinHash(stored)) return stored;
  if (!stored.startsWith(PIN_SEAL_PREFIX)) return null;
  const raw = Buffer.from(stored.slice(PIN_SEAL_PREFIX.length), 'base64');
  if (raw.length < 29) return null;
  for (const k of keys) {
    try {
      const d = createDecipheriv('aes-256-gcm', pinSealKey(k), raw.subarray(0, 12));
      d.setAAD(Buffer.from(pinSealAad(staffId), 'utf8'));
      d.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString('utf8');
    } catch {
      // sealed under another key
    }
  }
  return null;
}
