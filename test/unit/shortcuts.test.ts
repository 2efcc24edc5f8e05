import { describe, expect, it } from 'vitest';
import { SESSION_KEYS, SHORTCUTS, pageForKey, sessionKeyAction } from '../../renderer/src/stores/nav.js';
import { REVEAL_PHONE_KEY, isRevealPhoneKey } from '../../renderer/src/forms/keyboard.js';

const bare = { ctrlKey: false, altKey: false, metaKey: false, shiftKey: false };

describe('F-keys', () => {
  it('a bare F-key opens its page: F10 fees, F11 intake, F12 the mail desk', () => {
    expect(pageForKey({ ...bare, key: 'F12' })).toBe('mail');
    expect(pageForKey({ ...bare, key: 'F11' })).toBe('intake');
    expect(pageForKey({ ...bare, key: 'F10' })).toBe('fees');
    expect(pageForKey({ ...bare, key: 'F2' })).toBe('checkIn');
    expect(pageForKey({ ...bare, key: 'F1' })).toBeNull();
  });

  it('a modified F-key never navigates: Ctrl+F12 is the lock, Alt+F4 the system', () => {
    expect(pageForKey({ ...bare, key: 'F12', ctrlKey: true })).toBeNull();
    expect(pageForKey({ ...bare, key: 'F4', altKey: true })).toBeNull();
    expect(pageForKey({ ...bare, key: 'F7', shiftKey: true })).toBeNull();
  });

  it('no two pages claim the same key', () => {
    const keys = Object.values(SHORTCUTS);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('Ctrl+F12 locks and Ctrl+Shift+F12 signs out; neither opens a page, and no page key does either', () => {
    expect(sessionKeyAction({ ...bare, key: 'F12', ctrlKey: true })).toBe('lock');
    expect(sessionKeyAction({ ...bare, key: 'F12', ctrlKey: true, shiftKey: true })).toBe('signOut');
    expect(pageForKey({ ...bare, key: 'F12', ctrlKey: true, shiftKey: true })).toBeNull();
    for (const key of Object.values(SHORTCUTS)) expect(sessionKeyAction({ ...bare, key: key! })).toBeNull();
    expect(sessionKeyAction({ ...bare, key: 'F12', ctrlKey: true, altKey: true })).toBeNull();
    expect(SESSION_KEYS).toEqual({ lock: 'Ctrl+F12', signOut: 'Ctrl+Shift+F12' });
  });
});

describe('Alt+P: the host phone for the confirmation call', () => {
  const key = (k: string, mods: Partial<typeof bare> = {}, code = `Key${k.toUpperCase()}`) => ({
    ...bare,
    ...mods,
    key: k,
    code,
  });

  it('Alt+P reveals, whatever the layout types for it', () => {
    expect(isRevealPhoneKey(key('p', { altKey: true }))).toBe(true);
    expect(isRevealPhoneKey(key('π', { altKey: true }, 'KeyP'))).toBe(true);
  });

  it('clashes with nothing: not typing p, not Ctrl+P (print), not Alt+A (every month due), not a page key', () => {
    expect(isRevealPhoneKey(key('p'))).toBe(false);
    expect(isRevealPhoneKey(key('p', { ctrlKey: true }))).toBe(false);
    expect(isRevealPhoneKey(key('P', { altKey: true, shiftKey: true }))).toBe(false);
    expect(isRevealPhoneKey(key('a', { altKey: true }))).toBe(false);
    expect(pageForKey(key('p', { altKey: true }))).toBeNull();
    expect(Object.values(SHORTCUTS)).not.toContain(REVEAL_PHONE_KEY);
  });
});
