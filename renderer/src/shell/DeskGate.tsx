import { useEffect } from 'react';
import { Spin } from 'antd';
import { desk } from '../api/desk';
import { useShift } from '../stores/shift';
import { useSession } from '../stores/session';
import { ShiftGatePage } from '../features/shifts/ShiftGatePage';
import { MustChangePinPage } from '../features/staff/MustChangePinPage';
import { Shell } from './Shell';
import { useIdleLock } from './useIdleLock';
import { roleAtLeast } from '../../../shared/domain/staff';

/**
 * The last gate: the desk opens only to someone on this desk's shift. Everyone else reads the
 * last handover and signs it first (the backend refuses desk work until then anyway). A guard
 * works the gate post, which runs no shifts, and goes straight in.
 */
export function DeskGate() {
  const role = useSession((s) => s.session?.staff.role);
  const mustChangePin = useSession((s) => s.session?.mustChangePin);
  const idleMinutes = useSession((s) => s.session?.idleLockMinutes ?? 5);
  const lock = useSession((s) => s.lock);
  // Idle lock covers every signed-in screen, the handover being read included.
  useIdleLock(idleMinutes, () => void lock());
  if (mustChangePin) return <MustChangePinPage />;
  return role && !roleAtLeast(role, 'receptionist') ? <Shell /> : <ShiftedDesk />;
}

function ShiftedDesk() {
  const staffId = useSession((s) => s.session?.staff.id);
  const { state, staffId: stateOf, refresh } = useShift();
  useEffect(() => void refresh(), [refresh, staffId]);
  useEffect(() => desk.subscribe((n) => n.kind === 'shift-changed' && void refresh()), [refresh]);
  if (!state || stateOf !== staffId)
    return (
      <div className="gate">
        <Spin size="large" />
      </div>
    );
  return state.onShift ? <Shell /> : <ShiftGatePage />;
}
