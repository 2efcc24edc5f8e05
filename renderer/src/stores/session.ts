import { create } from 'zustand';
import type { SessionInfo } from '../../../shared/api/schemas';
import { call } from '../api/desk';
import { setDeskZone } from '../../../shared/domain/deskTime';

type Phase = 'loading' | 'setup' | 'signIn' | 'locked' | 'ready';

interface SessionState {
  phase: Phase;
  session: SessionInfo | null;
  /** Who was signed in when the desk locked, to prefill the unlock form. */
  lastStaffNo: string;
  /** A word for the sign-in screen after a sign-out (交班完成), cleared at the next sign-in. */
  notice: string | null;
  refresh(): Promise<void>;
  signedIn(session: SessionInfo): void;
  lock(): Promise<void>;
  signOut(notice?: string): Promise<void>;
  /** A call came back 'locked' or 'unauthenticated': show the right gate. */
  sessionLost(code: 'locked' | 'unauthenticated'): void;
}

export const useSession = create<SessionState>((set, get) => ({
  phase: 'loading',
  session: null,
  lastStaffNo: '',
  notice: null,
  async refresh() {
    const status = await call('setup:status');
    // Set up from HQ with nobody to sign in yet: the setup page asks for a first administrator.
    if (status.ok && (!status.value.isSetUp || status.value.needsAdmin)) return set({ phase: 'setup', session: null });
    const s = await call('auth:session');
    if (s.ok && s.value) setDeskZone(s.value.siteTimeZone);
    if (s.ok && s.value) set({ phase: 'ready', session: s.value, lastStaffNo: s.value.staff.staffNo });
    else set({ phase: get().lastStaffNo ? 'locked' : 'signIn', session: null });
  },
  signedIn(session) {
    setDeskZone(session.siteTimeZone);
    set({ phase: 'ready', session, lastStaffNo: session.staff.staffNo, notice: null });
  },
  async lock() {
    await call('auth:lock');
    set({ phase: 'locked', session: null });
  },
  async signOut(notice) {
    await call('auth:signOut');
    set({ phase: 'signIn', session: null, lastStaffNo: '', notice: notice ?? null });
  },
  sessionLost(code) {
    // A call sent before the lock comes back 'unauthenticated' (the lock replaced the session key): the
    // desk stays locked, with its lock screen, rather than falling to the plain sign-in.
    if (get().phase === 'locked') return;
    set({ phase: code === 'locked' ? 'locked' : 'signIn', session: null });
  },
}));
