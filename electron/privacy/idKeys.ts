import { randomBytes } from 'node:crypto';
import { idNumberHash, phoneHash } from './idHash.js';
import type { SecretStore } from '../sync/secret.js';

/**
 * The site's ID key (HMAC key of ./idHash.ts). A desk set up offline makes its own; at
 * enrolment the desk offers it and HQ answers with the site's key (the first desk's becomes the
 * site's), which the desk adopts. A hash cannot be re-keyed without the full number, which the desk
 * no longer has, so an adopted-over key stays in the ring: this desk still matches its own earlier
 * records, and the other desks match them by phone and name.
 */
export interface IdKeys {
  /** The key new records are hashed with. */
  current(): string;
  /** The hashes an ID number may be stored under at this desk (current key first). */
  hashes(idNumber: string): string[];
  /** The hashes a visitor's phone may be stored under at this desk (current key first). */
  phoneHashes(phone: string): string[];
  /** Every key of the ring, current first (a PIN hash pulled from HQ opens under one, shared/domain/pinSeal.ts). */
  all(): string[];
  /** Takes the site's key from HQ; the desk's previous key stays for matching its own older records. */
  adopt(key: string): void;
}

interface Ring {
  current: string;
  previous: string[];
}

/**
 * The ring kept in `store`: Electron's safeStorage (the OS keychain seals it, so a copied data folder
 * does not carry the key) or, in desk-server mode, a 0600 file next to the HQ secret.
 */
export function storedIdKeys(store: SecretStore): IdKeys {
  const save = (ring: Ring) => store.set(JSON.stringify(ring));
  const kept = store.get();
  let ring: Ring;
  if (kept) ring = JSON.parse(kept) as Ring;
  else save((ring = { current: randomBytes(32).toString('hex'), previous: [] }));
  return {
    current: () => ring.current,
    all: () => [ring.current, ...ring.previous],
    hashes: (idNumber) =>
      idNumberHash(ring.current, idNumber) ? [ring.current, ...ring.previous].map((k) => idNumberHash(k, idNumber)) : [],
    phoneHashes: (phone) =>
      phoneHash(ring.current, phone) ? [ring.current, ...ring.previous].map((k) => phoneHash(k, phone)) : [],
    adopt(key) {
      if (key === ring.current) return;
      save((ring = { current: key, previous: [ring.current, ...ring.previous.filter((k) => k !== key)] }));
    },
  };
}

export const ID_KEY_NAME = 'id-key';
