import { describe, expect, it } from 'vitest';
import {
  allowedHosts,
  isHostAllowed,
  isLoopback,
  isOriginAllowed,
  keyMustRotate,
  listenRefusal,
  sessionCookie,
  sessionKeysIn,
} from '../../electron/server/trust.js';
import { SessionKeys } from '../../electron/server/sessionKeys.js';

describe('desk server Host policy', () => {
  const names = allowedHosts(5390, ' Desk1.lan , 10.0.0.5:8443,', false);

  it('answers to loopback by its three spellings on its own port', () => {
    for (const h of ['127.0.0.1:5390', 'localhost:5390', '[::1]:5390', 'LOCALHOST:5390'])
      expect(isHostAllowed(h, names)).toBe(true);
  });

  it('refuses rebinding names, other ports, a missing Host and look-alikes', () => {
    for (const h of [
      undefined,
      '',
      'evil.example:5390',
      'evil.localhost:5390',
      '127.0.0.1:5391',
      '127.0.0.1',
      'localhost.evil:5390',
      '127.0.0.1:5390.evil',
    ])
      expect(isHostAllowed(h, names)).toBe(false);
  });

  it('adds the LOBBYDESK_ALLOWED_HOSTS names, on the desk port unless one is written', () => {
    expect(isHostAllowed('desk1.lan:5390', names)).toBe(true);
    expect(isHostAllowed('10.0.0.5:8443', names)).toBe(true);
    expect(isHostAllowed('10.0.0.5:5390', names)).toBe(false);
  });

  it('accepts a bare name only on the scheme default port', () => {
    expect(isHostAllowed('localhost', allowedHosts(443, undefined, true))).toBe(true);
    expect(isHostAllowed('localhost', allowedHosts(443, undefined, false))).toBe(false);
  });
});

describe('desk server Origin policy', () => {
  const names = allowedHosts(5390, undefined, false);
  it('lets a request without Origin through and a same-desk Origin', () => {
    expect(isOriginAllowed(undefined, names, false)).toBe(true);
    expect(isOriginAllowed('http://127.0.0.1:5390', names, false)).toBe(true);
  });
  it('refuses another name, another scheme, another port and "null"', () => {
    for (const o of ['http://evil.localhost:5390', 'https://127.0.0.1:5390', 'http://127.0.0.1:80', 'null', ''])
      expect(isOriginAllowed(o, names, false)).toBe(false);
    expect(isOriginAllowed('http://127.0.0.1:5390', names, true)).toBe(false);
  });
});

describe('desk server session cookie', () => {
  it('is HttpOnly, SameSite=Strict, Path=/ and Secure only under TLS', () => {
    expect(sessionCookie('k', false)).toBe('ld_session=k; Path=/; HttpOnly; SameSite=Strict');
    expect(sessionCookie('k', true)).toBe('ld_session=k; Path=/; HttpOnly; SameSite=Strict; Secure');
  });
  it('reads every ld_session value a Cookie header carries', () => {
    expect(sessionKeysIn('a=1; ld_session=planted; ld_session=real')).toEqual(['planted', 'real']);
    expect(sessionKeysIn('xld_session=no')).toEqual([]);
  });
  it('issues 32 random bytes and accepts only keys it issued and has not ended', () => {
    const keys = new SessionKeys(() => false);
    const a = keys.issue();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(keys.issue()).not.toBe(a);
    expect(keys.has(a)).toBe(true);
    expect(keys.has('a')).toBe(false);
    keys.retire(a);
    expect(keys.has(a)).toBe(false);
    expect(keys.wasRetired(a)).toBe(true);
  });
  it('never evicts a signed-in key to make room for a flood of new ones', () => {
    let first = '';
    const keys = new SessionKeys((k) => k === first);
    first = keys.issue();
    for (let i = 0; i < 6000; i++) keys.issue();
    expect(keys.has(first)).toBe(true);
  });
});

describe('key rotation', () => {
  const on = { staffId: 's1', locked: false };
  it('rotates on a sign-in or unlock that succeeded', () => {
    expect(keyMustRotate('auth:signIn', true, undefined, on)).toBe(true);
    expect(keyMustRotate('auth:signIn', true, on, on)).toBe(true);
    expect(keyMustRotate('setup:complete', true, undefined, on)).toBe(true);
    expect(keyMustRotate('auth:signIn', false, undefined, undefined)).toBe(false);
  });
  it('rotates on sign-out, lock and idle lock, not on ordinary calls', () => {
    expect(keyMustRotate('auth:signOut', true, on, undefined)).toBe(true);
    expect(keyMustRotate('auth:lock', true, on, { ...on, locked: true })).toBe(true);
    expect(keyMustRotate('visits:list', false, on, { ...on, locked: true })).toBe(true);
    expect(keyMustRotate('visits:list', true, on, on)).toBe(false);
    expect(keyMustRotate('setup:status', true, undefined, undefined)).toBe(false);
  });
});

describe('where the desk may listen', () => {
  it('treats only loopback addresses as local', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopback(h)).toBe(true);
    for (const h of ['0.0.0.0', '::', '192.168.1.5', 'desk1.lan']) expect(isLoopback(h)).toBe(false);
  });
  it('refuses a LAN address without TLS in one line saying why, and allows it with TLS', () => {
    const why = listenRefusal('0.0.0.0', false);
    expect(why).toMatch(/clear text.*LOBBYDESK_TLS_CERT and LOBBYDESK_TLS_KEY/);
    expect(why).not.toContain('\n');
    expect(listenRefusal('0.0.0.0', true)).toBeNull();
    expect(listenRefusal('127.0.0.1', false)).toBeNull();
  });
});
