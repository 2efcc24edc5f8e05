import { create } from 'zustand';
import type { ShiftState } from '../../../shared/api/shiftSchemas';
import { call } from '../api/desk';
import { useSession } from './session';

interface ShiftStore {
  state: ShiftState | null;
  /** Whose state it is: after a change of person the old answer must not open the desk. */
  staffId: string | null;
  refresh(): Promise<void>;
  set(state: ShiftState): void;
}

/** This desk's shift as the signed-in person sees it: on shift → the desk; otherwise the handover gate. */
export const useShift = create<ShiftStore>((set) => ({
  state: null,
  staffId: null,
  async refresh() {
    const staffId = useSession.getState().session?.staff.id ?? null;
    const r = await call('shift:state');
    if (r.ok) set({ state: r.value, staffId });
  },
  set: (state) => set({ state, staffId: useSession.getState().session?.staff.id ?? null }),
}));
