import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openPinHash } from '../../electron/privacy/pinSeal.js';
import { sealPinHash, withSealedPinHash } from '../../hq/src/store/pinSeal.js';

// Any text seals the same way; a real scrypt hash would only make the test slower.
const HASH = 'scrypt$16384$8$1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5';
const key = () => randomBytes(32).toString('hex');

describe('a PIN hash sealed by HQ', () => {
  it('opens with the site key for that person only, holds no part of the hash, and seals the same twice', () => {
    const site = key();
    const sealed = sealPinHash(site, 'S1', HASH);
    expect(sealed).not.toContain('scrypt$');
    expect(sealed).not.toContain('a2V5a2V5');
    expect(sealPinHash(site, 'S1', HASH)).toBe(sealed);
    expect(openPinHash([key(), site], 'S1', sealed)).toBe(HASH);
    // Copied onto another person, or read with another site's key, it opens to nothing.
    expect(openPinHash([site], 'S2', sealed)).toBeNull();
    expect(openPinHash([key()], 'S1', sealed)).toBeNull();
    // One set at this desk is read as it is; a blank or foreign value is no hash.
    expect(openPinHash([], 'S1', HASH)).toBe(HASH);
    expect(openPinHash([site], 'S1', '')).toBeNull();
  });

  it('HQ seals the plain hash of PIN events only, and only once it holds the site key', () => {
    const site = key();
    const e = { type: 'StaffPinReset', payload: { staffId: 'S1', pinHash: HASH } };
    const stored = withSealedPinHash(e, site);
    expect(openPinHash([site], 'S1', stored.payload.pinHash)).toBe(HASH);
    expect(withSealedPinHash(stored, site)).toBe(stored);
    expect(withSealedPinHash(e, null)).toBe(e);
    const other = { type: 'StaffUpdated', payload: { staffId: 'S1', pinHash: HASH } };
    expect(withSealedPinHash(other, site)).toBe(other);
  });
});
