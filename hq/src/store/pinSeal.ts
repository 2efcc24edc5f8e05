import { createCipheriv, createHmac } from 'node:crypto';
import { isPlainPinHash, PIN_EVENTS, PIN_SEAL_PREFIX, pinSealAad } from '../../../shared/domain/pinSeal.js';
import { pinSealKey } from '../../../shared/node/pinSealKey.js';

/**
 * HQ seals the PIN hash of every event it stores and forwards with the site's key (shared/domain/pinSeal.ts).
 * The IV is derived from the hash (HMAC), so sealing one event again — an older row pulled twice — gives
 * the same text: only equality shows, and the hash carries a random salt of its own.
 */
export function sealPinHash(siteKey: string, staffId: string, hash: string): string {
  const key = pinSealKey(siteKey);
  const aad = Buffer.from(pinSealAad(staffId), 'utf8');
  const iv = createHmac('sha256', key).update(aad).update('\0').update(hash).digest().subarray(0, 12);
  const c = createCipheriv('aes-256-gcm', key, iv);
  c.setAAD(aad);
  const body = Buffer.concat([c.update(hash, 'utf8'), c.final()]);
  return PIN_SEAL_PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
}

/** An event as HQ stores and forwards it: a plain PIN hash sealed with the site's key (none yet: as it is). */
export function withSealedPinHash<E extends { type: string; payload?: unknown }>(e: E, siteKey: string | null): E {
  if (!siteKey || !PIN_EVENTS.includes(e.type) || !e.payload || typeof e.payload !== 'object') return e;
  const p = e.payload as Record<string, unknown>;
  if (!isPlainPinHash(p.pinHash) || typeof p.staffId !== 'string') return e;
  return { ...e, payload: { ...p, pinHash: sealPinHash(siteKey, p.staffId, p.pinHash as string) } };
}
