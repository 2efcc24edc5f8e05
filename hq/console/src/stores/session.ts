import { create } from 'zustand';
import type { ConsoleOutput } from '../../../src/console/contract/index';
import { call, onSignedOut } from '../api';

type User = NonNullable<ConsoleOutput<'session.me'>>;

interface SessionState {
  phase: 'loading' | 'signedOut' | 'signedIn';
  user: User | null;
  refresh: () => Promise<void>;
  signedIn: (user: User) => void;
  signOut: () => Promise<void>;
}

/** Who is signed in to the console; HQ is asked at start and tells when the session ends. */
export const useConsoleSession = create<SessionState>((set) => ({
  phase: 'loading',
  user: null,
  async refresh() {
    const user = await call('session.me', {}).catch(() => null);
    set({ user, phase: user ? 'signedIn' : 'signedOut' });
  },
  signedIn: (user) => set({ user, phase: 'signedIn' }),
  async signOut() {
    await call('session.signOut', {}).catch(() => undefined);
    set({ user: null, phase: 'signedOut' });
  },
}));

onSignedOut(() => useConsoleSession.setState({ user: null, phase: 'signedOut' }));
