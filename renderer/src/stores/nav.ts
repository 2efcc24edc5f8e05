import { create } from 'zustand';

export type Page =
  'checkIn' | 'onSite' | 'history' | 'passIssue' | 'passes' | 'gate' | 'directory' | 'deny' | 'staff' | 'settings';

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
