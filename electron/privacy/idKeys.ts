import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { idNumberHash } from './idHash.js';

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
  /** Takes the site's key from HQ; the desk's previous key stays for matching its own older records. */
  adopt(key: string): void;
}

interface Ring {
  current: string;
  previous: string[];
}

/** Desk-server mode: the ring in a 0600 file next to the HQ secret, written atomically. */
export function fileIdKeys(dataDir: string): IdKeys {
  const file = join(dataDir, 'id-key');
  const save = (ring: Ring) => {
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(ring), { mode: 0o600 });
    chmodSync(tmp, 0o600);
    renameSync(tmp, file);
  };
  let ring: Ring;
  if (existsSync(file)) ring = JSON.parse(readFileSync(file, 'utf8')) as Ring;
  else save((ring = { current: randomBytes(32).toString('hex'), previous: [] }));
  return {
    current: () => ring.current,
    hashes: (idNumber) =>
      idNumberHash(ring.current, idNumber) ? [ring.current, ...ring.previous].map((k) => idNumberHash(k, idNumber)) : [],
    adopt(key) {
      if (key === ring.current) return;
      save((ring = { current: key, previous: [ring.current, ...ring.previous.filter((k) => k !== key)] }));
    },
  };
}
