import { mkdtempSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { openField, sealField } from '../../electron/privacy/fieldSeal.js';
import { movePlainKey } from '../../electron/privacy/keyStores.js';
import { storedIdKeys } from '../../electron/privacy/idKeys.js';
import type { SecretStore } from '../../electron/sync/secret.js';

const ID = '310104198503127715';

describe('a sealed field (AES-256-GCM)', () => {
  const key = randomBytes(32);
  it('opens with its key and record, and holds no plain text', () => {
    const sealed = sealField(key, ID, 'visit:v1:idNumber');
    expect(sealed).not.toContain(ID);
    expect(Buffer.from(sealed.slice(3), 'base64').includes(Buffer.from(ID))).toBe(false);
    expect(openField(key, sealed, 'visit:v1:idNumber')).toBe(ID);
    // A fresh IV each time: the same number seals differently, so equal numbers cannot be linked.
    expect(sealField(key, ID, 'visit:v1:idNumber')).not.toBe(sealed);
  });
  it('refuses another key, another record, or changed bytes', () => {
    const sealed = sealField(key, ID, 'visit:v1:idNumber');
    expect(() => openField(randomBytes(32), sealed, 'visit:v1:idNumber')).toThrow();
    expect(() => openField(key, sealed, 'visit:v2:idNumber')).toThrow();
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => openField(key, `v1.${raw.toString('base64')}`, 'visit:v1:idNumber')).toThrow();
  });
});

/** A stand-in for Electron safeStorage: what it stores is only readable through it. */
function sealedStore(): SecretStore & { value: string | null } {
  return {
    ref: 'safeStorage:id-key.enc',
    value: null,
    get() {
      return this.value;
    },
    set(v) {
      this.value = v;
    },
  };
}

describe('the ID key moves out of the plain file into the sealed store', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  it('keeps the same ring, removes the plain file, and does it once', () => {
    dir = mkdtempSync(join(tmpdir(), 'lobbydesk-keys-'));
    const ring = JSON.stringify({ current: 'a'.repeat(64), previous: ['b'.repeat(64)] });
    writeFileSync(join(dir, 'id-key'), ring, { mode: 0o600 });
    const store = sealedStore();
    movePlainKey(dir, 'id-key', store);
    expect(existsSync(join(dir, 'id-key'))).toBe(false);
    expect(store.value).toBe(ring);
    const keys = storedIdKeys(store);
    expect(keys.current()).toBe('a'.repeat(64));
    expect(keys.hashes(ID)).toHaveLength(2);
    // A second start finds nothing to move and keeps the sealed ring.
    movePlainKey(dir, 'id-key', store);
    expect(store.value).toBe(ring);
  });
  it('leaves the desk server’s own 0600 file where it is', () => {
    dir = mkdtempSync(join(tmpdir(), 'lobbydesk-keys-'));
    writeFileSync(join(dir, 'id-key'), '{"current":"c","previous":[]}', { mode: 0o600 });
    movePlainKey(dir, 'id-key', { ref: 'file:id-key', get: () => null, set: () => undefined });
    expect(readFileSync(join(dir, 'id-key'), 'utf8')).toContain('"c"');
  });
});
