import { hkdfSync } from 'node:crypto';
import { PIN_SEAL_LABEL } from '../domain/pinSeal.js';

const derived = new Map<string, Buffer>();

/**
 * The AES-256 key that seals a site's PIN hashes (shared/domain/pinSeal.ts), derived from the site key by
 * HKDF once per key and process: HQ seals every PIN event of every push and pull with it, the desk opens
 * pulled ones. One derivation for both sides, so sealing and opening cannot drift apart.
 */
export function pinSealKey(siteKey: string): Buffer {
  let key = derived.get(siteKey);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', Buffer.from(siteKey, 'utf8'), Buffer.alloc(0), PIN_SEAL_LABEL, 32));
    derived.set(siteKey, key);
  }
  return key;
}
