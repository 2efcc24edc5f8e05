import { create } from 'zustand';

export type Page =
  | 'checkIn'
  | 'onSite'
  | 'history'
  | 'log'
  | 'shift'
  | 'passIssue'
  | 'passes'
  | 'gate'
  | 'fees'
  | 'intake'
  | 'tickets'
  | 'ticketStats'
  | 'mail'
  | 'directory'
  | 'deny'
  | 'staff'
  | 'settings'
  | 'sync'
  | 'conflicts';

/** The F-keys of the daily pages: the menu, the page titles and the key handler all read this. */
export const SHORTCUTS: Partial<Record<Page, string>> = {
  checkIn: 'F2',
  onSite: 'F3',
  history: 'F4',
  log: 'F5',
  shift: 'F6',
  passIssue: 'F7',
  passes: 'F8',
  gate: 'F9',
  fees: 'F10',
  intake: 'F11',
  mail: 'F12',
};

/**
 * The page an F-key opens, or null. Only a bare F-key navigates: Ctrl+F12 locks the desk, and a
 * modified F-key is the browser's or the system's (Alt+F4), never a page.
 */
export function pageForKey(e: {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}): Page | null {
  if (e.ctrlKey || e.altKey || e.metaKey || e.shiftKey) return null;
  const hit = (Object.keys(SHORTCUTS) as Page[]).find((p) => SHORTCUTS[p] === e.key);
  return hit ?? null;
}

type KeyLike = Parameters<typeof pageForKey>[0];

/** The session's keys, shown beside their menu items: Ctrl+F12 locks the desk, Ctrl+Shift+F12 signs out. */
export const SESSION_KEYS = { lock: 'Ctrl+F12', signOut: 'Ctrl+Shift+F12' } as const;

export function sessionKeyAction(e: KeyLike): 'lock' | 'signOut' | null {
  if (e.key !== 'F12' || !e.ctrlKey || e.altKey || e.metaKey) return null;
  return e.shiftKey ? 'signOut' : 'lock';
}

interface NavState {
  page: Page;
  /** Bumped on every navigation so a page can focus its first field even when already shown. */
  focusTick: number;
  go(page: Page): void;
}

export const useNav = create<NavState>((set, get) => ({
  page: 'checkIn',
  focusTick: 0,
  go: (page) => set({ page, focusTick: get().focusTick + 1 }),
}));
