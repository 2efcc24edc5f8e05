import type { KeyboardEvent } from 'react';

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]), textarea:not([disabled])';

/**
 * Keyboard-first forms: Enter moves to the next field (an open dropdown keeps its Enter; Enter in the last field submits),
 * Ctrl+Enter submits from anywhere in the form.
 */
export function formKeyDown(e: KeyboardEvent<HTMLElement>, submit: () => void): void {
  {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
    if (e.ctrlKey || e.metaKey) {
      e.preventDefault();
      submit();
      return;
    }
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON') return;
    if (target.getAttribute('aria-expanded') === 'true') return;
    e.preventDefault();
    if (!focusNextField(target, e.currentTarget)) submit();
  }
}

/** Moves focus to the field after `from` within `form`; false when `from` was the last one. */
export function focusNextField(from: HTMLElement, form: HTMLElement | null = from.closest('[data-form]')): boolean {
  if (!form) return false;
  const fields = Array.from(form.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null);
  const next = fields[fields.indexOf(from) + 1];
  next?.focus();
  return Boolean(next);
}

/**
 * Alt+P shows the picked host's full phone number for the confirmation call. Alt, not Ctrl: Ctrl+P
 * is the browser's print; the F-keys are pages and Alt+A is the fee page's "every month due".
 * Matched by the physical key too, so a layout where Alt+P types another letter still works.
 */
export const REVEAL_PHONE_KEY = 'Alt+P';
export function isRevealPhoneKey(e: {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): boolean {
  if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return false;
  return e.code === 'KeyP' || e.key.toLowerCase() === 'p';
}
