import { describe, expect, it } from 'vitest';
import { sealField } from '../../electron/privacy/fieldSeal.js';
import { storedIdKeys } from '../../electron/privacy/idKeys.js';
import { openPinHash, resealed, sealPinHash } from '../../electron/privacy/pinSeal.js';
import type { SecretStore } from '../../electron/sync/secret.js';

// Any text seals the same way; a real scrypt hash would only make the test slower.
const HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5';

const memoryStore = (): SecretStore => {
  let value: string | null = null;
  return { ref: 'memory', get: () => value, set: (v) => void (value = v) };
};
const ringOf = () => storedIdKeys(memoryStore());

describe('a sealed PIN hash', () => {
  it('opens with a key of the ring for that person only, and holds no part of the hash', () => {
    const keys = ringOf();
    const sealed = sealPinHash(keys.current(), 'S1', HASH);
    expect(sealed).not.toContain('scrypt$');
    expect(sealed).not.toContain(HASH.split('$')[5]);
    expect(openPinHash(keys, 'S1', sealed)).toBe(HASH);
    // Copied onto another person, or read with another site's key, it opens to nothing.
    expect(openPinHash(keys, 'S2', sealed)).toBeNull();
    expect(openPinHash(ringOf(), 'S1', sealed)).toBeNull();
    // The subkey is not the ID-hash key itself: sealing under the raw key is a different seal.
    expect(openPinHash(keys, 'S1', sealField(Buffer.from(keys.current(), 'hex'), HASH, 'staff:S1:pin'))).toBeNull();
  });

  it('after adopting the site key: opens under the old key and is sealed again under the new one', () => {
    const keys = ringOf();
    const own = sealPinHash(keys.current(), 'S1', HASH);
    const site = ringOf().current();
    keys.adopt(site);
    expect(openPinHash(keys, 'S1', own)).toBe(HASH);
    const again = resealed(keys, 'S1', own)!;
    expect(openPinHash(storedIdKeys(ringStore(site)), 'S1', again)).toBe(HASH);
    // Already under the current key: nothing to do; a plain legacy hash is sealed.
    expect(resealed(keys, 'S1', again)).toBeNull();
    expect(openPinHash(keys, 'S1', resealed(keys, 'S1', HASH)!)).toBe(HASH);
    // Nothing of the ring opens it (another site's desk): left as it is, and it reads as no hash.
    expect(resealed(keys, 'S1', sealPinHash(ringOf().current(), 'S1', HASH))).toBeNull();
    expect(openPinHash(keys, 'S1', '')).toBeNull();
  });
});

function ringStore(current: string): SecretStore {
  const store = memoryStore();
  store.set(JSON.stringify({ current, previous: [] }));
  return store;
}
